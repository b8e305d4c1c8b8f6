import type { QuestionOf } from '../form-spec.ts';
import { findOption } from './options.ts';
import { invalid, type QuestionType } from './question-type.ts';
import { sayText } from '../form-text.ts';

/**
 * Several options; the answer is the list of option ids in the form's order. Typed as "1, 3", "1 3" or
 * "Lào, Campuchia"; buttons `opt:<optionId>` toggle a selection that the `done` button confirms.
 * `{ id: exchange_countries, type: multi_choice, prompt: ..., options: [ { id: laos, label: ... }, ... ] }`
 */
export const multiChoiceType: QuestionType<QuestionOf<'multi_choice'>> = {
  parse(text, question, t) {
    const trimmed = text.trim();
    const parts = /^\d+(?:[\s,;]+\d+)*$/.test(trimmed) ? trimmed.split(/[\s,;]+/) : trimmed.split(/\s*(?:[,;]|\s(?:và|va|and)\s)\s*/iu);
    const chosen = new Set<string>();
    for (const part of parts.map((p) => p.trim()).filter((p) => p !== '')) {
      const option = findOption(part, question.options, t);
      if (!option) return invalid('form.errors.unknown_option', { text: part, count: question.options.length });
      chosen.add(option.id);
    }
    if (chosen.size === 0) return invalid('form.errors.choose_at_least_one');
    return { ok: true, value: question.options.filter((o) => chosen.has(o.id)).map((o) => o.id) };
  },
  format(value, question, t) {
    const ids = Array.isArray(value) ? value : [];
    return question.options
      .filter((o) => ids.includes(o.id))
      .map((o) => sayText(o.label, t))
      .join(', ');
  },
  hint: (_question, t) => t('form.engine.hint.multi_choice'),
  accepts: (value, question) => Array.isArray(value) && value.length > 0 && value.every((v) => question.options.some((o) => o.id === v)),
};
