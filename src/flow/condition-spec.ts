import { z } from 'zod';

export const COMPARISON_OPS = ['gt', 'gte', 'lt', 'lte', 'eq', 'ne', 'in'] as const;
export type ComparisonOp = (typeof COMPARISON_OPS)[number];
/** The operators of a comparison between two operands (`in` compares with a list, only in {@link Comparison}). */
export type BinaryOp = Exclude<ComparisonOp, 'in'>;
const BINARY_OPS = ['gt', 'gte', 'lt', 'lte', 'eq', 'ne'] as const satisfies readonly BinaryOp[];
export const ARITH_OPS = ['add', 'sub', 'mul', 'div', 'mod'] as const;
export type ArithOp = (typeof ARITH_OPS)[number];

/** `{ field: propaganda_sessions, op: gt, value: 0 }`: compares an answer with a value. */
export interface Comparison {
  field: string;
  op: ComparisonOp;
  value: number | string | boolean | (number | string)[];
}

/** An answer: another question's (`{ field: sessions }`, XLSForm `${sessions}`) or the one being checked (`.`). */
export type FieldRef = { field: string } | { self: true };

/**
 * A value inside a condition: an answer, a constant, how many options a multi-choice answer holds
 * (XLSForm `count-selected(${q})`), or arithmetic (`${a} + ${b}`).
 */
export type Operand =
  FieldRef | { value: number | string | boolean } | { countSelected: FieldRef } | { arith: ArithOp; left: Operand; right: Operand };

/**
 * When a question is asked (`when`, XLSForm `relevant`) or whether an answer is accepted (`constraint`):
 * a comparison of an answer with a value, a comparison of two operands (`participants >= sessions`), an
 * option chosen (XLSForm `selected(${q}, 'laos')`), or all / any / not of other conditions.
 * In YAML a condition may also be written as an XLSForm expression string (see compile-expression.ts).
 */
export type Condition =
  | Comparison
  | { compare: { left: Operand; op: BinaryOp; right: Operand } }
  | { selected: { of: FieldRef; option: string } }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

const identifier = z.string().regex(/^[a-z][a-z0-9_]*$/, 'Expected lower-case letters, digits and "_", starting with a letter');
const scalar = z.union([z.number(), z.string(), z.boolean()]);

const comparisonSchema = z
  .object({
    field: identifier,
    op: z.enum(COMPARISON_OPS),
    value: z.union([scalar, z.array(z.union([z.number(), z.string()])).min(1)]),
  })
  .strict();

const fieldRefSchema: z.ZodType<FieldRef> = z.union([
  z.object({ field: identifier }).strict(),
  z.object({ self: z.literal(true) }).strict(),
]);

const operandSchema: z.ZodType<Operand> = z.lazy(() =>
  z.union([
    fieldRefSchema,
    z.object({ value: scalar }).strict(),
    z.object({ countSelected: fieldRefSchema }).strict(),
    z.object({ arith: z.enum(ARITH_OPS), left: operandSchema, right: operandSchema }).strict(),
  ]),
);

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    comparisonSchema,
    z.object({ compare: z.object({ left: operandSchema, op: z.enum(BINARY_OPS), right: operandSchema }).strict() }).strict(),
    z.object({ selected: z.object({ of: fieldRefSchema, option: z.string().min(1) }).strict() }).strict(),
    z.object({ all: z.array(conditionSchema).min(1) }).strict(),
    z.object({ any: z.array(conditionSchema).min(1) }).strict(),
    z.object({ not: conditionSchema }).strict(),
  ]),
);
