import type { Question } from '../question.ts';
import type { ExpandedQuery } from '../search/expand-query.ts';
import { isStopword } from '../search/terms.ts';
import { findPhrase, sameWord, words } from '../vietnamese-text.ts';

/**
 * How much of a question a text answers: the share of the question's meaningful words that the
 * text contains, itself or through a synonym (0…1).
 */
export function coverage(question: Question, query: ExpandedQuery, text: string): number {
  const content = question.words.map((w, i) => ({ w, i })).filter(({ w }) => !isStopword(w));
  if (content.length === 0) return 0;
  const textWords = words(text);
  const covered = new Set<number>();
  for (const { w, i } of content) if (textWords.some((tw) => sameWord(w, tw))) covered.add(i);
  for (const group of query.groups) {
    if (!group.some((p) => findPhrase(textWords, p.words) >= 0)) continue;
    for (const p of group) {
      for (let at = findPhrase(question.words, p.words); at >= 0; at = findPhrase(question.words, p.words, at + 1)) {
        for (let k = 0; k < p.words.length; k++) covered.add(at + k);
      }
    }
  }
  return content.filter(({ i }) => covered.has(i)).length / content.length;
}
