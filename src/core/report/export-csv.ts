import type { AnswerValue, FormSpec, QuestionSpec } from '../../flow/form-spec.ts';
import { formatAnswer } from '../../flow/question-types/index.ts';
import { formatDateTime } from '../text/dates.ts';
import type { PeriodStatus } from './period-status.ts';
import { sayText } from '../../flow/form-text.ts';

type T = (key: string, params?: Record<string, string | number>) => string;

function cell(value: unknown): string {
  const raw = Array.isArray(value) ? value.join('; ') : value === null || value === undefined ? '' : String(value);
  // Text typed by people (names, answers) that a spreadsheet would run as a formula is kept as text.
  const text = typeof value !== 'number' && /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
  return /[",\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * One row per unit with its latest answers, as CSV with a UTF-8 byte-order mark so that
 * spreadsheet programs show Vietnamese correctly.
 */
export function exportCsv(status: PeriodStatus, form: FormSpec, t: T, zone: string): Buffer {
  const headers = [
    t('export.unit_code'),
    t('export.unit_name'),
    t('export.state'),
    t('export.submitted_at'),
    t('export.submitted_by'),
    t('export.revision'),
    ...form.questions.map((q) => sayText(q.label ?? q.prompt, t)),
  ];
  const rows = status.units.map((s) => {
    const rev = s.latest;
    const state = rev ? (rev.late ? t('export.late') : t('export.on_time')) : t('export.missing');
    return [
      s.unit.code,
      s.unit.name,
      state,
      rev ? formatDateTime(rev.submittedAt, zone) : '',
      rev?.submittedBy.name ?? '',
      rev?.revision ?? '',
      ...form.questions.map((q) => (rev ? formatValue(q, rev.answers[q.id], t) : '')),
    ];
  });
  const text = [headers, ...rows].map((row) => row.map(cell).join(',')).join('\r\n');
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${text}\r\n`, 'utf8')]);
}

/** Numbers and texts as entered; yes/no and choices as the words people read, not option ids. */
function formatValue(question: QuestionSpec, value: AnswerValue | undefined, t: T): unknown {
  if (value === undefined || value === null) return '';
  if (question.type === 'yes_no' || question.type === 'single_choice' || question.type === 'multi_choice') {
    return formatAnswer(question, value, t);
  }
  return value;
}
