import type { QuestionOf } from '../form-spec.ts';
import { acceptsNumber, formatNumeric, numericHint, parseNumeric } from './numeric.ts';
import type { QuestionType } from './question-type.ts';

/**
 * A number that may have a fraction ("1,5", "1,5 triệu").
 * `{ id: resources_million_vnd, type: decimal, prompt: form.qttn.resources.prompt, unit: form.units.million_vnd, min: 0 }`
 */
export const decimalType: QuestionType<QuestionOf<'decimal'>> = {
  parse: (text, question, t) => parseNumeric(text, question, t),
  format: formatNumeric,
  hint: numericHint,
  accepts: acceptsNumber,
};
