import type { Comparison, Condition, FieldRef, Operand } from './condition-spec.ts';
import type { FormSpec, QuestionSpec } from './form-spec.ts';
import { localeKeyOf, type FormText } from './form-text.ts';
import { answerFits } from './question-types/index.ts';

/**
 * One authoring mistake in a form, where it is (`['questions', 3, 'when', 'field']`) and what is wrong as a
 * code with parameters: YAML forms show it in English (start-up errors for whoever edits the files), a
 * workbook's checker in the admin's language, naming the sheet, row and column.
 */
export interface FormIssue {
  path: (string | number)[];
  code: FormIssueCode;
  params: Record<string, string | number>;
}

export type FormIssueCode =
  | 'unknown_key'
  | 'duplicate_question'
  | 'duplicate_option'
  | 'max_below_min'
  | 'unknown_field'
  | 'later_field'
  | 'self_not_allowed'
  | 'not_an_option'
  | 'needs_number'
  | 'needs_text'
  | 'yes_no_op'
  | 'yes_no_value'
  | 'text_op'
  | 'in_needs_list'
  | 'single_needs_value'
  | 'type_mismatch'
  | 'needs_choice'
  | 'target_not_numeric'
  | 'bad_default';

/** English texts of the issues, for YAML forms. */
export const ENGLISH_FORM_ISSUES: Readonly<Record<FormIssueCode, string>> = {
  unknown_key: 'unknown locale key "{key}"',
  duplicate_question: 'duplicate question id "{name}"',
  duplicate_option: 'duplicate option id "{option}"',
  max_below_min: 'max ({max}) is less than min ({min})',
  unknown_field: 'unknown question "{name}"',
  later_field: '"{name}" is not asked before this question; a condition may only use earlier answers',
  self_not_allowed: '"." (the answer itself) may only be used in a constraint',
  not_an_option: '"{option}" is not an option of "{name}"',
  needs_number: '"{name}" is a number; compare it with numbers',
  needs_text: '"{name}" takes text values',
  yes_no_op: '"{name}" is yes/no; use eq or ne',
  yes_no_value: '"{name}" is yes/no; compare it with true or false',
  text_op: '"{name}" is not a number; use eq, ne or in',
  in_needs_list: 'op "in" needs a list of values',
  single_needs_value: 'op "{op}" needs a single value',
  type_mismatch: 'cannot compare {left} with {right}',
  needs_choice: '"{name}" is not a choice question',
  target_not_numeric: 'only number questions have targets',
  bad_default: 'the default {value} is not a valid answer to this question',
};

export function englishIssue(issue: FormIssue): string {
  return ENGLISH_FORM_ISSUES[issue.code].replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(issue.params, name) ? String(issue.params[name]) : whole,
  );
}

type Kind = 'number' | 'text' | 'choice' | 'choices' | 'bool';

function kindOf(question: QuestionSpec): Kind {
  switch (question.type) {
    case 'integer':
    case 'decimal':
      return 'number';
    case 'text':
      return 'text';
    case 'single_choice':
      return 'choice';
    case 'multi_choice':
      return 'choices';
    case 'yes_no':
      return 'bool';
  }
}

/**
 * Checks a form beyond its shape: unique question and option ids, existing locale keys, min <= max, and
 * every condition: a `when` looks only at earlier questions, a `constraint` at any question and at `.`,
 * and every comparison compares values of the same kind with options that exist.
 */
