import type { Period } from '../domain/types.ts';

/**
 * The period of the same plan just before `period` (latest unit deadline before its own), if any.
 * Periods that say which plan they belong to are matched on it; others are taken as one plan.
 */
export function previousPeriod(periods: readonly Period[], period: Period): Period | undefined {
  const plan = planOf(period);
  const deadline = Date.parse(period.unitDeadline);
  return periods
    .filter((p) => p.id !== period.id && planOf(p) === plan && Date.parse(p.unitDeadline) < deadline)
    .sort((a, b) => Date.parse(b.unitDeadline) - Date.parse(a.unitDeadline))[0];
}

function planOf(period: Period): string | undefined {
  const plan = (period as { planId?: unknown }).planId;
  return typeof plan === 'string' ? plan : undefined;
}
