import { safeParseFormSpec, type FormSpec } from '../../flow/form-spec.ts';
import type { PlanTarget } from '../../qa/plan-targets.ts';
import { foldText } from '../../qa/vietnamese-text.ts';

/** A draft report form made from a plan's targets, with a note per question saying where it comes from. */
export interface DraftForm {
  spec: FormSpec;
  /** Question id → "Mục I.1: «…»", prefixed with "CẦN XEM LẠI" where the reader was unsure. */
  notes: Map<string, string>;
}

const UNSURE: Readonly<Record<NonNullable<PlanTarget['unsure']>, string>> = {
  scope: 'không rõ là chỉ tiêu của mỗi đơn vị hay của toàn tỉnh (đang để toàn tỉnh)',
  measure: 'không rõ đơn vị tính',
  subject: 'nội dung chỉ tiêu ngắn, có thể chưa đủ ý',
};

/**
 * Drafts a form from the plan's targets: a whole-number (or decimal) question per count, with each
 * unit's target (`target`) or the province's (`provinceTarget`), a % question per share (averaged over
 * units), then two optional text questions (highlights; difficulties and proposals). Offline and
 * deterministic; the leader edits the workbook and sends it back.
 */
export function draftForm(planId: string, planTitle: string, targets: readonly PlanTarget[]): DraftForm {
  const notes = new Map<string, string>();
  const ids = new Set<string>();
  const questions: Record<string, unknown>[] = [];
  for (const target of targets.slice(0, 40)) {
    const id = uniqueId(target, ids);
    const where = target.section ? `Mục ${target.section}: ` : '';
    const unsure = target.unsure ? `CẦN XEM LẠI: ${UNSURE[target.unsure]}. ` : '';
    notes.set(id, `${unsure}${where}«${target.sentence}»`);
    if (target.scope === 'share') {
      questions.push({
        id,
        type: 'decimal',
        prompt: { vi: `Tỉ lệ ${target.subject} ở đơn vị đạt bao nhiêu phần trăm?` },
        label: { vi: `Tỉ lệ ${target.subject}` },
        unit: { vi: '%' },
        min: 0,
        max: 100,
        target: target.value,
        aggregate: 'mean',
        required: true,
      });
      continue;
    }
    const verb = target.verb ?? 'thực hiện';
    questions.push({
      id,
      type: Number.isInteger(target.value) ? 'integer' : 'decimal',
      prompt: { vi: `Trong kỳ báo cáo, đơn vị đã ${verb} được bao nhiêu ${target.subject}?` },
      label: { vi: capitalize(target.subject) },
      unit: { vi: target.measure },
      min: 0,
      ...(target.scope === 'unit' ? { target: target.value } : { provinceTarget: target.value }),
      required: true,
    });
  }
  for (const [id, vi] of [
    ['ket_qua_noi_bat', 'Kết quả nổi bật, cách làm hay trong kỳ (nếu có)?'],
    ['kho_khan_de_xuat', 'Khó khăn, vướng mắc và đề xuất (nếu có)?'],
  ] as const) {
    if (!ids.has(id)) questions.push({ id, type: 'text', prompt: { vi }, required: false, maxLength: 2000 });
  }
  const parsed = safeParseFormSpec(
    {
      id: formId(planId),
      specVersion: 1,
      revision: 1,
      title: { vi: `Báo cáo kết quả: ${planTitle}`.slice(0, 300) },
      questions: questions.slice(0, 100),
    },
    () => false,
  );
  if (!parsed.ok) throw new Error(`draft form is not valid: ${JSON.stringify(parsed.zod?.issues ?? parsed.issues)}`);
  return { spec: parsed.spec, notes };
}

function uniqueId(target: PlanTarget, taken: Set<string>): string {
  const words = foldText(target.subject)
    .replace(/[^a-z0-9 ]/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 5);
  const base = `${target.scope === 'share' ? 'ti_le' : 'so'}_${words.join('_')}`.slice(0, 48).replace(/_+$/, '');
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
  taken.add(id);
  return id;
}

function formId(planId: string): string {
  const id = `${foldText(planId).replace(/[^a-z0-9-]+/g, '-')}-bao-cao`.replace(/^-+/, '');
  return /^[a-z0-9]/.test(id) ? id.slice(0, 64) : `ke-hoach-${id}`.slice(0, 64);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
