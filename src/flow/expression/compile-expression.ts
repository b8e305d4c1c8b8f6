import jsep from 'jsep';
import type { BinaryOp, Comparison, Condition, FieldRef, Operand } from '../condition-spec.ts';
import type { QuestionKind } from '../form-spec.ts';

/** Why an expression cannot be read: a code (a key under `xlsform.expr.` / an English template) and its parameters. */
export interface ExpressionError {
  code: 'syntax' | 'unknown_field' | 'self_not_allowed' | 'unknown_function' | 'arguments' | 'not_condition' | 'not_value' | 'unsupported';
  params: Record<string, string | number>;
}

export type CompileResult = { ok: true; condition: Condition } | { ok: false; error: ExpressionError };

export interface CompileOptions {
  /** The kind of the question with this name, or undefined when the form has none. */
  kindOf: (name: string) => QuestionKind | undefined;
  /** True in a constraint, where `.` is the answer being checked. */
  allowSelf: boolean;
}

const DOLLAR = 36;
const OPEN_BRACE = 123;
const PERIOD = 46;

/** jsep reads JavaScript; XLSForm adds `and`, `or`, `=`, `div`, `mod`, `${name}`, `.` and hyphenated function names. */
function configureJsep(): void {
  jsep.addBinaryOp('or', 1);
  jsep.addBinaryOp('and', 2);
  jsep.addBinaryOp('=', 6);
  jsep.addBinaryOp('div', 10);
  jsep.addBinaryOp('mod', 10);
  jsep.hooks.add('gobble-token', function xlsformToken(this: jsep.HookScope, env) {
    const parser = this;
    const at = parser.index;
    const text = parser.expr;
    if (text.charCodeAt(at) === DOLLAR && text.charCodeAt(at + 1) === OPEN_BRACE) {
      const end = text.indexOf('}', at);
      if (end < 0) parser.throwError('"${" without "}"');
      parser.index = end + 1;
      env.node = { type: 'FieldRef', name: text.slice(at + 2, end).trim() };
    } else if (text.charCodeAt(at) === PERIOD && !/[0-9]/.test(text.charAt(at + 1))) {
      parser.index = at + 1;
      env.node = { type: 'Self' };
    } else if (text.startsWith('count-selected', at)) {
      parser.index = at + 'count-selected'.length;
      env.node = parser.gobbleTokenProperty({ type: 'Identifier', name: 'count-selected' });
    }
  });
}
configureJsep();

const COMPARISONS: Readonly<Record<string, BinaryOp>> = {
  '=': 'eq',
  '==': 'eq',
  '!=': 'ne',
  '>': 'gt',
  '>=': 'gte',
  '<': 'lt',
  '<=': 'lte',
};
const FLIPPED: Readonly<Record<BinaryOp, BinaryOp>> = { eq: 'eq', ne: 'ne', gt: 'lt', gte: 'lte', lt: 'gt', lte: 'gte' };
const ARITH: Readonly<Record<string, Extract<Operand, { arith: unknown }>['arith']>> = {
  '+': 'add',
  '-': 'sub',
  '*': 'mul',
  div: 'div',
  mod: 'mod',
};

class CompileError extends Error {
  constructor(readonly detail: ExpressionError) {
    super(detail.code);
  }
}

const fail = (code: ExpressionError['code'], params: Record<string, string | number> = {}): never => {
  throw new CompileError({ code, params });
};

/**
 * Reads an XLSForm `relevant` or `constraint` expression (`${sessions} > 0`, `. >= ${sessions}`,
 * `selected(${countries}, 'laos') and not(${a} = 0)`, `count-selected(.) <= 3`) into a {@link Condition}.
 * A comparison of one answer with a constant becomes the plain `{ field, op, value }` form; 'yes' / 'no'
 * next to a yes/no question become true / false.
 */
export function compileExpression(expression: string, options: CompileOptions): CompileResult {
  let tree: jsep.Expression;
  try {
    tree = jsep(expression.normalize('NFC'));
  } catch (error) {
    return { ok: false, error: { code: 'syntax', params: { detail: (error as Error).message } } };
  }
  try {
    return { ok: true, condition: new Compiler(options).condition(tree) };
  } catch (error) {
    if (error instanceof CompileError) return { ok: false, error: error.detail };
    throw error;
  }
}

class Compiler {
  constructor(private readonly options: CompileOptions) {}

