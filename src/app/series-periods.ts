import type { ProposedPlanPeriod } from '../core/plans/new-plan.ts';
import { addDays, resolveInstant } from '../plan-bundle/instants.ts';
import { DEFAULT_CLOSE_AFTER_DAYS } from '../plan-bundle/load-bundle.ts';
import { DEFAULT_REMINDERS, DEFAULT_SUMMARIES } from '../plan-bundle/plan-schema.ts';
import { expandSeries } from '../plan-bundle/series.ts';
import type { ProposedSeries } from '../qa/propose-series.ts';

/**
 * The periods of the recurring reports a document states, from `fromMonth` ("2027-03") to the end of
 * that year, as the bot stores them (date-only deadlines at the end of their day, default reminders),
 * each marked with its series so a proposal shows one line per series.
 */
export function seriesToPeriods(series: readonly ProposedSeries[], fromMonth: string, zone: string): ProposedPlanPeriod[] {
  const until = `${fromMonth.slice(0, 4)}-12`;
  return series.flatMap((s) =>
    expandSeries({ id: s.id, title: s.title, every: s.every, day: s.day, month: s.month, from: fromMonth, until }).flatMap((p) => {
      const deadline = resolveInstant(p.deadlines.unit, zone, 'end');
      const opens = resolveInstant(p.opens, zone, 'start');
      if (!deadline || !opens) return [];
      return [
        {
          id: p.id,
          title: p.title,
          unitDeadline: deadline.iso,
          deadlineIsDateOnly: true,
          opens: opens.iso,
          closes: addDays(deadline, DEFAULT_CLOSE_AFTER_DAYS, zone).iso,
          reminders: [...DEFAULT_REMINDERS],
          summaries: [...DEFAULT_SUMMARIES],
          ...(s.section ? { section: s.section } : {}),
          version: 1,
          planId: '',
          series: s.name,
        },
      ];
    }),
  );
}
