import { describe, expect, it } from 'vitest';
import { readNumber } from '../../src/flow/number-reader.ts';

const readsAs: [string, number][] = [
  ['12', 12],
  ['  7 ', 7],
  ['1.200', 1200],
  ['1.200.000', 1200000],
  ['1,5', 1.5],
  ['1.200,5', 1200.5],
  ['1,200,000', 1200000],
  ['1.5', 1.5],
  ['0.500', 0.5],
  ['12.5', 12.5],
  ['1234.567', 1234.567],
  ['12 buổi', 12],
  ['12buổi', 12],
  ['khoảng 40 người', 40],
  ['mười hai', 12],
  ['muoi hai', 12],
  ['hai mươi mốt', 21],
  ['hai muoi mot', 21],
  ['hai mươi tư', 24],
  ['ba mươi lăm', 35],
  ['một trăm linh năm', 105],
  ['một trăm lẻ năm', 105],
  ['mot tram le nam', 105],
  ['hai trăm ba mươi', 230],
  ['ba nghìn', 3000],
  ['ba ngàn', 3000],
  ['2 triệu', 2000000],
  ['1,5 triệu', 1500000],
  ['1,5 triệu đồng', 1500000],
  ['2 triệu 500 nghìn', 2500000],
  ['một triệu hai trăm nghìn', 1200000],
  ['không', 0],
  ['0', 0],
  ['-3', -3],
  ['12 buổi trong năm', 12],
  ['Mười Hai', 12],
  ['12.', 12],
  ['12 (mười hai)', 12],
];

const fails: [string, 'empty' | 'not_a_number' | 'ambiguous'][] = [
  ['', 'empty'],
  ['   ', 'empty'],
  ['chưa có', 'not_a_number'],
  ['abc', 'not_a_number'],
  ['nhiều lắm', 'not_a_number'],
  ['1.2.3', 'not_a_number'],
  ['12 hoặc 13', 'ambiguous'],
  ['10-12', 'ambiguous'],
  ['12 13', 'ambiguous'],
  ['hai ba', 'ambiguous'],
  ['năm 2013 có 12 buổi', 'ambiguous'],
];

describe('readNumber', () => {
  it.each(readsAs)('reads %j as %d', (text, value) => {
    expect(readNumber(text)).toEqual({ ok: true, value });
  });

  it.each(fails)('refuses %j (%s)', (text, reason) => {
    expect(readNumber(text)).toEqual({ ok: false, reason });
  });

  it('reads decomposed (NFD) input like composed input', () => {
    expect(readNumber('hai mươi mốt'.normalize('NFD'))).toEqual({ ok: true, value: 21 });
  });
});
