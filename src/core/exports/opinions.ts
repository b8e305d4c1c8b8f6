import type { TextFn } from '../../flow/text-fn.ts';
import type { QuestionOf } from '../../flow/form-spec.ts';
import type { ReportData } from './report-data.ts';
import { sayText } from '../../flow/form-text.ts';

/** Where a text answer goes in the province's report: III. highlights, IV. difficulties, V. proposals. */
export type OpinionKind = 'highlights' | 'difficulties' | 'proposals' | 'other';

/** Question ids (folded, without diacritics) that say which section a text answer belongs to. */
const KIND_PATTERNS: readonly [OpinionKind, RegExp][] = [
  ['difficulties', /difficult|kho_?khan|vuong_?mac|han_?che|obstacle/],
  ['proposals', /propos|de_?xuat|kien_?nghi|recommend|suggest/],
  ['highlights', /highlight|noi_?bat|ket_?qua|achievement|outstanding/],
];

export function opinionKind(questionId: string): OpinionKind {
  return KIND_PATTERNS.find(([, pattern]) => pattern.test(questionId))?.[0] ?? 'other';
}

export interface TextQuestionColumn {
  question: QuestionOf<'text'>;
  label: string;
  kind: OpinionKind;
}

/** One unit's text answer to one question. */
export interface Opinion {
  kind: OpinionKind;
  questionLabel: string;
  unitCode: string;
  unitName: string;
  text: string;
}

export function textQuestions(data: ReportData, t: TextFn): TextQuestionColumn[] {
  return data.form.questions
    .filter((q): q is QuestionOf<'text'> => q.type === 'text')
    .map((question) => ({ question, label: sayText(question.label ?? question.prompt, t), kind: opinionKind(question.id) }));
}

/** Every non-empty text answer of the units that reported, in the units' order. */
export function opinions(data: ReportData, t: TextFn): Opinion[] {
  const columns = textQuestions(data, t);
  const result: Opinion[] = [];
  for (const column of columns) {
    for (const report of data.units) {
      const answers = report.latest?.answers;
      const value = answers && Object.hasOwn(answers, column.question.id) ? answers[column.question.id] : null;
      if (typeof value !== 'string' || value.trim() === '') continue;
      result.push({
        kind: column.kind,
        questionLabel: column.label,
        unitCode: report.unit.code,
        unitName: report.unit.name,
        text: value.trim(),
      });
    }
  }
  return result;
}
