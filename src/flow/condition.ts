import type { AnswerValue, Comparison, Condition } from './form-spec.ts';

/** A condition's value: `unknown` while an answer it depends on has not been given yet. */
export type Truth = boolean | 'unknown';

/**
 * Evaluates a `when` condition against the answers so far. A skipped answer (null) makes every comparison
 * false; a multi-choice answer is `eq` a value when it contains it, and `in` a list when it shares an item.
 */
export function evaluateCondition(condition: Condition, answers: Readonly<Record<string, AnswerValue>>): Truth {
  if ('all' in condition) {
    const parts = condition.all.map((c) => evaluateCondition(c, answers));
    return parts.includes(false) ? false : parts.includes('unknown') ? 'unknown' : true;
  }
  if ('any' in condition) {
    const parts = condition.any.map((c) => evaluateCondition(c, answers));
    return parts.includes(true) ? true : parts.includes('unknown') ? 'unknown' : false;
  }
  if (!Object.prototype.hasOwnProperty.call(answers, condition.field)) return 'unknown';
  const answer = answers[condition.field];
  return answer === undefined ? 'unknown' : compare(answer, condition);
}

function compare(answer: AnswerValue, { op, value }: Comparison): boolean {
  if (answer === null) return false;
  const list = Array.isArray(value) ? value : [value];
  if (Array.isArray(answer)) {
    if (op === 'eq') return answer.includes(String(value));
    if (op === 'ne') return !answer.includes(String(value));
    if (op === 'in') return list.some((v) => answer.includes(String(v)));
    return false;
  }
  switch (op) {
    case 'eq':
      return answer === value;
    case 'ne':
      return answer !== value;
    case 'in':
      return list.includes(answer as number | string);
    case 'gt':
      return typeof answer === 'number' && typeof value === 'number' && answer > value;
    case 'gte':
      return typeof answer === 'number' && typeof value === 'number' && answer >= value;
    case 'lt':
      return typeof answer === 'number' && typeof value === 'number' && answer < value;
    case 'lte':
      return typeof answer === 'number' && typeof value === 'number' && answer <= value;
  }
}
