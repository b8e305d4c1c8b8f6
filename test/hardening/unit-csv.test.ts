import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatUnitList, parseUnitList, type UnitRow } from '../../src/core/org/unit-import.ts';
import { openConsoleSession, text, type ConsoleSession } from '../e2e/console-session.ts';

const TRICKY: UnitRow[] = [
  { code: 'HD01', name: 'Huyện Đoàn Ninh Hải, Ninh Thuận', parentCode: 'TINH' },
  { code: 'HD02', name: 'Đoàn khối "Doanh nghiệp"', parentCode: 'TINH' },
  { code: 'XA01', name: 'Đoàn xã Tân Hải; thôn 1', parentCode: 'HD01' },
  { code: 'XA02', name: '  Đoàn xã # Hộ Hải'.trim(), parentCode: 'HD01' },
];

describe('unit lists in CSV', () => {
  it('reads a quoted name holding a comma as one name, not a name and a parent', () => {
    const result = parseUnitList('HD01,"Huyện Đoàn Ninh Hải, Ninh Thuận",TINH', 'units.csv');
    expect(result).toEqual({ ok: true, units: [{ code: 'HD01', name: 'Huyện Đoàn Ninh Hải, Ninh Thuận', parentCode: 'TINH' }] });
  });

  it('reads back what it writes, unchanged (commas, quotes, semicolons, #)', () => {
    const csv = formatUnitList(TRICKY);
    expect(csv.split('\n')[0]).toBe('code,name,parent');
    expect(parseUnitList(csv, 'don-vi.csv')).toEqual({ ok: true, units: TRICKY });
    expect(parseUnitList(`\uFEFF${csv.replace(/\n/g, '\r\n')}`, 'don-vi.csv')).toEqual({ ok: true, units: TRICKY });
  });

  it('names the line of an unclosed quote', () => {
    expect(parseUnitList('HD01,Một\nHD02,"Hai\n', 'u.csv')).toMatchObject({ ok: false, problemKey: 'units.problem_csv' });
  });
});

describe('/donvi xuat then /donvi nhap', () => {
  let first: ConsoleSession;
  let second: ConsoleSession;
  beforeAll(async () => {
    [first, second] = await Promise.all([openConsoleSession('hardening-csv-a'), openConsoleSession('hardening-csv-b')]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([first?.close(), second?.close()]);
  });

  it('imports an exported list into another province unchanged', async () => {
    await first.send(
      'admin',
      'donvi',
      'nhap\nHD01,"Huyện Đoàn Ninh Hải, Ninh Thuận"\nHD02,Đoàn khối "Doanh nghiệp"\nXA01,"Đoàn xã Tân Hải",HD01',
    );
    first.clear();
    await first.type('/donvi xuat');
    const path = /📎 .*?: (\S+)/.exec(first.output())?.[1];
    expect(path, first.output()).toBeTruthy();
    const csv = readFileSync(path!, 'utf8');

    await second.send('admin', 'donvi', `nhap\n${csv}`);
    expect(second.output()).not.toContain(text('units.import_error', { line: '', problem: '' }).split(':')[0]!);
    first.clear();
    second.clear();
    await first.type('/donvi ds');
    await second.type('/donvi ds');
    expect(second.output()).toBe(first.output());
    expect(second.output()).toContain('Huyện Đoàn Ninh Hải, Ninh Thuận');
  });
});
