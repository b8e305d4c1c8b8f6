import { describe, expect, it } from 'vitest';
import { parseTypedDeadline, splitExtendArgs } from '../../src/core/commands/extend.ts';

const ZONE = 'Asia/Ho_Chi_Minh';

describe('parseTypedDeadline', () => {
  it.each([
    ['25/6/2027', '2027-06-25T23:59:59+07:00', true],
    ['25/06/2027 17:00', '2027-06-25T17:00:00+07:00', false],
    ['25/06/2027 17h30', '2027-06-25T17:30:00+07:00', false],
    // "17h" (the usual Vietnamese way of writing a whole hour) is 17:00, not "not a real date".
    ['25/06/2027 17h', '2027-06-25T17:00:00+07:00', false],
    ['25/06/2027 9g', '2027-06-25T09:00:00+07:00', false],
    // A two-digit year, as officers often write it, is 20xx.
    ['25/06/27', '2027-06-25T23:59:59+07:00', true],
    ['5/6/27 17h', '2027-06-05T17:00:00+07:00', false],
    ['2027-06-25', '2027-06-25T23:59:59+07:00', true],
    ['2027-06-25T17:00', '2027-06-25T17:00:00+07:00', false],
    ['2027-06-25T17:00:05', '2027-06-25T17:00:05+07:00', false],
  ])('reads %s', (text, iso, dateOnly) => {
    expect(parseTypedDeadline(text, ZONE)).toMatchObject({ iso, dateOnly });
  });

  it.each([
    '31/02/2027',
    '2027-13-01',
    'ngày mai',
    '25/06',
    '2027-06-25T25:00',
    '25/06/2027 17',
    '25/06/2027 25h',
    '25/06/027',
    '31/02/27',
  ])('refuses %s', (text) => {
    expect(parseTypedDeadline(text, ZONE)).toBeNull();
  });
});

describe('splitExtendArgs', () => {
  it('takes the date (and time) from the end and leaves the period words', () => {
    expect(splitExtendArgs('6thang-2027 25/06/2027 17:00', ZONE)).toMatchObject({ period: '6thang-2027', deadline: { dateOnly: false } });
    expect(splitExtendArgs('báo cáo 6 tháng 2027-06-25', ZONE)).toMatchObject({ period: 'báo cáo 6 tháng', deadline: { dateOnly: true } });
    expect(splitExtendArgs('25/6/2027', ZONE)).toMatchObject({ period: '' });
    expect(splitExtendArgs('6thang-2027', ZONE)).toBeNull();
  });
});
