import { DateTime } from 'luxon';
import type { PeriodDef } from '../plan-bundle/bundle-types.ts';
import { parseOffset } from '../plan-bundle/offset.ts';
import { subtreeLane } from '../core/report/unit-deadline.ts';

/** What goes out at a planned moment: reminders to officers (and escalations to leaders), or a group summary. */
export type MomentKind = 'reminder' | 'summary';

/** One planned moment of a period: an offset of its reminder or summary list, resolved to an instant. */
export interface PlannedMoment {
  kind: MomentKind;
  /** The offset as written in the plan, e.g. "-P1D"; part of the job id and of the exactly-once keys. */
  offset: string;
  /** Milliseconds since the epoch. */
  at: number;
}

/** The time settings the schedule needs. */
export interface ScheduleZone {
  /** IANA zone of the plan, e.g. "Asia/Ho_Chi_Minh". */
  timezone: string;
  /** "HH:mm": the local time of day at which whole-day offsets of a date-only deadline go out. */
  reminderTime: string;
}

type PeriodTimes = Pick<
  PeriodDef,
  'unitDeadline' | 'deadlineIsDateOnly' | 'reminders' | 'summaries' | 'levelDeadlines' | 'subtreeDeadlines'
>;

/**
 * A reminder offset of a level with its own deadline is written "-P1D@2" (depth 2): the lane is "2";
 * one of the units below a subtree deadline "-P1D@u:HD01": the lane is "u:HD01".
 */
export function laneOfOffset(offset: string): string | undefined {
  const at = offset.indexOf('@');
  return at < 0 ? undefined : offset.slice(at + 1);
}

/** The offset as the plan writes it, without its lane ("-P1D@2" → "-P1D"). */
export function baseOffset(offset: string): string {
  const at = offset.indexOf('@');
  return at < 0 ? offset : offset.slice(0, at);
}

/**
 * The instant of one offset. A whole number of days on a date-only deadline is that many days from the
 * deadline's local date, at `reminderTime` ("-P1D" = 08:00 the day before, "PT0S" = 08:00 on the day);
 * anything else is the deadline instant plus the signed duration. @throws RangeError for a bad offset.
 */
export function momentOf(period: Pick<PeriodDef, 'unitDeadline' | 'deadlineIsDateOnly'>, offset: string, zone: ScheduleZone): number {
  const parsed = parseOffset(offset.split('@')[0] ?? offset);
  const deadline = DateTime.fromISO(period.unitDeadline, { setZone: true }).setZone(zone.timezone);
  if (parsed.wholeDays && period.deadlineIsDateOnly) {
    const [hour, minute] = zone.reminderTime.split(':').map(Number);
    const day = deadline.startOf('day').plus({ days: parsed.sign * parsed.duration.as('days') });
    return day.set({ hour: hour ?? 8, minute: minute ?? 0, second: 0, millisecond: 0 }).toMillis();
  }
  return deadline.toMillis() + parsed.sign * parsed.duration.as('milliseconds');
}

/** Every planned moment of a period, earliest first, and the offsets that could not be read. */
export function plannedMoments(period: PeriodTimes, zone: ScheduleZone): { moments: PlannedMoment[]; invalid: string[] } {
  const moments: PlannedMoment[] = [];
  const invalid: string[] = [];
  const add = (kind: MomentKind, offsets: readonly string[]) => {
    for (const offset of new Set(offsets)) {
      try {
        moments.push({ kind, offset, at: momentOf(period, offset, zone) });
      } catch {
        invalid.push(offset);
      }
    }
  };
  add('reminder', period.reminders);
  add('summary', period.summaries);
  // Units of a level with its own deadline are reminded relative to it (offsets "…@<depth>"), units
  // below a subtree deadline relative to that one (offsets "…@u:<unit code>").
  const lanes = [
    ...Object.entries(period.levelDeadlines ?? {}),
    ...Object.entries(period.subtreeDeadlines ?? {}).map(([code, deadline]) => [subtreeLane(code), deadline] as const),
  ];
  for (const [lane, deadline] of lanes) {
    for (const offset of new Set(period.reminders)) {
      try {
        const times = { unitDeadline: deadline.at, deadlineIsDateOnly: deadline.dateOnly };
        moments.push({ kind: 'reminder', offset: `${offset}@${lane}`, at: momentOf(times, offset, zone) });
      } catch {
        invalid.push(offset);
      }
    }
  }
  return { moments: moments.sort((a, b) => a.at - b.at), invalid };
}

/**
 * The moments still worth planning at `now`: every future one, and of those already due only the latest
 * of each kind (an earlier one missed while the bot was down is superseded by it).
 */
export function pendingMoments(moments: readonly PlannedMoment[], now: number): PlannedMoment[] {
  return moments.filter((m) => m.at > now || !isSuperseded(moments, m, now));
}

/** True when a later moment of the same kind is also due at `now`: sending this one would be stale. */
export function isSuperseded(moments: readonly PlannedMoment[], moment: PlannedMoment, now: number): boolean {
  const lane = laneOfOffset(moment.offset);
  return moments.some((m) => m.kind === moment.kind && laneOfOffset(m.offset) === lane && m.at > moment.at && m.at <= now);
}
