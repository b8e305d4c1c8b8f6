import { DateTime } from 'luxon';
import type { Lang } from '../../i18n/translator.ts';

/**
 * Deadlines are formatted on every period choice and report step, always the same few dates: the text
 * of a date given as an ISO string is kept (luxon's zone conversion and formatting cost far more than
 * a lookup). Bounded: emptied when it grows past this many entries.
 */
const FORMATTED_LIMIT = 2000;
const formatted = new Map<string, string>();

function format(iso: string | Date, zone: string, pattern: string): string {
  if (typeof iso !== 'string') return DateTime.fromJSDate(iso).setZone(zone).toFormat(pattern);
  const key = `${pattern}|${zone}|${iso}`;
  const known = formatted.get(key);
  if (known !== undefined) return known;
  const text = DateTime.fromISO(iso, { setZone: true }).setZone(zone).toFormat(pattern);
  if (formatted.size >= FORMATTED_LIMIT) formatted.clear();
  formatted.set(key, text);
  return text;
}

/** "10/06/2027 17:00" in the given zone (Vietnamese day-first order, which English readers here also use). */
export function formatDateTime(iso: string | Date, zone: string): string {
  return format(iso, zone, 'dd/MM/yyyy HH:mm');
}

/** "10/06/2027" — for deadlines given as a whole day. */
export function formatDate(iso: string | Date, zone: string): string {
  return format(iso, zone, 'dd/MM/yyyy');
}

/** A deadline as people read it: the day alone when the plan gave a day, otherwise day and time. */
export function formatDeadline(period: { unitDeadline: string; deadlineIsDateOnly: boolean }, zone: string): string {
  return period.deadlineIsDateOnly ? formatDate(period.unitDeadline, zone) : formatDateTime(period.unitDeadline, zone);
}

/** The period title in the person's language. */
export function titleIn(title: { vi: string; en: string }, lang: Lang): string {
  return lang === 'en' ? title.en : title.vi;
}
