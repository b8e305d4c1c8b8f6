import { SYNONYM_GROUPS, type Phrase } from '../vocabulary.ts';
import { findPhrase, words, type Word } from '../vietnamese-text.ts';
import { isStopword, searchTerm, tokenize } from './terms.ts';
import { WEIGHTS } from '../weights.ts';

/** A question made ready for MiniSearch: its own words plus the synonyms of phrases it uses. */
export interface ExpandedQuery {
  /** Query text for MiniSearch: the question, then the synonyms, separated so no pair spans them. */
  text: string;
  /** Search terms that come only from synonyms (they weigh less than the question's own words). */
  expansionTerms: ReadonlySet<string>;
  /** The synonym groups the question uses (to tell whether a passage says the same in other words). */
  groups: readonly Phrase[][];
}

/** The weight of a term that comes from a synonym rather than from the question. */
export const EXPANSION_WEIGHT = WEIGHTS.answer.synonymTerm;

/** Adds the synonyms (lexicon/synonyms.json) of every phrase of the question. */
export function expandQuery(question: string): ExpandedQuery {
  const qWords: Word[] = words(question);
  const groups = SYNONYM_GROUPS.filter((group) => group.some((p) => findPhrase(qWords, p.words) >= 0));
  const extra = groups.flatMap((group) => group.map((p) => p.text));
  const own = new Set(tokenize(question).map(searchTerm));
  // A group named only by question words ("ở đâu" → "địa điểm") carries the question's intent: full weight.
  const weak = groups.filter((group) => group.some((p) => findPhrase(qWords, p.words) >= 0 && p.words.some((w) => !isStopword(w))));
  const expansionTerms = new Set(weak.flatMap((g) => g.flatMap((p) => tokenize(p.text).map(searchTerm))).filter((t) => !own.has(t)));
  return { text: [question, ...extra].join(' | '), expansionTerms, groups };
}

/** MiniSearch `boostTerm`: synonyms count for less than the question's own words. */
export function termBoost(query: ExpandedQuery): (term: string) => number {
  return (term) => (query.expansionTerms.has(term) ? EXPANSION_WEIGHT : 1);
}
