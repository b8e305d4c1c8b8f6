import type { BinaryOp, Comparison, Condition, FieldRef, Operand } from './condition-spec.ts';
import type { AnswerValue } from './form-spec.ts';

/** A condition's value: `unknown` while an answer it depends on has not been given yet. */
export type Truth = boolean | 'unknown';

const UNKNOWN = Symbol('unknown');
type Value = AnswerValue | typeof UNKNOWN;

/**
 * Evaluates a condition against the answers so far; `self` is the answer being checked (`.` in a
 * constraint). A skipped answer (null) makes every comparison false; a multi-choice answer is `eq` a
 * value when it contains it, and `in` a list when it shares an item; a yes/no answer equals 'yes' / 'no'.
 */
export function evaluateCondition(condition: Condition, answers: Readonly<Record<string, AnswerValue>>, self?: AnswerValue): Truth {
  if ('all' in condition) {
    const parts = condition.all.map((c) => evaluateCondition(c, answers, self));
    return parts.includes(false) ? false : parts.includes('unknown') ? 'unknown' : true;
  }
  if ('any' in condition) {
    const parts = condition.any.map((c) => evaluateCondition(c, answers, self));
    return parts.includes(true) ? true : parts.includes('unknown') ? 'unknown' : false;
  }
  if ('not' in condition) {
    const inner = evaluateCondition(condition.not, answers, self);
    return inner === 'unknown' ? inner : !inner;
  }
  if ('compare' in condition) {
    const { left, op, right } = condition.compare;
    return compareValues(operandValue(left, answers, self), op, operandValue(right, answers, self));
  }
  if ('selected' in condition) {
    const answer = refValue(condition.selected.of, answers, self);
    if (answer === UNKNOWN) return 'unknown';
    return isSelected(answer, condition.selected.option);
  }
  const answer = refValue({ field: condition.field }, answers, self);
  return answer === UNKNOWN ? 'unknown' : compareLegacy(answer, condition);
}

function refValue(ref: FieldRef, answers: Readonly<Record<string, AnswerValue>>, self: AnswerValue | undefined): Value {
  if ('self' in ref) return self === undefined ? UNKNOWN : self;
  if (!Object.prototype.hasOwnProperty.call(answers, ref.field)) return UNKNOWN;
  const value = answers[ref.field];
  return value === undefined ? UNKNOWN : value;
}

function operandValue(operand: Operand, answers: Readonly<Record<string, AnswerValue>>, self: AnswerValue | undefined): Value {
  if ('value' in operand) return operand.value;
  if ('countSelected' in operand) {
    const answer = refValue(operand.countSelected, answers, self);
    if (answer === UNKNOWN) return UNKNOWN;
    return Array.isArray(answer) ? answer.length : answer === null ? 0 : 1;
  }
  if ('arith' in operand) {
    const left = operandValue(operand.left, answers, self);
    const right = operandValue(operand.right, answers, self);
    if (left === UNKNOWN || right === UNKNOWN) return UNKNOWN;
    if (typeof left !== 'number' || typeof right !== 'number') return null;
    return arithmetic(operand.arith, left, right);
  }
  return refValue(operand, answers, self);
}

function arithmetic(op: Extract<Operand, { arith: unknown }>['arith'], a: number, b: number): number | null {
  const result = op === 'add' ? a + b : op === 'sub' ? a - b : op === 'mul' ? a * b : op === 'div' ? a / b : a % b;
  return Number.isFinite(result) ? result : null;
}

/** 'yes' / 'no' stand for true / false next to a yes/no answer (XLSForm writes yes/no as a choice list). */
function asBoolean(value: AnswerValue): AnswerValue {
  return value === 'yes' ? true : value === 'no' ? false : value;
}

function isSelected(answer: AnswerValue, option: string): boolean {
  if (Array.isArray(answer)) return answer.includes(option);
  if (typeof answer === 'boolean') return answer === asBoolean(option);
  return answer === option;
}

function compareValues(left: Value, op: BinaryOp, right: Value): Truth {
  if (left === UNKNOWN || right === UNKNOWN) return 'unknown';
  if (left === null || right === null) return false;
  if (Array.isArray(left) || Array.isArray(right)) {
    const [list, other] = Array.isArray(left) ? [left, right] : [right as string[], left];
    if (Array.isArray(other)) return op === 'eq' ? sameItems(list, other) : op === 'ne' ? !sameItems(list, other) : false;
    if (op === 'eq') return list.includes(String(other));
    if (op === 'ne') return !list.includes(String(other));
    return false;
  }
  const [a, b] = typeof left === 'boolean' || typeof right === 'boolean' ? [asBoolean(left), asBoolean(right)] : [left, right];
  if (op === 'eq') return a === b;
  if (op === 'ne') return a !== b;
  if (typeof a !== 'number' || typeof b !== 'number') return false;
  return op === 'gt' ? a > b : op === 'gte' ? a >= b : op === 'lt' ? a < b : a <= b;
}

function sameItems(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

function compareLegacy(answer: AnswerValue, { op, value }: Comparison): boolean {
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
