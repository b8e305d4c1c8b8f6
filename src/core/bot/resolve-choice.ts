import type { Choice } from '../messages.ts';
import { foldText as fold } from '../../flow/fold.ts';

/**
 * What a person meant among offered choices: a button's id, the choice's number, its words, or
 * (where there are no buttons, as on Zalo) words found in exactly one choice's label, such as
 * "6 tháng" for "Báo cáo … 6 tháng đầu năm 2027 (hạn 10/06/2027)".
 */
export function resolveChoice(
  choices: readonly Choice[],
  input: { kind: 'choice'; id: string } | { kind: 'text'; text: string },
): Choice | undefined {
  if (input.kind === 'choice') return choices.find((c) => c.id === input.id);
  const text = fold(input.text).replace(/[.)]$/, '');
  if (/^\d+$/.test(text)) return choices[Number(text) - 1];
  const exact = choices.find((c) => fold(c.label) === text || fold(c.id) === text);
  if (exact || text.length < 2) return exact;
  const words = new RegExp(`(^|[^\\p{L}\\p{N}])${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}\\p{N}])`, 'u');
  const partial = choices.filter((c) => words.test(fold(c.label)));
  return partial.length === 1 ? partial[0] : undefined;
}
