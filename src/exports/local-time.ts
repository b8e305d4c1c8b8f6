import { DateTime } from 'luxon';

/**
 * An instant as a spreadsheet date showing the local wall-clock time of `zone`: spreadsheet cells
 * have no time zone, so the local fields are stored as if they were UTC.
 */
export function spreadsheetDate(iso: string, zone: string): Date {
  const local = DateTime.fromISO(iso, { setZone: true }).setZone(zone);
  return new Date(Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second));
}
