import type { Period } from '../domain/types.ts';
import { matchPeriods } from '../plans/match-periods.ts';

/** A period accepts reports from its opening until it closes (late after the deadline), unless its plan is archived. */
export function isOpen(period: Period, now: Date): boolean {
  if (period.planArchived) return false;
  const t = now.getTime();
  if (period.opens && Date.parse(period.opens) > t) return false;
  return Date.parse(period.closes) > t;
}

export function isLate(period: Period, at: Date): boolean {
  return at.getTime() > Date.parse(period.unitDeadline);
}

export function openPeriods(periods: readonly Period[], now: Date): Period[] {
  return periods.filter((p) => isOpen(p, now));
}

/**
 * Finds a period named by a person: its id, the start of its id ("6thang", "ca nam"), or words of its
 * title (without diacritics). When several titles hold the words ("năm 2027" is also in "6 tháng đầu
 * năm 2027"), the shortest title is the closest fit. Across plans, see `matchPeriods`.
 */
export function findPeriod(periods: readonly Period[], words: string): Period | undefined {
  const found = matchPeriods(periods, [], words);
  return found.length === 1 ? found[0] : undefined;
}

/**
 * The period a leader most likely means when naming none: the open one with the nearest deadline,
 * else the one whose deadline passed most recently, else the first coming one.
 */
export function currentPeriod(periods: readonly Period[], now: Date): Period | undefined {
  const open = openPeriods(periods, now).sort((a, b) => a.unitDeadline.localeCompare(b.unitDeadline));
  if (open[0]) return open[0];
  const past = periods.filter((p) => Date.parse(p.unitDeadline) <= now.getTime());
  return past.sort((a, b) => b.unitDeadline.localeCompare(a.unitDeadline))[0] ?? periods[0];
}
