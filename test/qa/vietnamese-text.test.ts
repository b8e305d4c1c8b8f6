import { describe, expect, it } from 'vitest';
import { canonical, containsPhrase, foldText, normalizeToneMarks, words } from '../../src/qa/vietnamese-text.ts';

describe('normalizeToneMarks', () => {
  it.each([
    ['hoà', 'hòa'],
    ['uỷ', 'ủy'],
    ['thuý', 'thúy'],
    ['khoẻ', 'khỏe'],
    ['Tỉnh uỷ', 'Tỉnh ủy'],
    ['HOÀ BÌNH', 'HÒA BÌNH'],
    ['Thuỵ Sĩ', 'Thụy Sĩ'],
    ['hoá', 'hóa'],
    ['xoè', 'xòe'],
  ])('moves the tone of %s to the traditional place', (input, expected) => {
    expect(normalizeToneMarks(input)).toBe(expected);
  });

  it.each(['hòa', 'ủy', 'quý', 'giữ', 'gìn', 'người', 'hoạch', 'toán', 'ngoài', 'khuỷu', 'tuyết', 'của', 'quốc', 'Olympic', 'Nguyễn'])(
    'leaves %s as it is',
    (word) => {
      expect(normalizeToneMarks(word)).toBe(word);
    },
  );

  it('composes decomposed text (NFD) into NFC', () => {
    const nfd = 'Đoàn viên'.normalize('NFD');
    expect(normalizeToneMarks(nfd)).toBe('Đoàn viên'.normalize('NFC'));
  });
});

describe('folding and matching', () => {
  it('removes every diacritic and writes đ as d', () => {
    expect(foldText('Đoàn cấp huyện')).toBe('doan cap huyen');
  });

  it('matches either tone-mark style', () => {
    expect(canonical('Ủy ban')).toBe(canonical('Uỷ ban'));
    expect(containsPhrase('Tham mưu cho Tỉnh uỷ', 'tỉnh ủy')).toBe(true);
  });

  it('matches words typed without diacritics to any spelling', () => {
    expect(containsPhrase('gửi trước ngày 10/6/2013', 'truoc ngay')).toBe(true);
    expect(containsPhrase('huyện thành Đoàn', 'huyen thanh doan')).toBe(true);
  });

  it('keeps diacritics apart when the typist used them', () => {
    expect(containsPhrase('tình nguyện', 'tỉnh')).toBe(false);
    expect(containsPhrase('tình nguyện', 'tinh')).toBe(true);
  });

  it('drops leading zeros of numbers', () => {
    expect(words('06 tháng').map((w) => w.canon)).toEqual(['6', 'tháng']);
  });
});
