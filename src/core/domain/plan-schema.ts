import { z } from 'zod';
import type { Plan } from './plan.ts';

const localized = z.object({ vi: z.string(), en: z.string() });

/** A plan created in chat, as stored in Redis; validated when read back. */
export const storedPlanSchema: z.ZodType<Plan> = z.object({
  id: z.string(),
  title: localized,
  issuer: z.string().optional(),
  number: z.string().optional(),
  formId: z.string(),
  timezone: z.string(),
  reminderTime: z.string(),
  source: z.enum(['bundle', 'chat']),
  state: z.enum(['active', 'archived']),
  createdAt: z.string().optional(),
  createdBy: z.string().optional(),
});
