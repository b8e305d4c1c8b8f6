import { describe, expect, it } from 'vitest';
import { parseUnitList } from '../../src/core/org/unit-import.ts';

describe('a unit list with a Vietnamese header', () => {
  it.each([['Mã,Tên\nHD01,Huyện Đoàn A'], ['Mã đơn vị,Tên đơn vị\nHD01,Huyện Đoàn A'], ['MA DON VI;TEN DON VI\nHD01;Huyện Đoàn A']])(
    'skips the header of %j',
    (csv) => {
      const result = parseUnitList(csv, 'list.csv');
      expect(result).toEqual({ ok: true, units: [{ code: 'HD01', name: 'Huyện Đoàn A' }] });
    },
  );
});
