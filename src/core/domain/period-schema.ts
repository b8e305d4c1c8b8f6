import { z } from 'zod';
import type { Period } from './types.ts';

/** A stored period (imported from a plan document in chat), validated when read back. */
export const periodSchema: z.ZodType<Period> = z.object({
  id: z.string(),
  title: z.object({ vi: z.string(), en: z.string() }),
  unitDeadline: z.string(),
  provinceDeadline: z.string().optional(),
  deadlineIsDateOnly: z.boolean(),
  opens: z.string().optional(),
  closes: z.string(),
  reminders: z.array(z.string()),
  summaries: z.array(z.string()),
  section: z.string().optional(),
  version: z.number().int(),
});