export function checkForm(form: FormSpec, hasKey: (key: string) => boolean): FormIssue[] {
  const issues: FormIssue[] = [];
  const add = (path: (string | number)[], code: FormIssueCode, params: Record<string, string | number> = {}) =>
    issues.push({ path, code, params });
  const text = (value: FormText | undefined, path: (string | number)[]): void => {
    const key = localeKeyOf(value);
    if (key !== undefined && !hasKey(key)) add(path, 'unknown_key', { key });
  };
  text(form.title, ['title']);
  const byId = new Map<string, { question: QuestionSpec; index: number }>();
  form.questions.forEach((question, index) => {
    if (!byId.has(question.id)) byId.set(question.id, { question, index });
  });
  const seen = new Set<string>();
  form.questions.forEach((q, i) => {
    const at = ['questions', i];
    if (seen.has(q.id)) add([...at, 'id'], 'duplicate_question', { name: q.id });
    seen.add(q.id);
    text(q.prompt, [...at, 'prompt']);
    text(q.label, [...at, 'label']);
    text(q.help, [...at, 'help']);
    text(q.constraintMessage, [...at, 'constraintMessage']);
    text(q.intro, [...at, 'intro']);
    if (q.default !== undefined && !answerFits(q, q.default)) add([...at, 'default'], 'bad_default', { value: JSON.stringify(q.default) });
    if (q.type === 'integer' || q.type === 'decimal') {
      text(q.unit, [...at, 'unit']);
      if (q.min !== undefined && q.max !== undefined && q.min > q.max) add([...at, 'max'], 'max_below_min', { min: q.min, max: q.max });
    }
    if (q.type === 'single_choice' || q.type === 'multi_choice') {
      const optionIds = new Set<string>();
      q.options.forEach((o, j) => {
        if (optionIds.has(o.id)) add([...at, 'options', j, 'id'], 'duplicate_option', { option: o.id });
        optionIds.add(o.id);
        text(o.label, [...at, 'options', j, 'label']);
      });
    }
    const checker = (where: 'when' | 'constraint') =>
      new ConditionChecker(q, i, where, byId, (path, code, params) => add([...at, where, ...path], code, params));
    if (q.when) checker('when').condition(q.when, []);
    if (q.constraint) checker('constraint').condition(q.constraint, []);
  });
  return issues;
}

type Report = (path: (string | number)[], code: FormIssueCode, params?: Record<string, string | number>) => void;
/** An operand's kind, with its question when it is an answer (to check option names), or null after an error. */
type Typed = { kind: Kind; question?: QuestionSpec; literal?: number | string | boolean } | null;

class ConditionChecker {
  constructor(
    private readonly owner: QuestionSpec,
    private readonly ownerIndex: number,
    private readonly where: 'when' | 'constraint',
    private readonly byId: ReadonlyMap<string, { question: QuestionSpec; index: number }>,
    private readonly report: Report,
  ) {}

  condition(c: Condition, path: (string | number)[]): void {
    if ('all' in c) return c.all.forEach((x, i) => this.condition(x, [...path, 'all', i]));
    if ('any' in c) return c.any.forEach((x, i) => this.condition(x, [...path, 'any', i]));
    if ('not' in c) return this.condition(c.not, [...path, 'not']);
    if ('selected' in c) {
      const of = this.ref(c.selected.of, [...path, 'selected', 'of']);
      if (!of) return;
      if (of.kind === 'bool') {
        if (c.selected.option !== 'yes' && c.selected.option !== 'no')
          this.report([...path, 'selected', 'option'], 'not_an_option', { option: c.selected.option, name: of.question?.id ?? '.' });
        return;
      }
      if (of.kind !== 'choice' && of.kind !== 'choices')
        return this.report([...path, 'selected', 'of'], 'needs_choice', { name: nameOf(of) });
      this.option(of, c.selected.option, [...path, 'selected', 'option']);
      return;
    }
    if ('compare' in c) {
      const { left, op, right } = c.compare;
      const l = this.operand(left, [...path, 'compare', 'left']);
      const r = this.operand(right, [...path, 'compare', 'right']);
      if (l && r) this.comparePair(l, op, r, [...path, 'compare']);
      return;
    }
    this.legacy(c, path);
  }

  private comparePair(l: NonNullable<Typed>, op: string, r: NonNullable<Typed>, path: (string | number)[]): void {
    const equality = op === 'eq' || op === 'ne';
    const [a, b] = l.kind === 'choices' || l.kind === 'choice' || l.kind === 'bool' ? [l, r] : [r, l];
    if (a.kind === 'number' && b.kind === 'number') return;
    if (a.kind === 'choices' || a.kind === 'choice') {
      if (b.kind === 'text' && b.literal !== undefined) {
        if (!equality) return this.report([...path, 'op'], 'text_op', { name: nameOf(a) });
        return this.option(a, String(b.literal), [...path, 'right']);
      }
      if (b.kind === a.kind && equality && b.question && a.question && sameOptions(a.question, b.question)) return;
    }
    if (a.kind === 'bool') {
      if (!equality) return this.report([...path, 'op'], 'yes_no_op', { name: nameOf(a) });
      if (b.kind === 'bool' || (b.literal !== undefined && ['yes', 'no'].includes(String(b.literal)))) return;
      return this.report(path, 'yes_no_value', { name: nameOf(a) });
    }
    if (a.kind === 'text' && b.kind === 'text') {
      return equality ? undefined : this.report([...path, 'op'], 'text_op', { name: nameOf(a) });
    }
    this.report(path, 'type_mismatch', { left: nameOf(l), right: nameOf(r) });
  }

