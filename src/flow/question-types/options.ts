import { foldText } from '../fold.ts';
import type { ChoiceOption } from '../form-spec.ts';
import type { TextFn } from '../text-fn.ts';
import { sayText } from '../form-text.ts';

/** Finds an option by its number ("2"), its label without regard to diacritics ("lao") or its id. */
export function findOption(text: string, options: readonly ChoiceOption[], t: TextFn): ChoiceOption | undefined {
  const folded = foldText(text).replace(/[.!]+$/, '');
  if (/^\d+$/.test(folded)) return options[Number(folded) - 1];
  return options.find((o) => foldText(sayText(o.label, t)) === folded || o.id === folded);
}
