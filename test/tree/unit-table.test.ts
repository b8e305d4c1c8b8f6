import { describe, expect, it } from 'vitest';
import type { Unit } from '../../src/core/domain/types.ts';
import { UnitTable, UnitTableBuilder } from '../../src/core/org/unit-table.ts';

const unit = (code: string, parentCode: string | null, name = `Đơn vị ${code}`, createdAt = '2027-01-01T00:00:00.000Z'): Unit => ({
  code,
  name,
  parentCode,
  createdAt,
});

describe('UnitTable', () => {
  const units = [unit('XA02', 'HD01'), unit('TINH', null), unit('HD01', 'TINH'), unit('XA01', 'GONE'), unit('SELF', 'SELF', 'Tự', '2026')];
  const table = UnitTable.of(units);

  it('holds the units sorted by code and finds each code', () => {
    expect(table.size).toBe(5);
    expect(table.units().map((u) => u.code)).toEqual(['HD01', 'SELF', 'TINH', 'XA01', 'XA02']);
    for (const u of units) expect(table.unit(table.indexOf(u.code))).toEqual(u);
    expect(table.indexOf('NOPE')).toBe(-1);
    expect(table.indexOf('hd01')).toBe(-1);
  });

  it('keeps each stored parent code: none, a unit of the table, a unit that is gone, the unit itself', () => {
    expect(table.parentCode(table.indexOf('TINH'))).toBeNull();
    expect(table.parentIndex(table.indexOf('TINH'))).toBe(-1);
    expect(table.parentIndex(table.indexOf('XA02'))).toBe(table.indexOf('HD01'));
    expect(table.parentCode(table.indexOf('XA01'))).toBe('GONE');
    expect(table.parentIndex(table.indexOf('XA01'))).toBe(-1);
    expect(table.parentIndex(table.indexOf('SELF'))).toBe(table.indexOf('SELF'));
  });

  it('keeps the last of a code added twice (a scan may return a unit twice)', () => {
    const builder = new UnitTableBuilder();
    builder.add(unit('A', null, 'first'));
    builder.add(unit('B', 'A'));
    builder.add(unit('A', null, 'second'));
    const twice = builder.build();
    expect(twice.units()).toEqual([unit('A', null, 'second'), unit('B', 'A')]);
  });

  it('is empty without units', () => {
    const empty = UnitTable.of([]);
    expect(empty.size).toBe(0);
    expect(empty.units()).toEqual([]);
    expect(empty.indexOf('A')).toBe(-1);
  });
});
