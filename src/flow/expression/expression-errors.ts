import type { ExpressionError } from './compile-expression.ts';

const ENGLISH: Readonly<Record<ExpressionError['code'], string>> = {
  syntax: 'not a valid expression ({detail})',
  unknown_field: 'no question named ${{name}}',
  self_not_allowed: '"." (the answer itself) may only be used in a constraint',
  unknown_function: 'unknown function {name}()',
  arguments: '{name}() takes {count} argument(s)',
  not_condition: 'the expression gives a value, not a condition (compare it: "${x} > 0")',
  not_value: 'a condition stands where a value is expected',
  unsupported: '"{what}" is not supported here',
};

/** An expression error in English (YAML forms); workbooks word it through `xlsform.expr.<code>`. */
export function englishExpressionError(error: ExpressionError): string {
  return ENGLISH[error.code].replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(error.params, name) ? String(error.params[name]) : whole,
  );
}
