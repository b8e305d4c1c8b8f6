import type { Choice } from '../messages.ts';
import { fold } from '../text/fold.ts';

/** What a person meant among offered choices: a button's id, the choice's number, or its words. */
export function resolveChoice(
  choices: readonly Choice[],
  input: { kind: 'choice'; id: string } | { kind: 'text'; text: string },
): Choice | undefined {
  if (input.kind === 'choice') return choices.find((c) => c.id === input.id);
  const text = fold(input.text).replace(/[.)]$/, '');
  if (/^\d+$/.test(text)) return choices[Number(text) - 1];
  return choices.find((c) => fold(c.label) === text || fold(c.id) === text);
}
