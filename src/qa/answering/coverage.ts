import type { Question } from '../question.ts';
import type { ExpandedQuery } from '../search/expand-query.ts';
import { isStopword } from '../search/terms.ts';
import type { Phrase } from '../vocabulary.ts';
import { WEIGHTS } from '../weights.ts';
import { findPhrase, sameWord, words, type Word } from '../vietnamese-text.ts';

/** How rare each word (folded) is in the plan: words found in few passages tell more. */
export interface WordRarity {
  weight(fold: string): number;
}

/** Rarity from the passages of a plan: log(1 + N / df); a word the plan never uses weighs as one used once. */
export function wordRarity(texts: readonly string[]): WordRarity {
  const df = new Map<string, number>();
  for (const text of texts) for (const fold of new Set(words(text).map((w) => w.fold))) df.set(fold, (df.get(fold) ?? 0) + 1);
  const n = Math.max(1, texts.length);
  return { weight: (fold) => Math.log(1 + n / Math.max(1, df.get(fold) ?? 1)) };
}

/** The meaningful words of a question (with their positions), leaving out stop words and the phrases of `ignore`. */
export function contentWords(question: Question, ignore: readonly Phrase[]): { content: { w: Word; i: number }[]; ignored: Set<number> } {
  const ignored = new Set<number>();
  for (const p of ignore) {
    for (let at = findPhrase(question.words, p.words); at >= 0; at = findPhrase(question.words, p.words, at + 1)) {
      for (let k = 0; k < p.words.length; k++) ignored.add(at + k);
    }
  }
  return { content: question.words.map((w, i) => ({ w, i })).filter(({ w, i }) => !isStopword(w) && !ignored.has(i)), ignored };
}

/**
 * How much of a question a text answers (0…1): the share of the question's meaningful words that
 * the text contains, itself or through a synonym, each word weighted by its rarity in the plan.
 * Words of `ignore` (the cue of the question's kind, such as "nhiệm vụ") are left out.
 */
export function coverage(
  question: Question,
  query: ExpandedQuery,
  text: string,
  rarity: WordRarity,
  ignore: readonly Phrase[] = [],
): number {
  const { content, ignored } = contentWords(question, ignore);
  if (content.length === 0) return ignored.size ? 1 : 0;
  const textWords = words(text);
  const textPairs = new Set(textWords.slice(1).map((w, k) => `${textWords[k]?.fold} ${w.fold}`));
  const isContent = (i: number): boolean => content.some((c) => c.i === i);
  const pairFound = (i: number, j: number): boolean => textPairs.has(`${question.words[i]?.fold} ${question.words[j]?.fold}`);
  // A word found alone counts half when it belongs to a compound the text lacks ("chủ" of "chủ tịch" in "chủ đề"),
  // not when the text has both words apart ("quà Tết" in "tặng quà … Tết").
  const inText = (w: Word | undefined): boolean => !!w && textWords.some((tw) => sameWord(w, tw));
  const credit = new Map<number, number>();
  for (const { w, i } of content) {
    if (!inText(w)) continue;
    const pairs = [i - 1, i + 1]
      .filter((j) => isContent(j))
      .map((j) => (j < i ? pairFound(j, i) : pairFound(i, j)) || inText(question.words[j]));
    credit.set(i, pairs.length === 0 || pairs.some(Boolean) ? 1 : WEIGHTS.answer.halfWordCredit);
  }
  const covered = new Set<number>();
  for (const group of query.groups) {
    if (!group.some((p) => findPhrase(textWords, p.words) >= 0)) continue;
    for (const p of group) {
      for (let at = findPhrase(question.words, p.words); at >= 0; at = findPhrase(question.words, p.words, at + 1)) {
        for (let k = 0; k < p.words.length; k++) covered.add(at + k);
      }
    }
  }
  let total = 0;
  let got = 0;
  for (const { w, i } of content) {
    const weight = rarity.weight(w.fold);
    total += weight;
    got += weight * (covered.has(i) ? 1 : (credit.get(i) ?? 0));
  }
  return total > 0 ? got / total : 0;
}
