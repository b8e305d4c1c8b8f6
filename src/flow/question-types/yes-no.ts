import { foldText } from '../fold.ts';
import type { QuestionOf } from '../form-spec.ts';
import { invalid, type QuestionType } from './question-type.ts';

const YES = ['co', 'c', 'yes', 'y', '1', 'dung', 'co a', 'roi', 'da', 'da co', 'co roi', 'da roi'];
const NO = ['khong', 'k', 'ko', 'no', 'n', '0', 'chua', 'khong a', 'chua co'];

/**
 * Yes or no; accepts có/không, co/khong, yes/no, c/k, 1/0. Buttons send the choice ids `yes` / `no`.
 * `{ id: officer_assigned, type: yes_no, prompt: form.qttn.officer_assigned.prompt }`
 */
export const yesNoType: QuestionType<QuestionOf<'yes_no'>> = {
  parse(text) {
    const folded = foldText(text).replace(/[.!]+$/, '');
    if (YES.includes(folded)) return { ok: true, value: true };
    if (NO.includes(folded)) return { ok: true, value: false };
    return invalid('form.errors.not_yes_no');
  },
  format: (value, _question, t) => t(value === true ? 'form.engine.choice.yes' : 'form.engine.choice.no'),
  hint: (_question, t) => t('form.engine.hint.yes_no'),
  accepts: (value) => typeof value === 'boolean',
};
