import type { OutboundMessage } from '../core/messages.ts';
import { foldText, isOneOf } from './fold.ts';
import type { AnswerValue, FormSpec, QuestionSpec } from './form-spec.ts';
import type { FormState } from './form-state.ts';
import { formatNumber } from './format-number.ts';
import { canKeep, pickEditChoices, questionLabel, questionChoices, renderPickEdit, renderQuestion, renderReview } from './form-render.ts';
import { parseAnswer } from './question-types/index.ts';
import { constraintMessage } from './constraint-message.ts';
import { constraintHolds, hasAnswer, nextQuestion, pruneAnswers, relevantQuestions } from './relevance.ts';
import { aggregateAnswers } from './targets.ts';
import type { TextFn } from './text-fn.ts';
import { readConfirm, renderConfirm, unlikely, type AnswerHistory } from './history-check.ts';

export type { FormState } from './form-state.ts';
export type { TextFn } from './text-fn.ts';
export { restoreState } from './form-state.ts';
export { formatAnswers } from './form-render.ts';
export { relevantQuestions } from './relevance.ts';
export type { AnswerHistory } from './history-check.ts';

/** What the person sent: typed text, or a pressed button's choice id. */
export type FormInput = { kind: 'text'; text: string } | { kind: 'choice'; id: string };

/** The new state, what to send, and whether the person has just submitted (the host then stores the answers). */
export interface StepResult {
  state: FormState;
  messages: OutboundMessage[];
  outcome: 'continue' | 'submit';
}

const SUBMIT_WORDS = ['gui', 'submit', 'gui bao cao', 'nop', 'send'];
const EDIT_WORDS = ['sua', 'edit', 'sua mot cau', 'chinh sua'];
const BACK_WORDS = ['quay lai', 'back', 'tro lai'];
const KEEP_WORDS = ['giu nguyen', 'giu', 'keep'];
const DEFAULT_WORDS = ['mac dinh', 'dung mac dinh', 'default'];
const DONE_WORDS = ['xong', 'done'];

/**
 * Starts a form. Previous answers (e.g. the last revision of the same report) pre-fill it, as far as they
 * still fit; the person is asked the first unanswered question, or sees the review when none is left.
 */
export function startForm(spec: FormSpec, previous: Record<string, AnswerValue> = {}): FormState {
  return advance(spec, {
    v: 1,
    formId: spec.id,
    formRevision: spec.revision,
    answers: pruneAnswers(spec, previous),
    phase: 'asking',
    current: null,
    returnToReview: false,
  });
}

/** The message(s) showing what the person is being asked now (used when a conversation resumes). */
export function promptFor(spec: FormSpec, state: FormState, t: TextFn): OutboundMessage[] {
  if (state.phase === 'review') return [renderReview(spec, state.answers, t)];
  if (state.phase === 'pick_edit') return [renderPickEdit(spec, state.answers, t)];
  const question = currentQuestion(spec, state);
  return question ? [renderQuestion(spec, state, question, t)] : [renderReview(spec, state.answers, t)];
}

/**
 * Takes one input. An invalid answer explains why and asks the same question again, losing nothing.
 * A figure far from `history` (the unit's previous period, the other units' range) is not refused but
 * confirmed first: "Có" keeps it, "Sửa" asks again.
 */
export function step(spec: FormSpec, state: FormState, input: FormInput, t: TextFn, history?: AnswerHistory): StepResult {
  switch (state.phase) {
    case 'asking': {
      const question = currentQuestion(spec, state);
      if (!question) return show(spec, advance(spec, state), t);
      const { confirm, ...rest } = state;
      if (confirm && confirm.questionId === question.id) {
        const reply = readConfirm(input, t);
        if (reply === 'yes') return commit(spec, rest, question, confirm.value, t);
        if (reply === 'edit') return show(spec, rest, t);
      }
      return input.kind === 'choice'
        ? answerChoice(spec, rest, question, input.id, t, history)
        : answerText(spec, rest, question, input.text, t, history);
    }
    case 'review':
      return review(spec, state, input, t);
    case 'pick_edit':
      return pickEdit(spec, state, input, t);
  }
}

