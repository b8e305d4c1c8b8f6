import { Duration } from 'luxon';

/** A reminder or summary offset relative to a deadline, e.g. "-P3D" (three days before) or "PT0S" (at it). */
export interface Offset {
  sign: 1 | -1;
  /** Always positive; apply with `sign`. */
  duration: Duration;
  /**
   * True when the offset is a whole number of days (PT0S included): for a date-only deadline the host sends it
   * at the bundle's `reminderTime` on that day rather than at the deadline's instant.
   */
  wholeDays: boolean;
}

const OFFSET_PATTERN = /^([+-])?P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/**
 * Reads a signed ISO-8601 duration limited to days, hours, minutes and seconds: "-P7D", "P1D", "PT0S",
 * "-PT2H30M", "P1DT12H". @throws RangeError when the text is not such a duration.
 */
export function parseOffset(text: string): Offset {
  const trimmed = text.trim();
  const match = OFFSET_PATTERN.exec(trimmed);
  const hasPart = match !== null && match.slice(2).some((part) => part !== undefined);
  if (!match || !hasPart || trimmed.endsWith('T')) throw new RangeError(`"${text}" is not a duration such as -P3D, PT0S or P1DT12H`);
  const [, sign, days, hours, minutes, seconds] = match;
  const n = (part: string | undefined): number => (part === undefined ? 0 : Number(part));
  const duration = Duration.fromObject({ days: n(days), hours: n(hours), minutes: n(minutes), seconds: n(seconds) });
  return { sign: sign === '-' ? -1 : 1, duration, wholeDays: n(hours) === 0 && n(minutes) === 0 && n(seconds) === 0 };
}
