import { DateTime } from 'luxon';
import { z } from 'zod';

/** How often a series repeats: monthly, quarterly, half-yearly, yearly. */
export const SERIES_EVERY = ['P1M', 'P3M', 'P6M', 'P1Y'] as const;
export type SeriesEvery = (typeof SERIES_EVERY)[number];

const yearMonth = z.string().regex(/^\d{4}-\d{2}$/, 'Expected a month "2027-01"');
const localized = z.object({ vi: z.string().min(1), en: z.string().min(1) }).strict();

/**
 * A recurring report declared once in plan.yaml: "báo cáo tháng gửi trước ngày 20 hằng tháng" is
 * `{ id: thang, every: P1M, day: 20, from: 2027-01, until: 2027-12 }`; "báo cáo quý gửi trước ngày 15
 * của tháng cuối quý" is `{ every: P3M, day: 15, month: last }`.
 */
export const seriesSchema = z
  .object({
    /** Prefix of the period ids: "thang" gives thang-2027-01, "quy" gives quy-2027-q1, "6thang" gives 6thang-2027-h1. */
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'Expected lower-case letters, digits and "-"'),
    /** "{n}" is the month, quarter or half number within the year, "{year}" the year. */
    title: localized,
    every: z.enum(SERIES_EVERY),
    /** Day of the month of the unit deadline (a day past the month's end is its last day). */
    day: z.number().int().min(1).max(31),
    /** Which month of the period the deadline falls in: its first, its last (default) or the month after it. */
    month: z.enum(['first', 'last', 'next']).default('last'),
    /** Day of the same month the province reports upward, if the plan says. */
    provinceDay: z.number().int().min(1).max(31).optional(),
    /** First and last month a period may start in. */
    from: yearMonth,
    until: yearMonth,
    reminders: z.array(z.string()).optional(),
    summaries: z.array(z.string()).optional(),
    section: z.string().min(1).optional(),
  })
  .strict();

export type RawSeries = z.output<typeof seriesSchema>;

/** One period of a series, as plan.yaml would spell it. */
export interface SeriesPeriod {
  id: string;
  title: { vi: string; en: string };
  deadlines: { unit: string; province?: string };
  opens: string;
  reminders?: string[];
  summaries?: string[];
  section?: string;
}

const MONTHS: Record<SeriesEvery, number> = { P1M: 1, P3M: 3, P6M: 6, P1Y: 12 };

/** The day in a month, or the month's last day when it has fewer ("31" in April is the 30th). */
function dayIn(month: DateTime, day: number): string {
  return month.set({ day: Math.min(day, month.daysInMonth ?? 28) }).toISODate() ?? '';
}

/**
 * The periods of a series: one per month, quarter, half-year or year starting from `from` (aligned to
 * the calendar: quarters start in January, April, July, October) up to `until`, each opening on its
 * first day, its unit deadline on `day` of the chosen month.
 */
export function expandSeries(series: RawSeries): SeriesPeriod[] {
  const step = MONTHS[series.every];
  const until = DateTime.fromFormat(series.until, 'yyyy-MM', { zone: 'UTC' });
  let start = DateTime.fromFormat(series.from, 'yyyy-MM', { zone: 'UTC' });
  // Quarters and halves follow the calendar year.
  start = start.set({ month: Math.floor((start.month - 1) / step) * step + 1 });
  const periods: SeriesPeriod[] = [];
  for (; start <= until && periods.length < 400; start = start.plus({ months: step })) {
    const n = Math.floor((start.month - 1) / step) + 1;
    const due =
      series.month === 'first' ? start : series.month === 'last' ? start.plus({ months: step - 1 }) : start.plus({ months: step });
    const suffix =
      step === 1 ? start.toFormat('yyyy-MM') : step === 12 ? start.toFormat('yyyy') : `${start.year}-${step === 3 ? 'q' : 'h'}${n}`;
    const fill = (text: string) => text.replaceAll('{n}', String(n)).replaceAll('{year}', String(start.year));
    periods.push({
      id: `${series.id}-${suffix}`,
      title: { vi: fill(series.title.vi), en: fill(series.title.en) },
      deadlines: {
        unit: dayIn(due, series.day),
        ...(series.provinceDay !== undefined && { province: dayIn(due, series.provinceDay) }),
      },
      opens: start.toISODate() ?? '',
      ...(series.reminders && { reminders: series.reminders }),
      ...(series.summaries && { summaries: series.summaries }),
      ...(series.section && { section: series.section }),
    });
  }
  return periods;
}
