import { printExpression } from '../../flow/expression/print-expression.ts';
import type { FormSpec, QuestionSpec } from '../../flow/form-spec.ts';
import { sayText } from '../../flow/form-text.ts';
import { formatNumber } from '../../flow/format-number.ts';
import type { TextFn } from '../../flow/text-fn.ts';

const MAX_LINES = 60;

/**
 * What a leader checks before a form goes live: title, id, revision, then one line per question with
 * its name, text, type, whether it is required, its target, when it is asked and its rule
 * ("3. so_nguoi — Số lượt đoàn viên tham dự? · số nguyên · bắt buộc · hỏi khi ${so_buoi} > 0 · điều kiện . >= ${so_buoi}").
 */
export function formPreview(spec: FormSpec, t: TextFn): string {
  const kindOf = (name: string) => spec.questions.find((q) => q.id === name)?.type;
  const lines = [
    t('forms.preview.title', { title: sayText(spec.title, t), id: spec.id, revision: spec.revision, count: spec.questions.length }),
  ];
  spec.questions.slice(0, MAX_LINES).forEach((q, i) => {
    const parts = [
      `${i + 1}. ${q.id} — ${sayText(q.prompt, t)}`,
      typeWords(q, t),
      t(q.required ? 'forms.preview.required' : 'forms.preview.optional'),
    ];
    if ((q.type === 'integer' || q.type === 'decimal') && q.target !== undefined) {
      parts.push(t('forms.preview.target', { target: formatNumber(q.target, t) }));
    }
    if ((q.type === 'integer' || q.type === 'decimal') && q.provinceTarget !== undefined) {
      parts.push(t('forms.preview.province_target', { target: formatNumber(q.provinceTarget, t) }));
    }
    if (q.when) parts.push(t('forms.preview.when', { expression: printExpression(q.when, kindOf) }));
    if (q.constraint) parts.push(t('forms.preview.constraint', { expression: printExpression(q.constraint, kindOf) }));
    lines.push(parts.join(' · '));
  });
  if (spec.questions.length > MAX_LINES) lines.push(t('forms.preview.more', { count: spec.questions.length - MAX_LINES }));
  return lines.join('\n');
}

function typeWords(q: QuestionSpec, t: TextFn): string {
  if (q.type === 'single_choice' || q.type === 'multi_choice') {
    return t(`forms.type.${q.type}`, { options: q.options.map((o) => sayText(o.label, t)).join(', ') });
  }
  return t(`forms.type.${q.type}`);
}

/** Which answers a revision keeps: questions whose name stays, those it drops and those it adds. */
export function revisionChanges(current: FormSpec, next: FormSpec): { kept: string[]; dropped: string[]; added: string[] } {
  const before = new Set(current.questions.map((q) => q.id));
  const after = new Set(next.questions.map((q) => q.id));
  return {
    kept: next.questions.filter((q) => before.has(q.id)).map((q) => q.id),
    dropped: current.questions.filter((q) => !after.has(q.id)).map((q) => q.id),
    added: next.questions.filter((q) => !before.has(q.id)).map((q) => q.id),
  };
}
