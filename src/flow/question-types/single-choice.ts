import type { QuestionOf } from '../form-spec.ts';
import { findOption } from './options.ts';
import { invalid, type QuestionType } from './question-type.ts';
import { sayText } from '../form-text.ts';

/**
 * One option out of several; the answer is the option id. Buttons send `opt:<optionId>`.
 * `{ id: region, type: single_choice, prompt: ..., options: [ { id: laos, label: form.qttn.options.laos }, ... ] }`
 */
export const singleChoiceType: QuestionType<QuestionOf<'single_choice'>> = {
  parse(text, question, t) {
    const option = findOption(text, question.options, t);
    if (!option) return invalid('form.errors.unknown_option', { text: text.trim(), count: question.options.length });
    return { ok: true, value: option.id };
  },
  format(value, question, t) {
    const option = question.options.find((o) => o.id === value);
    return option ? sayText(option.label, t) : String(value);
  },
  hint: (_question, t) => t('form.engine.hint.single_choice'),
  accepts: (value, question) => typeof value === 'string' && question.options.some((o) => o.id === value),
};
