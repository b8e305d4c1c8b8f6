import type { QuestionOf } from '../form-spec.ts';
import { invalid, type QuestionType } from './question-type.ts';

/**
 * Free text, trimmed and NFC-normalized.
 * `{ id: highlights, type: text, prompt: form.qttn.highlights.prompt, required: false, maxLength: 2000 }`
 */
export const textType: QuestionType<QuestionOf<'text'>> = {
  parse(text, question) {
    const value = text.normalize('NFC').trim();
    if (value === '') return invalid('form.errors.empty');
    const length = [...value].length;
    if (length > question.maxLength) return invalid('form.errors.too_long', { length, max: question.maxLength });
    return { ok: true, value };
  },
  format: (value) => String(value),
  hint: (question, t) => t('form.engine.hint.text', { max: question.maxLength }),
  accepts: (value, question) => typeof value === 'string' && value.trim() !== '' && [...value].length <= question.maxLength,
};
