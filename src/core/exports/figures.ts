import type { QuestionSpec } from '../../flow/form-spec.ts';
import { sayText } from '../../flow/form-text.ts';
import { aggregateAnswers, targetFor, type NumericQuestion } from '../../flow/targets.ts';
import type { ReportData } from './report-data.ts';
import type { TextFn } from '../../flow/text-fn.ts';

/** One numeric figure of the period, province-wide. */
export interface FigureRow {
  question: NumericQuestion;
  label: string;
  /** Unit of measure as people read it ("buổi"), "" when the form gives none. */
  measure: string;
  /** Sum over the units that reported (their mean for a share, `aggregate: mean`). */
  total: number;
  /** How many reporting units answered it. */
  answered: number;
  target?: number;
  /** total / target in %, one decimal. */
  percentOfTarget?: number;
  /** The same figure's total in the previous period of the plan. */
  previous?: number;
  /** total - previous. */
  change?: number;
  /** change / previous in %, one decimal; absent when previous is 0. */
  changePercent?: number;
}

export function isNumeric(question: QuestionSpec): question is NumericQuestion {
  return question.type === 'integer' || question.type === 'decimal';
}

/** The numeric figures of the period: totals, targets and % where the form has them, change against the previous period. */
export function figureRows(data: ReportData, t: TextFn): FigureRow[] {
  const answers = data.units.flatMap((u) => (u.latest ? [u.latest.answers] : []));
  const previousAnswers = data.previous ? [...data.previous.latest.values()].map((r) => r.answers) : undefined;
  return data.form.questions.filter(isNumeric).map((question) => {
    const total = aggregateAnswers(question, answers);
    const answered = answers.filter((a) => Object.hasOwn(a, question.id) && typeof a[question.id] === 'number').length;
    const row: FigureRow = {
      question,
      label: sayText(question.label ?? question.prompt, t),
      measure: question.unit ? sayText(question.unit, t) : '',
      total,
      answered,
    };
    const target = targetFor(question, data.units.length, data.scope === undefined);
    if (target !== undefined) {
      row.target = target;
      if (target > 0) row.percentOfTarget = round1((total / target) * 100);
    }
    if (previousAnswers) {
      const previous = aggregateAnswers(question, previousAnswers);
      row.previous = previous;
      row.change = clean(total - previous);
      if (previous !== 0) row.changePercent = round1(((total - previous) / previous) * 100);
    }
    return row;
  });
}

/** Drops float noise (0.1 + 0.2). */
function clean(n: number): number {
  return Number(n.toPrecision(15));
}

/** Rounds to one decimal (a percentage as the exports show it). */
export function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
