import type { FormSpec, QuestionOf } from './form-spec.ts';

export type NumericQuestion = QuestionOf<'integer'> | QuestionOf<'decimal'>;

/** A figure's target over a set of units, and how far the reported total is towards it. */
export interface TargetProgress {
  questionId: string;
  total: number;
  target: number;
  /** total / target × 100, rounded to a whole percent (0 when the target is 0). */
  percent: number;
}

/**
 * The target of a numeric question over `unitCount` units: the form's province-wide target when it is set
 * and the units are the whole province, else each unit's target times the number of units; undefined
 * when the question has no target.
 */
export function targetFor(question: NumericQuestion, unitCount: number, wholeProvince = true): number | undefined {
  if (wholeProvince && question.provinceTarget !== undefined) return question.provinceTarget;
  if (question.target === undefined) return undefined;
  if (question.aggregate === 'mean') return question.target;
  return Number((question.target * unitCount).toPrecision(15));
}

/**
 * A numeric question's figure over several reports: the sum of the answers, or their mean for a question
 * with `aggregate: mean` (a share in %); skipped and absent answers are left out (count 0 in a sum).
 */
export function aggregateAnswers(question: NumericQuestion, answerSets: readonly Readonly<Record<string, unknown>>[]): number {
  const values = answerSets.flatMap((answers) => {
    const value = Object.hasOwn(answers, question.id) ? answers[question.id] : undefined;
    return typeof value === 'number' ? [value] : [];
  });
  const sum = values.reduce((acc, v) => acc + v, 0);
  const figure = question.aggregate === 'mean' ? (values.length > 0 ? sum / values.length : 0) : sum;
  return Number(figure.toPrecision(15));
}

/** Progress towards every target of the form, given each numeric question's total over `unitCount` units. */
export function targetProgress(
  spec: FormSpec,
  totals: readonly { questionId: string; total: number }[],
  unitCount: number,
  wholeProvince = true,
): TargetProgress[] {
  const out: TargetProgress[] = [];
  for (const { questionId, total } of totals) {
    const question = spec.questions.find((q) => q.id === questionId);
    if (!question || (question.type !== 'integer' && question.type !== 'decimal')) continue;
    const target = targetFor(question, unitCount, wholeProvince);
    if (target === undefined) continue;
    out.push({ questionId, total, target, percent: target > 0 ? Math.round((total / target) * 100) : 0 });
  }
  return out;
}
