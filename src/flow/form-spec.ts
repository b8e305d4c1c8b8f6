import { z } from 'zod';
import { conditionSchema } from './condition-spec.ts';
import { compileExpression } from './expression/compile-expression.ts';
import { englishExpressionError } from './expression/expression-errors.ts';
import { checkForm, englishIssue } from './form-check.ts';
import { formTextSchema } from './form-text.ts';
import { SpecError, formatPath, type SpecIssue } from './spec-error.ts';

/**
 * The newest form schema (`specVersion`) this code reads; newer files are refused instead of misread.
 * A form's `revision` is something else: the content revision an author raises when the questions change.
 */
export const SUPPORTED_FORM_VERSION = 1;

/**
 * An answer: a number (integer, decimal), a string (text, single choice option id), a boolean (yes/no),
 * option ids (multi choice), or null when an optional question was skipped.
 */
export type AnswerValue = number | string | boolean | string[] | null;

export { COMPARISON_OPS } from './condition-spec.ts';
export type { ComparisonOp, Comparison, Condition, Operand, FieldRef } from './condition-spec.ts';

const identifier = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, 'Expected lower-case letters, digits and "_", starting with a letter')
  // Answers are keyed by question id: a name every object already has ("constructor") would read as answered.
  .refine(
    (id) => !(id in Object.prototype),
    (id) => ({ message: `"${id}" is a reserved name; choose another id` }),
  );

const base = {
  id: identifier,
  /** The question as asked: a locale key, or `{ vi, en? }` texts (XLSForm). */
  prompt: formTextSchema,
  /** A short name for review lists, status and totals; the prompt when absent. */
  label: formTextSchema.optional(),
  help: formTextSchema.optional(),
  required: z.boolean().default(true),
  /** When the question is asked (XLSForm `relevant`); only earlier answers count. */
  when: conditionSchema.optional(),
  /** What an answer must satisfy besides its type and range (XLSForm `constraint`, e.g. `. >= ${sessions}`). */
  constraint: conditionSchema.optional(),
  /** What the officer is told when the constraint fails (XLSForm `constraint_message`). */
  constraintMessage: formTextSchema.optional(),
  /** A text shown above the question (an XLSForm `note` row before it). */
  intro: formTextSchema.optional(),
  /** A suggested answer the officer may take with «mặc định» (XLSForm `default`); checked against the question. */
  default: z.union([z.number(), z.string(), z.boolean(), z.array(z.string()).min(1)]).optional(),
};

/** Targets of a numeric figure (from a plan: "mỗi cơ sở ít nhất 02 buổi", "toàn tỉnh 1.500 đơn vị máu"). */
const targets = {
  /** Each unit's target for this figure. */
  target: z.number().nonnegative().finite().optional(),
  /** The province-wide target; when absent it is the sum of the units' targets (their target itself for a mean). */
  provinceTarget: z.number().nonnegative().finite().optional(),
  /** How units' answers combine in totals: summed (default), or averaged (a share such as "100% chi đoàn …", in %). */
  aggregate: z.enum(['sum', 'mean']).optional(),
};

/** Option names may start with a digit ("1", "2": common in XLSForm choice lists). */
const optionId = z
  .string()
  .max(64)
  .regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/, 'Expected letters, digits, "_", "-" or "."');
const optionSchema = z.object({ id: optionId, label: formTextSchema }).strict();

const questionSchema = z.discriminatedUnion('type', [
  z
    .object({
      ...base,
      type: z.literal('integer'),
      unit: formTextSchema.optional(),
      min: z.number().int().optional(),
      max: z.number().int().optional(),
      ...targets,
    })
    .strict(),
  z
    .object({
      ...base,
      type: z.literal('decimal'),
      unit: formTextSchema.optional(),
      min: z.number().optional(),
      max: z.number().optional(),
      ...targets,
    })
    .strict(),
  z.object({ ...base, type: z.literal('text'), maxLength: z.number().int().positive().max(10_000).default(2000) }).strict(),
  z.object({ ...base, type: z.literal('single_choice'), options: z.array(optionSchema).min(2) }).strict(),
  z.object({ ...base, type: z.literal('multi_choice'), options: z.array(optionSchema).min(2) }).strict(),
  z.object({ ...base, type: z.literal('yes_no') }).strict(),
]);

const formSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'Expected lower-case letters, digits and "-"'),
    /** Which schema the file is written in (what this loader accepts); 1 when absent. */
    specVersion: z.number().int().positive().optional(),
    /** The content revision: raising it tells the bot the questions changed (saved, unsent answers are re-checked). */
    revision: z.number().int().positive().optional(),
    /** Before the split, one number meant both; still read from old files. */
    version: z.number().int().positive().optional(),
    title: formTextSchema,
    questions: z.array(questionSchema).min(1).max(100),
  })
  .strict()
  .superRefine((form, ctx) => {
    if (form.version !== undefined && (form.specVersion !== undefined || form.revision !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['version'], message: 'use specVersion and revision instead of version, not both' });
    }
  })
  .transform(({ version, specVersion, revision, ...rest }) => ({
    ...rest,
    specVersion: specVersion ?? version ?? 1,
    revision: revision ?? version ?? 1,
  }));

/**
 * A report form, read from `flows/<bundle>/form.yaml` (or a shared `flows/_forms/*.yaml`).
 * `specVersion` is the schema the file is written in; `revision` the content revision of its questions.
 */
export type FormSpec = z.output<typeof formSchema>;
export type QuestionSpec = FormSpec['questions'][number];
export type QuestionKind = QuestionSpec['type'];
/** A question of one kind, e.g. `QuestionOf<'integer'>`. */
export type QuestionOf<K extends QuestionKind> = Extract<QuestionSpec, { type: K }>;
export type ChoiceOption = z.output<typeof optionSchema>;
export type { FormText, InlineText } from './form-text.ts';

/**
 * Validates a form read from YAML. Besides the shape, checks that question and option ids are unique,
 * that every `when` refers to an earlier question with a value of the right kind, that min <= max, that
 * the schema version (`specVersion`, or `version` in files written before the split) is not newer than {@link SUPPORTED_FORM_VERSION}, and that every locale key exists.
 * @throws SpecError naming `source` and the field at fault.
 */
export function parseFormSpec(raw: unknown, source: string, hasKey: (key: string) => boolean): FormSpec {
  const fields = (raw ?? {}) as { version?: unknown; specVersion?: unknown };
  const [field, version] = fields.specVersion !== undefined ? ['specVersion', fields.specVersion] : ['version', fields.version];
  if (typeof version === 'number' && version > SUPPORTED_FORM_VERSION) {
    throw new SpecError(source, [
      { path: field, message: `${field} ${version} is newer than this doanbot reads (${SUPPORTED_FORM_VERSION}); update doanbot` },
    ]);
  }
  const compiled = compileExpressionStrings(raw);
  if (compiled.issues.length > 0) throw new SpecError(source, compiled.issues);
  const parsed = formSchema.safeParse(compiled.raw);
  if (!parsed.success) throw SpecError.fromZod(source, parsed.error);
  const issues = checkForm(parsed.data, hasKey);
  if (issues.length > 0) {
    throw new SpecError(
      source,
      issues.map((issue) => ({ path: formatPath(issue.path), message: englishIssue(issue) })),
    );
  }
  return parsed.data;
}

/** Validates a form built in code (e.g. from a workbook); the issues as codes, for the caller to word. */
export function safeParseFormSpec(
  raw: unknown,
  hasKey: (key: string) => boolean,
): { ok: true; spec: FormSpec } | { ok: false; zod?: z.ZodError; issues: ReturnType<typeof checkForm> } {
  const parsed = formSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, zod: parsed.error, issues: [] };
  const issues = checkForm(parsed.data, hasKey);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, spec: parsed.data };
}

/**
 * In YAML a `when` or `constraint` may be an XLSForm expression (`constraint: ". >= ${propaganda_sessions}"`):
 * compiles those strings into conditions before the schema is checked.
 */
function compileExpressionStrings(raw: unknown): { raw: unknown; issues: SpecIssue[] } {
  const questions = (raw as { questions?: unknown } | null)?.questions;
  if (!Array.isArray(questions)) return { raw, issues: [] };
  const kinds = new Map<string, QuestionKind>();
  for (const q of questions) {
    const { id, type } = (q ?? {}) as { id?: unknown; type?: unknown };
    if (typeof id === 'string' && typeof type === 'string' && !kinds.has(id)) kinds.set(id, type as QuestionKind);
  }
  const issues: SpecIssue[] = [];
  const out = questions.map((q: unknown, i: number) => {
    if (q === null || typeof q !== 'object') return q;
    const copy: Record<string, unknown> = { ...(q as Record<string, unknown>) };
    for (const field of ['when', 'constraint'] as const) {
      const expression = copy[field];
      if (typeof expression !== 'string') continue;
      const result = compileExpression(expression, { kindOf: (name) => kinds.get(name), allowSelf: field === 'constraint' });
      if (result.ok) copy[field] = result.condition;
      else issues.push({ path: formatPath(['questions', i, field]), message: englishExpressionError(result.error) });
    }
    return copy;
  });
  return { raw: { ...(raw as object), questions: out }, issues };
}
