import type { BinaryOp, Condition, Operand } from './condition-spec.ts';
import type { FormSpec, QuestionSpec } from './form-spec.ts';
import { questionLabel } from './form-render.ts';
import { sayText } from './form-text.ts';
import { formatNumber } from './format-number.ts';
import { formatAnswer } from './question-types/index.ts';
import type { Answers } from './relevance.ts';
import type { TextFn } from './text-fn.ts';

/**
 * What the officer is told when an answer breaks the question's constraint: the form's own message
 * (XLSForm `constraint_message`), else the rule in words when it compares the answer with one value
 * or answer ("Số này phải lớn hơn hoặc bằng «Số buổi» (12)."), else a general sentence.
 */
export function constraintMessage(spec: FormSpec, question: QuestionSpec, answers: Answers, t: TextFn): string {
  if (question.constraintMessage) return sayText(question.constraintMessage, t);
  const rule = question.constraint && describe(question.constraint, spec, answers, t);
  return rule ?? t('formtext.constraint_failed');
}

const FLIP: Readonly<Record<BinaryOp, BinaryOp>> = { eq: 'eq', ne: 'ne', gt: 'lt', gte: 'lte', lt: 'gt', lte: 'gte' };

function describe(c: Condition, spec: FormSpec, answers: Answers, t: TextFn): string | undefined {
  if (!('compare' in c)) return undefined;
  const { left, op, right } = c.compare;
  const [other, relation] = 'self' in left ? [right, op] : 'self' in right ? [left, FLIP[op]] : [undefined, op];
  if (!other) return undefined;
  const thing = operandWords(other, spec, answers, t);
  return thing === undefined ? undefined : t(`formtext.must.${relation}`, { other: thing });
}

function operandWords(o: Operand, spec: FormSpec, answers: Answers, t: TextFn): string | undefined {
  if ('value' in o) return typeof o.value === 'number' ? formatNumber(o.value, t) : String(o.value);
  if (!('field' in o)) return undefined;
  const question = spec.questions.find((q) => q.id === o.field);
  if (!question) return undefined;
  const label = questionLabel(question, t);
  const value = Object.hasOwn(answers, o.field) ? answers[o.field] : undefined;
  return value === undefined || value === null ? `«${label}»` : `«${label}» (${formatAnswer(question, value, t)})`;
}
