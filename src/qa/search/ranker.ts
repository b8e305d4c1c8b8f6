import MiniSearch from 'minisearch';
import { termBoost, type ExpandedQuery } from './expand-query.ts';
import { indexTerm, searchTerm, tokenize } from './terms.ts';

/** How one field of an item is read for searching. */
export type FieldReaders<T> = Record<string, (item: T) => string>;

/**
 * Ranks a list of items (passages, dates, contacts…) against a question with MiniSearch (BM25+),
 * using the Vietnamese term processing of `terms.ts`. Scores come back in item order, 0 for no match.
 */
export class Ranker<T> {
  private readonly search: MiniSearch<{ id: number }>;

  constructor(
    readonly items: readonly T[],
    fields: FieldReaders<T>,
  ) {
    this.search = new MiniSearch<{ id: number }>({
      fields: Object.keys(fields),
      extractField: (doc, field) => (field === 'id' ? String(doc.id) : (fields[field]?.(items[doc.id] as T) ?? '')),
      tokenize,
      processTerm: indexTerm,
      searchOptions: { tokenize, processTerm: searchTerm },
    });
    this.search.addAll(items.map((_, id) => ({ id })));
  }

  /** Scores of every item for the query, restricted to some fields and weighted per field. */
  scores(query: ExpandedQuery, fields?: string[], boost?: Record<string, number>): number[] {
    const out = new Array<number>(this.items.length).fill(0);
    if (this.items.length === 0) return out;
    const results = this.search.search(query.text, {
      ...(fields ? { fields } : {}),
      ...(boost ? { boost } : {}),
      boostTerm: termBoost(query),
    });
    for (const r of results) out[r.id as number] = r.score;
    return out;
  }
}

/** Scores divided by the best one (all 0 when nothing matched). */
export function relative(scores: readonly number[]): number[] {
  const best = Math.max(0, ...scores);
  return scores.map((s) => (best > 0 ? s / best : 0));
}
