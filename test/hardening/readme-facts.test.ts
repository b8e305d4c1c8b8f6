import { describe, expect, it } from 'vitest';
import { parseTypedDeadline } from '../../src/core/commands/extend.ts';
import { currentPeriod } from '../../src/core/report/periods.ts';
import type { Period } from '../../src/core/domain/types.ts';

/** What the README's "Facts" list says, checked against the code. */
describe('facts stated in the README', () => {
  it('/giahan accepts seconds', () => {
    const zone = 'Asia/Ho_Chi_Minh';
    expect(parseTypedDeadline('25/06/2027 17:00:30', zone)?.iso).toBe('2027-06-25T17:00:30+07:00');
    expect(parseTypedDeadline('2027-06-25T17:00:30', zone)?.iso).toBe('2027-06-25T17:00:30+07:00');
    expect(parseTypedDeadline('25/06/2027', zone)).toMatchObject({ iso: '2027-06-25T23:59:59+07:00', dateOnly: true });
  });

  it('/tinhhinh, /tonghop and /xuat without a period take the open one with the nearest deadline', () => {
    const period = (id: string, unitDeadline: string): Period =>
      ({ id, unitDeadline, opens: '2027-01-01T00:00:00+07:00', closes: '2027-12-31T00:00:00+07:00' }) as unknown as Period;
    const periods = [period('canam', '2027-11-10T23:59:59+07:00'), period('6thang', '2027-06-10T23:59:59+07:00')];
    expect(currentPeriod(periods, new Date('2027-05-01T00:00:00+07:00'))?.id).toBe('6thang');
  });
});