/** The figure of every integer and decimal question over several reports: a sum, or a mean for a share (`aggregate: mean`). */
export function numericTotals(spec: FormSpec, answerSets: Record<string, AnswerValue>[]): { questionId: string; total: number }[] {
  return spec.questions.flatMap((q) =>
    q.type === 'integer' || q.type === 'decimal' ? [{ questionId: q.id, total: aggregateAnswers(q, answerSets) }] : [],
  );
}

function currentQuestion(spec: FormSpec, state: FormState): QuestionSpec | undefined {
  return state.current === null ? undefined : spec.questions.find((q) => q.id === state.current);
}

/** Moves to the first unanswered asked question, or to the review. */
function advance(spec: FormSpec, state: FormState): FormState {
  const { draft: _draft, ...rest } = state;
  const next = nextQuestion(spec, state.answers);
  return next ? { ...rest, phase: 'asking', current: next.id } : { ...rest, phase: 'review', current: null, returnToReview: false };
}

function show(spec: FormSpec, state: FormState, t: TextFn, before: OutboundMessage[] = []): StepResult {
  return { state, messages: [...before, ...promptFor(spec, state, t)], outcome: 'continue' };
}

function commit(
  spec: FormSpec,
  state: FormState,
  question: QuestionSpec,
  value: AnswerValue,
  t: TextFn,
  history?: AnswerHistory,
): StepResult {
  if (!constraintHolds(spec, question, value, state.answers)) {
    return show(spec, state, t, [{ type: 'text', text: constraintMessage(spec, question, state.answers, t) }]);
  }
  const reason = typeof value === 'number' ? unlikely(question.id, value, history) : null;
  if (reason && typeof value === 'number') {
    return {
      state: { ...state, confirm: { questionId: question.id, value } },
      messages: [renderConfirm(reason, value, t)],
      outcome: 'continue',
    };
  }
  const answers = pruneAnswers(spec, { ...state.answers, [question.id]: value });
  // An earlier answer that broke a cross-field rule with this one is asked again: say why.
  const reopened = relevantQuestions(spec, answers).filter(
    (q) => q.id !== question.id && q.constraint && hasAnswer(state.answers, q.id) && !hasAnswer(answers, q.id),
  );
  const notices: OutboundMessage[] = reopened.map((q) => ({
    type: 'text',
    text: t('formtext.ask_again', { label: questionLabel(q, t), reason: constraintMessage(spec, q, answers, t) }),
  }));
  return show(spec, advance(spec, { ...state, answers }), t, notices);
}

function refuse(spec: FormSpec, state: FormState, t: TextFn, errorKey: string, params: Record<string, string | number> = {}): StepResult {
  const shown = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'number' ? formatNumber(v, t) : v]));
  return show(spec, state, t, [{ type: 'text', text: t(errorKey, shown) }]);
}

function answerChoice(
  spec: FormSpec,
  state: FormState,
  question: QuestionSpec,
  id: string,
  t: TextFn,
  history?: AnswerHistory,
): StepResult {
  if (id === 'keep' && canKeep(state, question)) return show(spec, advance(spec, state), t);
  if (id === 'default' && question.default !== undefined) return commit(spec, state, question, question.default, t);
  if (id === 'skip' && !question.required) return commit(spec, state, question, null, t);
  if (question.type === 'yes_no' && (id === 'yes' || id === 'no')) return commit(spec, state, question, id === 'yes', t);
  if (question.type === 'single_choice' || question.type === 'multi_choice') {
    const option = question.options.find((o) => `opt:${o.id}` === id);
    if (option && question.type === 'single_choice') return commit(spec, state, question, option.id, t);
    if (option) {
      const ticked = state.draft ?? [];
      const draft = ticked.includes(option.id) ? ticked.filter((o) => o !== option.id) : [...ticked, option.id];
      return show(spec, { ...state, draft }, t);
    }
    if (id === 'done' && question.type === 'multi_choice') {
      const ticked = state.draft ?? [];
      if (ticked.length === 0) return refuse(spec, state, t, 'form.errors.choose_at_least_one');
      return commit(
        spec,
        state,
        question,
        question.options.filter((o) => ticked.includes(o.id)).map((o) => o.id),
        t,
      );
    }
  }
  return refuse(spec, state, t, 'form.engine.stale_choice');
}