  private operand(o: Operand, path: (string | number)[]): Typed {
    if ('value' in o) {
      const kind: Kind = typeof o.value === 'number' ? 'number' : typeof o.value === 'boolean' ? 'bool' : 'text';
      return { kind, literal: o.value };
    }
    if ('countSelected' in o) {
      const of = this.ref(o.countSelected, [...path, 'countSelected']);
      if (of && of.kind !== 'choices' && of.kind !== 'choice') {
        this.report([...path, 'countSelected'], 'needs_choice', { name: nameOf(of) });
        return null;
      }
      return of && { kind: 'number' };
    }
    if ('arith' in o) {
      const l = this.operand(o.left, [...path, 'left']);
      const r = this.operand(o.right, [...path, 'right']);
      for (const [side, typed] of [['left', l] as const, ['right', r] as const]) {
        if (typed && typed.kind !== 'number') this.report([...path, side], 'needs_number', { name: nameOf(typed) });
      }
      return l && r && l.kind === 'number' && r.kind === 'number' ? { kind: 'number' } : null;
    }
    return this.ref(o, path);
  }

  private ref(ref: FieldRef, path: (string | number)[]): Typed {
    if ('self' in ref) {
      if (this.where === 'when') {
        this.report(path, 'self_not_allowed');
        return null;
      }
      return { kind: kindOf(this.owner), question: this.owner };
    }
    const found = this.byId.get(ref.field);
    if (!found) {
      this.report([...path, 'field'], 'unknown_field', { name: ref.field });
      return null;
    }
    if (this.where === 'when' && found.index >= this.ownerIndex) {
      this.report([...path, 'field'], 'later_field', { name: ref.field });
      return null;
    }
    return { kind: kindOf(found.question), question: found.question };
  }

  private option(of: NonNullable<Typed>, option: string, path: (string | number)[]): void {
    const q = of.question;
    if (q && (q.type === 'single_choice' || q.type === 'multi_choice') && !q.options.some((o) => o.id === option)) {
      this.report(path, 'not_an_option', { option, name: q.id });
    }
  }

  /** `{ field, op, value }`: the form YAML authors write. */
  private legacy(c: Comparison, path: (string | number)[]): void {
    const target = this.ref({ field: c.field }, path);
    if (!target?.question) return;
    const q = target.question;
    const values = Array.isArray(c.value) ? c.value : [c.value];
    if ((c.op === 'in') !== Array.isArray(c.value)) {
      return this.report([...path, 'value'], c.op === 'in' ? 'in_needs_list' : 'single_needs_value', { op: c.op });
    }
    switch (q.type) {
      case 'integer':
      case 'decimal':
        if (!values.every((v) => typeof v === 'number')) this.report([...path, 'value'], 'needs_number', { name: q.id });
        return;
      case 'yes_no':
        if (c.op !== 'eq' && c.op !== 'ne') return this.report([...path, 'op'], 'yes_no_op', { name: q.id });
        if (typeof c.value !== 'boolean') this.report([...path, 'value'], 'yes_no_value', { name: q.id });
        return;
      case 'text':
      case 'single_choice':
      case 'multi_choice': {
        if (!['eq', 'ne', 'in'].includes(c.op)) return this.report([...path, 'op'], 'text_op', { name: q.id });
        if (!values.every((v) => typeof v === 'string')) return this.report([...path, 'value'], 'needs_text', { name: q.id });
        if (q.type === 'text') return;
        const unknown = values.find((v) => !q.options.some((o) => o.id === v));
        if (unknown !== undefined) this.report([...path, 'value'], 'not_an_option', { option: String(unknown), name: q.id });
      }
    }
  }
}

function nameOf(typed: NonNullable<Typed>): string {
  if (typed.question) return typed.question.id;
  return typed.literal !== undefined ? JSON.stringify(typed.literal) : typed.kind;
}

function sameOptions(a: QuestionSpec, b: QuestionSpec): boolean {
  if (!('options' in a) || !('options' in b)) return false;
  return a.options.length === b.options.length && a.options.every((o) => b.options.some((p) => p.id === o.id));
}
