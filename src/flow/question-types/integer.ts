import type { QuestionOf } from '../form-spec.ts';
import { acceptsNumber, formatNumeric, numericHint, parseNumeric } from './numeric.ts';
import type { QuestionType } from './question-type.ts';

/**
 * A whole number, typed the Vietnamese way ("1.200", "mười hai", "12 buổi").
 * `{ id: propaganda_sessions, type: integer, prompt: form.qttn.propaganda_sessions.prompt, unit: form.units.session, min: 0 }`
 */
export const integerType: QuestionType<QuestionOf<'integer'>> = {
  parse: (text, question, t) => parseNumeric(text, question, t),
  format: formatNumeric,
  hint: numericHint,
  accepts: acceptsNumber,
};
