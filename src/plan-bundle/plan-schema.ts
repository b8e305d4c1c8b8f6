import { z } from 'zod';
import { parseOffset } from './offset.ts';
import { seriesSchema } from './series.ts';

/** The newest plan.yaml version this code reads. */
export const SUPPORTED_PLAN_VERSION = 1;

export const DEFAULT_REMINDERS = ['-P7D', '-P3D', '-P1D', 'PT0S', 'P1D'];
export const DEFAULT_SUMMARIES = ['PT0S'];
export const DEFAULT_REMINDER_TIME = '08:00';

const localized = z.object({ vi: z.string().min(1), en: z.string().min(1) }).strict();

const dateOrDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$/, 'Expected a date "2013-06-10" or a date-time "2013-06-10T17:00"');

const offset = z.string().refine(
  (text) => {
    try {
      parseOffset(text);
      return true;
    } catch {
      return false;
    }
  },
  (text) => ({ message: `"${text}" is not a duration such as "-P3D", "PT0S" or "P1DT12H"` }),
);

const relativePath = z
  .string()
  .min(1)
  .refine((p) => !p.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(p), 'Expected a path relative to the bundle folder');

const periodSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'Expected lower-case letters, digits and "-"'),
    title: localized,
    deadlines: z
      .object({
        unit: dateOrDateTime,
        province: dateOrDateTime.optional(),
        /** Deadlines of the units at a given depth below the root ("2": the communes), when not the unit deadline. */
        levels: z.record(z.string().regex(/^[1-9]\d?$/, 'Expected a depth below the root: 1, 2, 3…'), dateOrDateTime).optional(),
      })
      .strict(),
    opens: dateOrDateTime.optional(),
    closes: dateOrDateTime.optional(),
    reminders: z.array(offset).default(DEFAULT_REMINDERS),
    summaries: z.array(offset).default(DEFAULT_SUMMARIES),
    section: z.string().min(1).optional(),
  })
  .strict();

/** `flows/<bundle>/plan.yaml` as written. */
export const planSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'Expected lower-case letters, digits and "-"'),
    version: z.number().int().positive(),
    title: localized,
    issuer: z.string().min(1).optional(),
    document: relativePath,
    form: relativePath,
    timezone: z.string().min(1).optional(),
    reminderTime: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Expected a time of day "HH:mm"')
      .default(DEFAULT_REMINDER_TIME),
    periods: z.array(periodSchema).default([]),
    /** Recurring reports declared once (monthly, quarterly, half-yearly): see `expandSeries`. */
    series: z.array(seriesSchema.extend({ reminders: z.array(offset).optional(), summaries: z.array(offset).optional() })).default([]),
  })
  .strict()
  .refine((plan) => plan.periods.length + plan.series.length > 0, {
    message: 'A plan needs at least one period or series',
    path: ['periods'],
  });

export type RawPlan = z.output<typeof planSchema>;
export type RawPeriod = RawPlan['periods'][number];

/** A period as written in plan.yaml, before defaults (what a series expands to). */
export const rawPeriodSchema = periodSchema;
