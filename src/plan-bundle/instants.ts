import { DateTime } from 'luxon';

/** A date or date-time of plan.yaml resolved to an instant in a zone. */
export interface ResolvedInstant {
  iso: string;
  dateOnly: boolean;
  millis: number;
}

/**
 * "2013-06-10" → the start or end of that day in `zone` ("2013-06-10T23:59:59+07:00" for the end);
 * "2013-06-10T17:00" → that local time. Null when the date does not exist (e.g. 2013-02-30).
 */
export function resolveInstant(text: string, zone: string, edge: 'start' | 'end'): ResolvedInstant | null {
  const dateOnly = !text.includes('T');
  let time = DateTime.fromISO(text, { zone });
  if (!time.isValid) return null;
  if (dateOnly && edge === 'end') time = time.endOf('day').set({ millisecond: 0 });
  return fromDateTime(time, dateOnly);
}

/** The instant `days` days after another, in the same zone. */
export function addDays(instant: ResolvedInstant, days: number, zone: string): ResolvedInstant {
  return fromDateTime(DateTime.fromISO(instant.iso, { zone }).plus({ days }), instant.dateOnly);
}

function fromDateTime(time: DateTime, dateOnly: boolean): ResolvedInstant {
  return { iso: time.toISO({ suppressMilliseconds: true }) ?? '', dateOnly, millis: time.toMillis() };
}
