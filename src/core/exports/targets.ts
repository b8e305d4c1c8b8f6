import type { FormSpec, QuestionSpec } from '../../flow/form-spec.ts';

/**
 * The province-wide target of a numeric question, when the form has one: the form's province
 * override for the question if set, otherwise the per-unit `target` times the number of units.
 * Forms written before targets existed simply have none (undefined).
 */
export function provinceTarget(form: FormSpec, question: QuestionSpec, unitCount: number): number | undefined {
  const override = provinceOverride(form, question.id);
  if (override !== undefined) return override;
  const perUnit = numberField(question, 'target');
  return perUnit === undefined ? undefined : perUnit * unitCount;
}

/** The target of one unit for a question (the per-unit `target`), when the form has one. */
export function unitTarget(question: QuestionSpec): number | undefined {
  return numberField(question, 'target');
}

/** Reads the form's province-wide override, in the shapes a form may carry it. */
function provinceOverride(form: FormSpec, questionId: string): number | undefined {
  const question = form.questions.find((q) => q.id === questionId);
  const onQuestion = question ? numberField(question, 'provinceTarget') : undefined;
  if (onQuestion !== undefined) return onQuestion;
  const table = (form as { provinceTargets?: unknown }).provinceTargets;
  if (table instanceof Map) return finite(table.get(questionId));
  if (table && typeof table === 'object' && Object.hasOwn(table, questionId)) {
    return finite((table as Record<string, unknown>)[questionId]);
  }
  return undefined;
}

function numberField(question: QuestionSpec, field: string): number | undefined {
  return Object.hasOwn(question, field) ? finite((question as unknown as Record<string, unknown>)[field]) : undefined;
}

function finite(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
