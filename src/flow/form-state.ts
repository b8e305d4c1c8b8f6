import { z } from 'zod';
import type { AnswerValue, FormSpec } from './form-spec.ts';
import { pruneAnswers, relevantQuestions } from './relevance.ts';
import { answerValueSchema } from './answer-value-schema.ts';

/**
 * Where one person is in one form; stored by the host between messages (JSON-safe).
 * `draft` holds the options ticked so far on a multi-choice question answered with buttons.
 */
export interface FormState {
  v: 1;
  formId: string;
  /** The form's `revision` when the state was written. */
  formRevision: number;
  answers: Record<string, AnswerValue>;
  phase: 'asking' | 'review' | 'pick_edit';
  /** The question being asked; null outside the `asking` phase. */
  current: string | null;
  /** True while answering a question picked from the review, so the form goes back to the review. */
  returnToReview: boolean;
  draft?: string[];
  /** A figure far from the unit's history, waiting for "Có" (keep it) or "Sửa" (ask again). */
  confirm?: { questionId: string; value: number };
}

const stateSchema = z.preprocess(
  // States written before the split call the revision `formVersion`.
  (raw) =>
    raw !== null && typeof raw === 'object' && !Object.hasOwn(raw, 'formRevision') && Object.hasOwn(raw, 'formVersion')
      ? (({ formVersion, ...rest }: Record<string, unknown>) => ({ ...rest, formRevision: formVersion }))(raw as Record<string, unknown>)
      : raw,
  z.object({
    v: z.literal(1),
    formId: z.string(),
    formRevision: z.number(),
    answers: z.record(answerValueSchema),
    phase: z.enum(['asking', 'review', 'pick_edit']),
    current: z.string().nullable(),
    returnToReview: z.boolean(),
    draft: z.array(z.string()).optional(),
    confirm: z.object({ questionId: z.string(), value: z.number() }).optional(),
  }),
);

/**
 * Checks a stored state against the form as it is now. Returns null when it was written for another
 * form or another revision of it, or no longer fits (an answer became invalid, the current question is not asked);
 * the host then starts again from the answers it kept.
 */
export function restoreState(spec: FormSpec, raw: unknown): FormState | null {
  const parsed = stateSchema.safeParse(raw);
  if (!parsed.success) return null;
  const state: FormState = parsed.data;
  if (state.formId !== spec.id || state.formRevision !== spec.revision) return null;
  const kept = pruneAnswers(spec, state.answers);
  if (Object.keys(kept).length !== Object.keys(state.answers).length) return null;
  if ((state.phase === 'asking') !== (state.current !== null)) return null;
  if (state.current !== null) {
    const question = relevantQuestions(spec, state.answers).find((q) => q.id === state.current);
    if (!question) return null;
    if (state.draft && (question.type !== 'multi_choice' || !state.draft.every((id) => question.options.some((o) => o.id === id)))) {
      return null;
    }
  } else if (state.draft) {
    return null;
  }
  return state;
}
