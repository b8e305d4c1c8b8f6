import type { Lang } from '../../i18n/translator.ts';
import type { PlanDocument, ContactFact, DateFact, DutyFact, ReferenceFact } from '../plan-document.ts';
import type { Question } from '../question.ts';
import type { ExpandedQuery } from '../search/expand-query.ts';
import type { Passage } from '../search/passages.ts';
import type { Ranker } from '../search/ranker.ts';
import type { TextFn } from '../text-fn.ts';
import type { Phrase } from '../vocabulary.ts';
import type { WordRarity } from './coverage.ts';
import type { Scope } from './scope.ts';
import { WEIGHTS } from '../weights.ts';

/** The search indexes of one plan. */
export interface PlanRankers {
  passages: Ranker<Passage>;
  dates: Ranker<DateFact>;
  /** The paragraph or item each date (in the order of `dates.items`) is written in. */
  dateBlocks: readonly string[];
  contacts: Ranker<ContactFact>;
  references: Ranker<ReferenceFact>;
  duties: Ranker<DutyFact>;
  /** Heading chain of each section id, for fact context. */
  headings: ReadonlyMap<string, string>;
  rarity: WordRarity;
}

/** Everything an answerer needs for one question. */
export interface AnswerContext {
  doc: PlanDocument;
  rankers: PlanRankers;
  question: Question;
  query: ExpandedQuery;
  lang: Lang;
  t: TextFn;
  /** The item the question names (headings, report kind): answers outside it weigh less. */
  scope: Scope;
  /** Lines explaining how the answer was chosen (`ask --explain`), when asked for. */
  explain?: string[];
  /** How much of the question a text answers (0…1), leaving out the words of `ignore`. */
  coverage(text: string, ignore?: readonly Phrase[]): number;
  /** Whether the question has meaningful words besides the words that only make it a question and those of `ignore`. */
  hasContent(ignore: readonly Phrase[]): boolean;
}

/** The least share of a question's words an answer must contain to be given without doubt. */
export const MIN_COVERAGE = WEIGHTS.answer.minCoverage;

const passageScoreCache = new WeakMap<ExpandedQuery, number[]>();

/** The search scores of the plan's passages for the question (clause and headings), searched once per question. */
export function passageScores(ctx: AnswerContext): readonly number[] {
  let scores = passageScoreCache.get(ctx.query);
  if (!scores) {
    scores = ctx.rankers.passages.scores(ctx.query, ['text', 'context'], WEIGHTS.passage.fields);
    passageScoreCache.set(ctx.query, scores);
  }
  return scores;
}

/** Indexes of `scores` with a positive score, best first. */
export function rankedIndexes(scores: readonly number[]): number[] {
  return scores
    .map((score, i) => ({ score, i }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score)
    .map((x) => x.i);
}
