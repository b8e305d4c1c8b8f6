import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { isSuperseded, momentOf, pendingMoments, plannedMoments } from '../../src/reminders/schedule.ts';

const HCM = { timezone: 'Asia/Ho_Chi_Minh', reminderTime: '08:00' };
const dateOnly = { unitDeadline: '2027-06-10T23:59:59+07:00', deadlineIsDateOnly: true };
const dateTime = { unitDeadline: '2027-06-10T17:00:00+07:00', deadlineIsDateOnly: false };
const local = (ms: number, zone = HCM.timezone) => DateTime.fromMillis(ms, { zone }).toFormat("yyyy-MM-dd'T'HH:mm:ss");

describe('momentOf', () => {
  it.each([
    ['-P7D', '2027-06-03T08:00:00'],
    ['-P1D', '2027-06-09T08:00:00'],
    ['PT0S', '2027-06-10T08:00:00'],
    ['P1D', '2027-06-11T08:00:00'],
    ['-PT2H', '2027-06-10T21:59:59'],
    ['-P1DT12H', '2027-06-09T11:59:59'],
    ['PT30S', '2027-06-11T00:00:29'],
  ])('on a date-only deadline, %s is %s local time', (offset, expected) => {
    expect(local(momentOf(dateOnly, offset, HCM))).toBe(expected);
  });

  it.each([
    ['-P1D', '2027-06-09T17:00:00'],
    ['PT0S', '2027-06-10T17:00:00'],
    ['P1D', '2027-06-11T17:00:00'],
    ['-PT4S', '2027-06-10T16:59:56'],
    ['PT2S', '2027-06-10T17:00:02'],
  ])('on a date-time deadline, %s is the deadline moved by the duration: %s', (offset, expected) => {
    expect(local(momentOf(dateTime, offset, HCM))).toBe(expected);
  });

  it('uses the plan zone and reminder time for whole days', () => {
    const zone = { timezone: 'Europe/Paris', reminderTime: '09:30' };
    const period = { unitDeadline: '2027-03-28T23:59:59+02:00', deadlineIsDateOnly: true };
    // 27 March 2027 is before the switch to summer time in Paris: 09:30 local is 08:30 UTC.
    expect(new Date(momentOf(period, '-P1D', zone)).toISOString()).toBe('2027-03-27T08:30:00.000Z');
    expect(new Date(momentOf(period, 'PT0S', zone)).toISOString()).toBe('2027-03-28T07:30:00.000Z');
    expect(local(momentOf(period, 'PT0S', HCM))).toBe('2027-03-29T08:00:00');
  });

  it('throws on an offset that is not a duration', () => {
    expect(() => momentOf(dateOnly, 'tomorrow', HCM)).toThrow(RangeError);
  });
});

describe('plannedMoments', () => {
  it('lists reminders and summaries in time order and names unreadable offsets', () => {
    const { moments, invalid } = plannedMoments(
      { ...dateTime, reminders: ['PT0S', '-PT1H', 'bad', '-PT1H'], summaries: ['P1D', 'PT0S'] },
      HCM,
    );
    expect(moments.map((m) => `${m.kind} ${m.offset}`)).toEqual(['reminder -PT1H', 'reminder PT0S', 'summary PT0S', 'summary P1D']);
    expect(invalid).toEqual(['bad']);
  });
});

describe('pendingMoments and isSuperseded', () => {
  const base = Date.parse(dateTime.unitDeadline);
  const { moments } = plannedMoments({ ...dateTime, reminders: ['-PT4S', '-PT2S', 'PT0S', 'PT2S'], summaries: ['PT0S'] }, HCM);
  const offsets = (now: number) => pendingMoments(moments, now).map((m) => `${m.kind} ${m.offset}`);

  it('keeps every moment while none is due', () => {
    expect(offsets(base - 10_000)).toHaveLength(5);
  });

  it('keeps only the latest due moment of each kind, and every future one', () => {
    expect(offsets(base - 1_000)).toEqual(['reminder -PT2S', 'reminder PT0S', 'summary PT0S', 'reminder PT2S']);
    expect(offsets(base + 60_000)).toEqual(['summary PT0S', 'reminder PT2S']);
  });

  it('calls a moment superseded only when a later one of the same kind is due too', () => {
    const first = moments[0]!;
    expect(isSuperseded(moments, first, base - 3_000)).toBe(false);
    expect(isSuperseded(moments, first, base - 2_000)).toBe(true);
    const summary = moments.find((m) => m.kind === 'summary')!;
    expect(isSuperseded(moments, summary, base + 60_000)).toBe(false);
  });
});