  condition(node: jsep.Expression): Condition {
    if (node.type === 'BinaryExpression') {
      const { operator, left, right } = node as jsep.BinaryExpression;
      if (operator === 'and' || operator === '&&') return { all: [...this.flatten(left, 'all'), ...this.flatten(right, 'all')] };
      if (operator === 'or' || operator === '||') return { any: [...this.flatten(left, 'any'), ...this.flatten(right, 'any')] };
      const op = COMPARISONS[operator];
      if (op) return this.comparison(this.operand(left), op, this.operand(right));
      if (operator in ARITH) fail('not_condition');
      fail('unsupported', { what: operator });
    }
    if (node.type === 'CallExpression') {
      const { name, args } = this.call(node as jsep.CallExpression);
      if (name === 'not') return { not: this.condition(this.only(name, args)) };
      if (name === 'selected') {
        if (args.length !== 2) fail('arguments', { name, count: 2 });
        const option = args[1];
        if (option?.type !== 'Literal' || typeof (option as jsep.Literal).value !== 'string') fail('arguments', { name, count: 2 });
        return { selected: { of: this.fieldRef(args[0]!), option: String((option as jsep.Literal).value) } };
      }
      if (name === 'true' || name === 'false') {
        if (args.length !== 0) fail('arguments', { name, count: 0 });
        return { compare: { left: { value: 1 }, op: name === 'true' ? 'eq' : 'ne', right: { value: 1 } } };
      }
      if (name === 'count-selected') fail('not_condition');
      fail('unknown_function', { name });
    }
    if (node.type === 'UnaryExpression' && (node as jsep.UnaryExpression).operator === '!') {
      return { not: this.condition((node as jsep.UnaryExpression).argument) };
    }
    if (node.type === 'Compound') fail('syntax', { detail: 'several expressions side by side' });
    return fail('not_condition');
  }

  private flatten(node: jsep.Expression, kind: 'all' | 'any'): Condition[] {
    const condition = this.condition(node);
    return kind === 'all' && 'all' in condition ? condition.all : kind === 'any' && 'any' in condition ? condition.any : [condition];
  }

  private comparison(left: Operand, op: BinaryOp, right: Operand): Condition {
    if ('field' in left && 'value' in right) return this.plain(left.field, op, right.value);
    if ('value' in left && 'field' in right) return this.plain(right.field, FLIPPED[op], left.value);
    return { compare: { left, op, right } };
  }

  private plain(field: string, op: BinaryOp, value: number | string | boolean): Comparison {
    const yesNo = this.options.kindOf(field) === 'yes_no' && (value === 'yes' || value === 'no');
    return { field, op, value: yesNo ? value === 'yes' : value };
  }

  operand(node: jsep.Expression): Operand {
    switch (node.type) {
      case 'Literal': {
        const value = (node as jsep.Literal).value;
        if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return { value };
        return fail('unsupported', { what: (node as jsep.Literal).raw });
      }
      case 'FieldRef':
      case 'Self':
        return this.fieldRef(node);
      case 'UnaryExpression': {
        const { operator, argument } = node as jsep.UnaryExpression;
        const inner = this.operand(argument);
        if (operator === '-' && 'value' in inner && typeof inner.value === 'number') return { value: -inner.value };
        if (operator === '-') return { arith: 'sub', left: { value: 0 }, right: inner };
        if (operator === '+') return inner;
        return fail('not_value');
      }
      case 'BinaryExpression': {
        const { operator, left, right } = node as jsep.BinaryExpression;
        const arith = ARITH[operator];
        if (arith) return { arith, left: this.operand(left), right: this.operand(right) };
        if (operator in COMPARISONS || ['and', 'or', '&&', '||'].includes(operator)) return fail('not_value');
        return fail('unsupported', { what: operator });
      }
      case 'CallExpression': {
        const { name, args } = this.call(node as jsep.CallExpression);
        if (name === 'count-selected') return { countSelected: this.fieldRef(this.only(name, args)) };
        if (['not', 'selected', 'true', 'false'].includes(name)) return fail('not_value');
        return fail('unknown_function', { name });
      }
      case 'Identifier':
        return fail('unsupported', { what: (node as jsep.Identifier).name });
      default:
        return fail('syntax', { detail: node.type });
    }
  }

  private fieldRef(node: jsep.Expression): FieldRef {
    if (node.type === 'Self') return this.options.allowSelf ? { self: true } : fail('self_not_allowed');
    if (node.type !== 'FieldRef') return fail('not_value');
    const name = String(node.name);
    if (this.options.kindOf(name) === undefined) fail('unknown_field', { name });
    return { field: name };
  }

  private call(node: jsep.CallExpression): { name: string; args: jsep.Expression[] } {
    if (node.callee.type !== 'Identifier') return fail('syntax', { detail: 'call' });
    return { name: String((node.callee as jsep.Identifier).name), args: node.arguments };
  }

  private only(name: string, args: jsep.Expression[]): jsep.Expression {
    if (args.length !== 1 || !args[0]) return fail('arguments', { name, count: 1 });
    return args[0];
  }
}
