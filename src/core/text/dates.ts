import { DateTime } from 'luxon';
import type { Lang } from '../../i18n/translator.ts';

/** "10/06/2027 17:00" in the given zone (Vietnamese day-first order, which English readers here also use). */
export function formatDateTime(iso: string | Date, zone: string): string {
  const dt = typeof iso === 'string' ? DateTime.fromISO(iso, { setZone: true }) : DateTime.fromJSDate(iso);
  return dt.setZone(zone).toFormat('dd/MM/yyyy HH:mm');
}

/** "10/06/2027" — for deadlines given as a whole day. */
export function formatDate(iso: string | Date, zone: string): string {
  const dt = typeof iso === 'string' ? DateTime.fromISO(iso, { setZone: true }) : DateTime.fromJSDate(iso);
  return dt.setZone(zone).toFormat('dd/MM/yyyy');
}

/** A deadline as people read it: the day alone when the plan gave a day, otherwise day and time. */
export function formatDeadline(period: { unitDeadline: string; deadlineIsDateOnly: boolean }, zone: string): string {
  return period.deadlineIsDateOnly ? formatDate(period.unitDeadline, zone) : formatDateTime(period.unitDeadline, zone);
}

/** The period title in the person's language. */
export function titleIn(title: { vi: string; en: string }, lang: Lang): string {
  return lang === 'en' ? title.en : title.vi;
}
