import type { Choice, OutboundMessage } from '../core/messages.ts';
import type { FormSpec, QuestionSpec } from './form-spec.ts';
import type { FormState } from './form-state.ts';
import { formatAnswer, questionHint } from './question-types/index.ts';
import { hasAnswer, progress, relevantQuestions, type Answers } from './relevance.ts';
import type { TextFn } from './text-fn.ts';
import { sayText } from './form-text.ts';

/** The short name of a question for lists: its label, or its prompt. */
export function questionLabel(question: QuestionSpec, t: TextFn): string {
  return sayText(question.label ?? question.prompt, t);
}

/** "1. Label: value" for every asked question, in form order. */
export function formatAnswers(spec: FormSpec, answers: Answers, t: TextFn): string {
  return relevantQuestions(spec, answers)
    .map((q, i) => t('form.engine.answer_line', { index: i + 1, label: questionLabel(q, t), value: formatAnswer(q, answers[q.id], t) }))
    .join('\n');
}

/** True when the question was picked from the review and already has an answer that can be kept. */
export function canKeep(state: FormState, question: QuestionSpec): boolean {
  return state.returnToReview && hasAnswer(state.answers, question.id);
}

/** The buttons offered with a question (none for typed questions unless an answer can be kept). */
export function questionChoices(question: QuestionSpec, state: FormState, t: TextFn): Choice[] {
  const choices: Choice[] = [];
  if (question.type === 'single_choice') {
    for (const o of question.options) choices.push({ id: `opt:${o.id}`, label: sayText(o.label, t) });
  } else if (question.type === 'multi_choice') {
    const ticked = state.draft ?? [];
    for (const o of question.options) {
      const mark = ticked.includes(o.id) ? '✅ ' : '';
      choices.push({ id: `opt:${o.id}`, label: `${mark}${sayText(o.label, t)}` });
    }
    // «Xong» is a button that ends ticking; where choices are typed ("1, 3" answers at once) it would be a fake option.
    if (!t.typed) choices.push({ id: 'done', label: t('form.engine.choice.done') });
  } else if (question.type === 'yes_no') {
    choices.push({ id: 'yes', label: t('form.engine.choice.yes') }, { id: 'no', label: t('form.engine.choice.no') });
  }
  const isChoiceQuestion = choices.length > 0;
  if (isChoiceQuestion && !question.required) choices.push({ id: 'skip', label: t('form.engine.choice.skip') });
  // Only choice questions get a "keep" button: under a typed question, a numbered "1. Giữ nguyên" on
  // Zalo or the console would read as the answer 1. There «giữ nguyên» is typed (see form.engine.current_typed).
  if (isChoiceQuestion && canKeep(state, question)) choices.push({ id: 'keep', label: t('form.engine.choice.keep') });
  if (isChoiceQuestion && !canKeep(state, question) && question.default !== undefined) {
    choices.push({ id: 'default', label: t('formtext.default_choice', { value: formatAnswer(question, question.default, t) }) });
  }
  return choices;
}

/** The message asking the current question: progress, prompt, what to type, help, how to skip. */
export function renderQuestion(spec: FormSpec, state: FormState, question: QuestionSpec, t: TextFn): OutboundMessage {
  const { index, total } = progress(spec, state.answers, question.id);
  const lines = [t('form.engine.progress', { index, total })];
  if (question.intro) lines.push(sayText(question.intro, t));
  lines.push(sayText(question.prompt, t), questionHint(question, t));
  if (question.help) lines.push(t('form.engine.help', { help: sayText(question.help, t) }));
  if (canKeep(state, question)) {
    const key = questionChoices(question, state, t).length > 0 ? 'form.engine.current' : 'form.engine.current_typed';
    lines.push(t(key, { value: formatAnswer(question, state.answers[question.id], t) }));
  }
  if (state.draft && state.draft.length > 0) {
    lines.push(t('form.engine.selected', { value: formatAnswer(question, state.draft, t) }));
  }
  if (question.default !== undefined && !canKeep(state, question)) {
    lines.push(t('formtext.default', { value: formatAnswer(question, question.default, t) }));
  }
  if (!question.required) lines.push(t('form.engine.optional'));
  const text = lines.join('\n');
  const choices = questionChoices(question, state, t);
  if (choices.length === 0) return { type: 'text', text };
  return question.type === 'yes_no' ? { type: 'choices', text, choices, columns: 2 } : { type: 'choices', text, choices };
}

export const REVIEW_CHOICES = ['submit', 'edit'] as const;

/** All answers with the choice to send or to change one. */
export function renderReview(spec: FormSpec, answers: Answers, t: TextFn): OutboundMessage {
  const text = [
    sayText(spec.title, t),
    t('form.engine.review_title'),
    formatAnswers(spec, answers, t),
    t('form.engine.review_question'),
  ].join('\n\n');
  const choices = REVIEW_CHOICES.map((id) => ({ id, label: t(`form.engine.choice.${id}`) }));
  return { type: 'choices', text, choices, columns: 2 };
}

/** The choices of the "which answer to change" list: one per asked question, then back. */
export function pickEditChoices(spec: FormSpec, answers: Answers, t: TextFn): Choice[] {
  return [
    ...relevantQuestions(spec, answers).map((q) => ({ id: `edit:${q.id}`, label: questionLabel(q, t) })),
    { id: 'back', label: t('form.engine.choice.back') },
  ];
}

export function renderPickEdit(spec: FormSpec, answers: Answers, t: TextFn): OutboundMessage {
  return { type: 'choices', text: t('form.engine.pick_edit'), choices: pickEditChoices(spec, answers, t) };
}
