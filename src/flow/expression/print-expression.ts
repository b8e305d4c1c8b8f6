import type { BinaryOp, Comparison, Condition, FieldRef, Operand } from '../condition-spec.ts';
import type { QuestionKind } from '../form-spec.ts';

const SYMBOL: Readonly<Record<BinaryOp, string>> = { eq: '=', ne: '!=', gt: '>', gte: '>=', lt: '<', lte: '<=' };
const ARITH_SYMBOL = { add: '+', sub: '-', mul: '*', div: 'div', mod: 'mod' } as const;

/**
 * Writes a condition as an XLSForm expression (the inverse of compileExpression): `${sessions} > 0`,
 * `. >= ${sessions}`, `selected(${countries}, 'laos')`. true / false are written 'yes' / 'no'; an answer of
 * a multi-choice question equal to a value is written `selected(...)`.
 */
export function printExpression(condition: Condition, kindOf: (name: string) => QuestionKind | undefined = () => undefined): string {
  return print(condition, kindOf, false);
}

function print(c: Condition, kindOf: (name: string) => QuestionKind | undefined, nested: boolean): string {
  const group = (text: string) => (nested ? `(${text})` : text);
  if ('all' in c) return group(c.all.map((x) => print(x, kindOf, true)).join(' and '));
  if ('any' in c) return group(c.any.map((x) => print(x, kindOf, true)).join(' or '));
  if ('not' in c) return `not(${print(c.not, kindOf, false)})`;
  if ('selected' in c) return `selected(${ref(c.selected.of)}, ${literal(c.selected.option)})`;
  if ('compare' in c) return `${operand(c.compare.left)} ${SYMBOL[c.compare.op]} ${operand(c.compare.right)}`;
  return comparison(c, kindOf, nested);
}

function comparison(c: Comparison, kindOf: (name: string) => QuestionKind | undefined, nested: boolean): string {
  const field = `\${${c.field}}`;
  const multi = kindOf(c.field) === 'multi_choice';
  if (c.op === 'in') {
    const values = Array.isArray(c.value) ? c.value : [c.value];
    const parts = values.map((v) => (multi ? `selected(${field}, ${literal(v)})` : `${field} = ${literal(v)}`));
    return parts.length === 1 ? parts[0]! : nested ? `(${parts.join(' or ')})` : parts.join(' or ');
  }
  const value = Array.isArray(c.value) ? c.value[0]! : c.value;
  if (multi && (c.op === 'eq' || c.op === 'ne')) {
    const selected = `selected(${field}, ${literal(value)})`;
    return c.op === 'eq' ? selected : `not(${selected})`;
  }
  return `${field} ${SYMBOL[c.op]} ${literal(value)}`;
}

function ref(r: FieldRef): string {
  return 'self' in r ? '.' : `\${${r.field}}`;
}

function operand(o: Operand): string {
  if ('value' in o) return literal(o.value);
  if ('countSelected' in o) return `count-selected(${ref(o.countSelected)})`;
  if ('arith' in o) {
    const inner = (x: Operand) => ('arith' in x ? `(${operand(x)})` : operand(x));
    return `${inner(o.left)} ${ARITH_SYMBOL[o.arith]} ${inner(o.right)}`;
  }
  return ref(o);
}

function literal(value: number | string | boolean): string {
  if (typeof value === 'boolean') return value ? "'yes'" : "'no'";
  if (typeof value === 'number') return String(value);
  return value.includes("'") ? `"${value}"` : `'${value}'`;
}
