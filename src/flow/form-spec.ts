import { z } from 'zod';
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

export const COMPARISON_OPS = ['gt', 'gte', 'lt', 'lte', 'eq', 'ne', 'in'] as const;
export type ComparisonOp = (typeof COMPARISON_OPS)[number];

/** `{ field: propaganda_sessions, op: gt, value: 0 }`: compares an earlier answer with a value. */
export interface Comparison {
  field: string;
  op: ComparisonOp;
  value: number | string | boolean | (number | string)[];
}

/** When a question is asked: a comparison, or all / any of several conditions. */
export type Condition = Comparison | { all: Condition[] } | { any: Condition[] };

const identifier = z.string().regex(/^[a-z][a-z0-9_]*$/, 'Expected lower-case letters, digits and "_", starting with a letter');
const localeKey = z.string().regex(/^[A-Za-z][\w-]*(\.[\w-]+)+$/, 'Expected a locale key such as "form.qttn.title"');

const comparisonSchema = z
  .object({
    field: identifier,
    op: z.enum(COMPARISON_OPS),
    value: z.union([z.number(), z.string(), z.boolean(), z.array(z.union([z.number(), z.string()])).min(1)]),
  })
  .strict();

const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    comparisonSchema,
    z.object({ all: z.array(conditionSchema).min(1) }).strict(),
    z.object({ any: z.array(conditionSchema).min(1) }).strict(),
  ]),
);

const base = {
  id: identifier,
  /** The question as asked. */
  prompt: localeKey,
  /** A short name for review lists, status and totals; the prompt when absent. */
  label: localeKey.optional(),
  help: localeKey.optional(),
  required: z.boolean().default(true),
  when: conditionSchema.optional(),
};

/** Targets of a numeric figure (from a plan: "mỗi cơ sở ít nhất 02 buổi", "toàn tỉnh 1.500 đơn vị máu"). */
const targets = {
  /** Each unit's target for this figure. */
  target: z.number().nonnegative().finite().optional(),
  /** The province-wide target; when absent it is the sum of the units' targets. */
  provinceTarget: z.number().nonnegative().finite().optional(),
};

const optionSchema = z.object({ id: identifier, label: localeKey }).strict();

const questionSchema = z.discriminatedUnion('type', [
  z
    .object({
      ...base,
      type: z.literal('integer'),
      unit: localeKey.optional(),
      min: z.number().int().optional(),
      max: z.number().int().optional(),
      ...targets,
    })
    .strict(),
  z
    .object({
      ...base,
      type: z.literal('decimal'),
      unit: localeKey.optional(),
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
    title: localeKey,
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
  const parsed = formSchema.safeParse(raw);
  if (!parsed.success) throw SpecError.fromZod(source, parsed.error);
  const issues = checkForm(parsed.data, hasKey);
  if (issues.length > 0) throw new SpecError(source, issues);
  return parsed.data;
}

function checkForm(form: FormSpec, hasKey: (key: string) => boolean): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const key = (value: string | undefined, path: (string | number)[]): void => {
    if (value !== undefined && !hasKey(value)) issues.push({ path: formatPath(path), message: `unknown locale key "${value}"` });
  };
  key(form.title, ['title']);
  const seen = new Map<string, QuestionSpec>();
  form.questions.forEach((q, i) => {
    const at = ['questions', i];
    if (seen.has(q.id)) issues.push({ path: formatPath([...at, 'id']), message: `duplicate question id "${q.id}"` });
    key(q.prompt, [...at, 'prompt']);
    key(q.label, [...at, 'label']);
    key(q.help, [...at, 'help']);
    if (q.type === 'integer' || q.type === 'decimal') {
      key(q.unit, [...at, 'unit']);
      if (q.min !== undefined && q.max !== undefined && q.min > q.max) {
        issues.push({ path: formatPath([...at, 'max']), message: `max (${q.max}) is less than min (${q.min})` });
      }
    }
    if (q.type === 'single_choice' || q.type === 'multi_choice') {
      const optionIds = new Set<string>();
      q.options.forEach((o, j) => {
        if (optionIds.has(o.id)) issues.push({ path: formatPath([...at, 'options', j, 'id']), message: `duplicate option id "${o.id}"` });
        optionIds.add(o.id);
        key(o.label, [...at, 'options', j, 'label']);
      });
    }
    if (q.when) checkCondition(q.when, [...at, 'when'], seen, form, issues);
    seen.set(q.id, q);
  });
  return issues;
}

/** Checks that a condition only looks back, at questions whose answers can be compared with its value. */
function checkCondition(
  condition: Condition,
  path: (string | number)[],
  earlier: ReadonlyMap<string, QuestionSpec>,
  form: FormSpec,
  issues: SpecIssue[],
): void {
  if ('all' in condition || 'any' in condition) {
    const [name, parts] = 'all' in condition ? ['all', condition.all] : ['any', condition.any];
    parts.forEach((c, i) => checkCondition(c, [...path, name, i], earlier, form, issues));
    return;
  }
  const target = earlier.get(condition.field);
  if (!target) {
    const exists = form.questions.some((q) => q.id === condition.field);
    issues.push({
      path: formatPath([...path, 'field']),
      message: exists
        ? `"${condition.field}" is not asked before this question; a condition may only use earlier answers`
        : `unknown question "${condition.field}"`,
    });
    return;
  }
  const problem = comparisonProblem(condition, target);
  if (problem) issues.push({ path: formatPath([...path, problem.field]), message: problem.message });
}

function comparisonProblem(c: Comparison, target: QuestionSpec): { field: 'op' | 'value'; message: string } | null {
  const values = Array.isArray(c.value) ? c.value : [c.value];
  if ((c.op === 'in') !== Array.isArray(c.value)) {
    return { field: 'value', message: c.op === 'in' ? 'op "in" needs a list of values' : `op "${c.op}" needs a single value` };
  }
  switch (target.type) {
    case 'integer':
    case 'decimal':
      return values.every((v) => typeof v === 'number')
        ? null
        : { field: 'value', message: `"${target.id}" is a number; compare it with numbers` };
    case 'yes_no':
      if (c.op !== 'eq' && c.op !== 'ne') return { field: 'op', message: `"${target.id}" is yes/no; use eq or ne` };
      return typeof c.value === 'boolean' ? null : { field: 'value', message: `"${target.id}" is yes/no; compare it with true or false` };
    case 'text':
    case 'single_choice':
    case 'multi_choice': {
      if (!['eq', 'ne', 'in'].includes(c.op)) return { field: 'op', message: `"${target.id}" is not a number; use eq, ne or in` };
      if (!values.every((v) => typeof v === 'string')) return { field: 'value', message: `"${target.id}" takes text values` };
      if (target.type === 'text') return null;
      const unknown = values.find((v) => !target.options.some((o) => o.id === v));
      return unknown === undefined ? null : { field: 'value', message: `"${String(unknown)}" is not an option of "${target.id}"` };
    }
  }
}
