import { z } from 'zod';
import type { Period, ReportRevision } from '../domain/types.ts';
import type { Stores } from '../../store/stores.ts';
import type { AnswerHistory } from '../../flow/form-engine.ts';
import { loadTree } from '../org/scope.ts';
import { previousPeriod } from '../exports/previous-period.ts';

/** The other units compared with: those under the same parent, at most this many. */
const MAX_SIBLINGS = 200;

export const answerHistorySchema = z.object({
  previous: z.record(z.number()).optional(),
  others: z.record(z.object({ min: z.number(), max: z.number(), count: z.number() })).optional(),
});

function numbers(rev: ReportRevision | null | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [id, value] of Object.entries(rev?.answers ?? {})) if (typeof value === 'number') out[id] = value;
  return out;
}

/**
 * What the form engine compares new figures with, read once when a report starts: the unit's figures
 * for the previous period of the same plan, and the range of the figures its sibling units sent for this one.
 */
export async function answerHistory(stores: Stores, period: Period, unitCode: string, rootCode: string): Promise<AnswerHistory> {
  const [periods, tree] = await Promise.all([stores.periods.list(), loadTree(stores, rootCode)]);
  const before = previousPeriod(periods, period);
  const parent = tree.parentOf(unitCode);
  const siblings = parent
    ? tree
        .children(parent)
        .filter((u) => u.code !== unitCode && tree.isReporting(u.code))
        .slice(0, MAX_SIBLINGS)
        .map((u) => u.code)
    : [];
  const [previous, others] = await Promise.all([
    before ? stores.reports.latest(before.id, unitCode) : Promise.resolve(null),
    stores.reports.latestOf(period.id, siblings),
  ]);
  const ranges: NonNullable<AnswerHistory['others']> = {};
  for (const rev of others.values()) {
    for (const [id, value] of Object.entries(numbers(rev))) {
      const range = ranges[id];
      ranges[id] = range
        ? { min: Math.min(range.min, value), max: Math.max(range.max, value), count: range.count + 1 }
        : { min: value, max: value, count: 1 };
    }
  }
  return { previous: numbers(previous), others: ranges };
}
