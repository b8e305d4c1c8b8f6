import type { Period } from '../domain/types.ts';
import { foldText as fold } from '../../flow/fold.ts';

/** A period accepts reports from its opening until it closes (late after the deadline). */
export function isOpen(period: Period, now: Date): boolean {
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

/** Finds a period named by a person: its id, or words of its title (without diacritics). */
export function findPeriod(periods: readonly Period[], words: string): Period | undefined {
  const wanted = fold(words);
  if (!wanted) return undefined;
  return (
    periods.find((p) => fold(p.id) === wanted) ??
    periods.find((p) => fold(p.title.vi).includes(wanted) || fold(p.title.en).includes(wanted))
  );
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
