import { z } from 'zod';
import type { Period } from './types.ts';

/**
 * A stored period (created from a plan document in chat), validated when read back. Periods stored
 * before there were several plans have no `planId`: {@link withPlan} gives them the default plan.
 */
export const periodSchema = z.object({
  id: z.string(),
  title: z.object({ vi: z.string(), en: z.string() }),
  unitDeadline: z.string(),
  levelDeadlines: z.record(z.object({ at: z.string(), dateOnly: z.boolean() })).optional(),
  provinceDeadline: z.string().optional(),
  deadlineIsDateOnly: z.boolean(),
  opens: z.string().optional(),
  closes: z.string(),
  reminders: z.array(z.string()),
  summaries: z.array(z.string()),
  section: z.string().optional(),
  version: z.number().int(),
  planId: z.string().optional(),
  /** A proposed period's recurring report (only while a proposal waits for confirmation). */
  series: z.string().optional(),
});

export type StoredPeriod = z.infer<typeof periodSchema>;

/** A stored period as the bot uses it: one written before plans existed belongs to the default plan. */
export function withPlan(stored: StoredPeriod, defaultPlanId: string): Period {
  const { planId, series: _series, ...rest } = stored;
  return { ...rest, planId: planId ?? defaultPlanId };
}