function answerText(
  spec: FormSpec,
  state: FormState,
  question: QuestionSpec,
  text: string,
  t: TextFn,
  history?: AnswerHistory,
): StepResult {
  if (canKeep(state, question) && isOneOf(text, KEEP_WORDS)) return show(spec, advance(spec, state), t);
  if (question.default !== undefined && isOneOf(text, DEFAULT_WORDS)) return commit(spec, state, question, question.default, t);
  if (question.type === 'multi_choice' && isOneOf(text, DONE_WORDS)) return answerChoice(spec, state, question, 'done', t);
  if (question.type === 'single_choice' || question.type === 'yes_no' || question.type === 'multi_choice') {
    // A number typed under a list of buttons presses that button; multi-choice option numbers are read as the answer.
    const picked = /^\s*\d+\s*$/.test(text) ? questionChoices(question, state, t)[Number(text) - 1] : undefined;
    if (picked && (question.type !== 'multi_choice' || !picked.id.startsWith('opt:'))) {
      return answerChoice(spec, state, question, picked.id, t);
    }
  }
  const parsed = parseAnswer(question, text, t);
  return parsed.ok ? commit(spec, state, question, parsed.value, t, history) : refuse(spec, state, t, parsed.errorKey, parsed.params);
}

function review(spec: FormSpec, state: FormState, input: FormInput, t: TextFn): StepResult {
  // The words of the buttons count too ("Gửi báo cáo", "Send report"), in the person's language.
  const label = (id: string) => foldText(t(`form.engine.choice.${id}`));
  const choice =
    input.kind === 'choice'
      ? input.id
      : wordChoice(input.text, [
          ['submit', [...SUBMIT_WORDS, label('submit')], 1],
          ['edit', [...EDIT_WORDS, label('edit')], 2],
        ]);
  if (choice === 'submit') {
    // A stored state may predate a question becoming relevant: ask it before accepting the report.
    if (nextQuestion(spec, state.answers)) return show(spec, advance(spec, state), t);
    return { state, messages: [], outcome: 'submit' };
  }
  if (choice === 'edit') return show(spec, { ...state, phase: 'pick_edit' }, t);
  // Only the two choices again, not the whole review: it is long on a phone.
  const again = renderReview(spec, state.answers, t);
  return {
    state,
    messages: [again.type === 'choices' ? { ...again, text: t('form.engine.review_unknown') } : again],
    outcome: 'continue',
  };
}

function pickEdit(spec: FormSpec, state: FormState, input: FormInput, t: TextFn): StepResult {
  let choice: string | undefined;
  if (input.kind === 'choice') choice = input.id;
  else if (isOneOf(input.text, [...BACK_WORDS, foldText(t('form.engine.choice.back'))])) choice = 'back';
  else if (/^\s*\d+\s*$/.test(input.text)) choice = pickEditChoices(spec, state.answers, t)[Number(input.text) - 1]?.id;
  else choice = pickEditChoices(spec, state.answers, t).find((c) => foldText(c.label) === foldText(input.text))?.id;
  if (choice === 'back') return show(spec, { ...state, phase: 'review' }, t);
  const questionId = choice?.startsWith('edit:') ? choice.slice('edit:'.length) : undefined;
  if (questionId && relevantQuestions(spec, state.answers).some((q) => q.id === questionId)) {
    return show(spec, { ...state, phase: 'asking', current: questionId, returnToReview: true }, t);
  }
  return refuse(spec, state, t, 'form.engine.pick_edit_unknown');
}

/** Maps typed text to a choice id by its words or by the number of its button. */
function wordChoice(text: string, options: [id: string, words: string[], number: number][]): string | undefined {
  const trimmed = text.trim();
  return options.find(([, words, number]) => isOneOf(trimmed, words) || trimmed === String(number))?.[0];
}
