import type { AnswerValue, QuestionSpec } from '../form-spec.ts';
import type { TextFn } from '../text-fn.ts';

/** A typed answer read, or why not: an error key in the `form` namespace with its parameters. */
export type ParseResult = { ok: true; value: AnswerValue } | { ok: false; errorKey: string; params: Record<string, string | number> };

/**
 * What one kind of question knows: how to read a typed answer, how to show an answer, what hint to give,
 * and whether a stored answer still fits (answers outlive edits of the form).
 */
export interface QuestionType<Q extends QuestionSpec> {
  /** Reads a typed answer. Skipping ("bỏ qua") is handled before this is called. */
  parse(text: string, question: Q, t: TextFn): ParseResult;
  /** The answer as shown in review and status lists. Never called with null. */
  format(value: AnswerValue, question: Q, t: TextFn): string;
  /** One line telling the person what to type. */
  hint(question: Q, t: TextFn): string;
  /** True when a stored non-null answer is valid for this question. */
  accepts(value: AnswerValue, question: Q): boolean;
}

/** A failed parse. */
export function invalid(errorKey: string, params: Record<string, string | number> = {}): ParseResult {
  return { ok: false, errorKey, params };
}
