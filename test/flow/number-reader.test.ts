import { describe, expect, it } from 'vitest';
import { readNumber, type NumberReadFailure } from '../../src/flow/number-reader.ts';

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
  ['khoảng 30', 30],
  ['tầm 30 người', 30],
  ['300 lượt người', 300],
  ['12 CLB', 12],
  ['Mười Hai', 12],
  ['12.', 12],
  ['12 (mười hai)', 12],
];

const fails: [string, NumberReadFailure][] = [
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
  ['không rõ', 'extra_words'],
  ['không biết', 'extra_words'],
  ['khong biet', 'extra_words'],
  ['một ít', 'extra_words'],
  ['năm ngoái', 'extra_words'],
  ['ba tháng trước', 'extra_words'],
  ['12 buổi trong năm', 'extra_words'],
  ['hơn 30', 'extra_words'],
  ['gần 30 người', 'extra_words'],
  ['constructor', 'not_a_number'],
  ['__proto__', 'not_a_number'],
  ['toString', 'not_a_number'],
  ['hasOwnProperty', 'not_a_number'],
  ['12 constructor', 'extra_words'],
  ['valueOf 3', 'extra_words'],
];

describe('readNumber', () => {
  it.each(readsAs)('reads %j as %d', (text, value) => {
    expect(readNumber(text)).toEqual({ ok: true, value });
  });

  it.each(fails)('refuses %j (%s)', (text, reason) => {
    expect(readNumber(text)).toMatchObject({ ok: false, reason });
  });

  it('names the word that is not a number or a unit, as typed', () => {
    expect(readNumber('không rõ')).toEqual({ ok: false, reason: 'extra_words', word: 'rõ' });
    expect(readNumber('ba tháng trước')).toEqual({ ok: false, reason: 'extra_words', word: 'tháng' });
  });

  it("accepts the question's own unit, even one that is not in the known list", () => {
    expect(readNumber('4 chuyến', { unit: 'chuyến đi' })).toEqual({ ok: true, value: 4 });
    expect(readNumber('4 chuyến đi', { unit: 'chuyến đi' })).toEqual({ ok: true, value: 4 });
    expect(readNumber('4 chuyến')).toMatchObject({ ok: false, reason: 'extra_words' });
  });

  it('reads a scale word that starts the unit as the unit ("1,5 triệu" on a question in million VND)', () => {
    const unit = 'triệu đồng';
    expect(readNumber('1,5 triệu đồng', { unit })).toEqual({ ok: true, value: 1.5 });
    expect(readNumber('1,5 triệu', { unit })).toEqual({ ok: true, value: 1.5 });
    expect(readNumber('1,5', { unit })).toEqual({ ok: true, value: 1.5 });
    expect(readNumber('2 tỷ', { unit })).toEqual({ ok: true, value: 2e9 });
    expect(readNumber('1,5 triệu đồng')).toEqual({ ok: true, value: 1500000 });
  });

  it('reads decomposed (NFD) input like composed input', () => {
    expect(readNumber('hai mươi mốt'.normalize('NFD'))).toEqual({ ok: true, value: 21 });
  });
});
