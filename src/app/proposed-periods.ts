import type { Period } from '../core/domain/types.ts';
import { addDays, resolveInstant } from '../plan-bundle/instants.ts';
import { DEFAULT_CLOSE_AFTER_DAYS } from '../plan-bundle/load-bundle.ts';
import { DEFAULT_REMINDERS, DEFAULT_SUMMARIES } from '../plan-bundle/plan-schema.ts';
import type { ProposedPeriod } from '../qa/index.ts';

/**
 * Periods proposed from a plan document's deadlines, as the bot stores them: each deadline is the end
 * of its day in the zone, with the default reminders and summary of a bundle.
 */
export function proposedToPeriods(proposed: readonly ProposedPeriod[], zone: string, planId: string): Period[] {
  return proposed.flatMap((p) => {
    const deadline = p.unitDeadline ? resolveInstant(p.unitDeadline, zone, 'end') : null;
    if (!deadline) return [];
    const province = p.provinceDeadline ? resolveInstant(p.provinceDeadline, zone, 'end') : null;
    return [
      {
        id: p.id,
        title: p.title,
        unitDeadline: deadline.iso,
        ...(province ? { provinceDeadline: province.iso } : {}),
        deadlineIsDateOnly: true,
        closes: addDays(deadline, DEFAULT_CLOSE_AFTER_DAYS, zone).iso,
        reminders: [...DEFAULT_REMINDERS],
        summaries: [...DEFAULT_SUMMARIES],
        ...(p.section ? { section: p.section } : {}),
        version: 1,
        planId,
      },
    ];
  });
}
