import { describe, expect, it } from 'vitest';
import { resolveChoice } from '../../src/core/bot/resolve-choice.ts';
import { currentPeriod, findPeriod, isLate, isOpen, openPeriods } from '../../src/core/report/periods.ts';
import { CommandRouter } from '../../src/core/bot/command-router.ts';
import { coreCommands } from '../../src/core/commands/index.ts';
import type { Period } from '../../src/core/domain/types.ts';

const choices = [
  { id: 'period:a', label: 'Báo cáo 6 tháng' },
  { id: 'period:b', label: 'Báo cáo cả năm' },
];

describe('resolveChoice', () => {
  it.each([
    [{ kind: 'choice', id: 'period:b' }, 'period:b'],
    [{ kind: 'text', text: '2' }, 'period:b'],
    [{ kind: 'text', text: '1.' }, 'period:a'],
    [{ kind: 'text', text: 'bao cao ca nam' }, 'period:b'],
    [{ kind: 'text', text: '3' }, undefined],
    [{ kind: 'text', text: 'khác' }, undefined],
  ] as const)('%o → %s', (input, expected) => {
    expect(resolveChoice(choices, input)?.id).toBe(expected);
  });
});

function period(id: string, deadline: string, closes: string, opens?: string): Period {
  return {
    id,
    title: { vi: `Kỳ ${id}`, en: `Period ${id}` },
    unitDeadline: deadline,
    deadlineIsDateOnly: true,
    closes,
    ...(opens ? { opens } : {}),
    reminders: [],
    summaries: [],
    version: 1,
    planId: 'test-plan',
  };
}

describe('periods', () => {
  const half = period('6thang', '2027-06-10T23:59:59+07:00', '2027-07-10T23:59:59+07:00');
  const year = period('canam', '2027-11-10T23:59:59+07:00', '2027-12-10T23:59:59+07:00', '2027-07-01T00:00:00+07:00');
  const now = new Date('2027-06-20T00:00:00+07:00');

  it('is open until it closes and late after the deadline', () => {
    expect(isOpen(half, now)).toBe(true);
    expect(isLate(half, now)).toBe(true);
    expect(isOpen(year, now)).toBe(false);
    expect(openPeriods([half, year], new Date('2027-07-11T00:00:00+07:00')).map((p) => p.id)).toEqual(['canam']);
  });

  it('finds a period by id or by words of its title, without diacritics', () => {
    expect(findPeriod([half, year], 'CANAM')?.id).toBe('canam');
    expect(findPeriod([half, year], 'ky 6thang')?.id).toBe('6thang');
    expect(findPeriod([half, year], 'khong co')).toBeUndefined();
  });

  it('takes the nearest open period, else the last one past', () => {
    expect(currentPeriod([year, half], now)?.id).toBe('6thang');
    expect(currentPeriod([year, half], new Date('2028-03-01T00:00:00+07:00'))?.id).toBe('canam');
  });
});

describe('CommandRouter', () => {
  const router = new CommandRouter(coreCommands);
  it('finds commands by Vietnamese name, English alias and bare words', () => {
    expect(router.byCommand('baocao')).toBe(router.byCommand('report'));
    expect(router.byCommand('TINHHINH')?.names[0]).toBe('tinhhinh');
    expect(router.byText('Báo cáo')?.names[0]).toBe('baocao');
    expect(router.byText('huỷ')?.names[0]).toBe('huy');
    expect(router.byText('báo cáo 6 tháng gửi khi nào?')).toBeUndefined();
  });
});
