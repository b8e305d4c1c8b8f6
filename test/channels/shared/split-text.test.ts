import { describe, expect, it } from 'vitest';
import { splitText } from '../../../src/channels/shared/split-text.ts';

const squash = (s: string): string => s.replace(/\s+/g, '');

describe('splitText', () => {
  it('keeps text that fits', () => {
    expect(splitText('Xin chào', 2000)).toEqual(['Xin chào']);
  });

  it('drops blank text', () => {
    expect(splitText('  \n ', 10)).toEqual([]);
  });

  it('cuts at a line break rather than inside a line', () => {
    const lines = Array.from({ length: 60 }, (_, i) => `${i + 1}. Chi đoàn số ${i + 1} đã nộp báo cáo đúng hạn`);
    const parts = splitText(lines.join('\n'), 2000);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(2000);
      expect(lines).toContain(part.split('\n').at(-1));
    }
    expect(parts.join('\n')).toBe(lines.join('\n'));
  });

  it('cuts after a sentence when there is no line break', () => {
    const sentence = 'Đoàn viên tham gia hiến máu tình nguyện đạt chỉ tiêu. ';
    const text = sentence.repeat(80);
    const parts = splitText(text, 2000);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(2000);
      expect(part.endsWith('.')).toBe(true);
    }
    expect(squash(parts.join(''))).toBe(squash(text));
  });

  it('cuts at a space, and inside a word only when there is nothing else', () => {
    expect(splitText('aaaa bbbb cccc', 10)).toEqual(['aaaa bbbb', 'cccc']);
    expect(splitText('x'.repeat(25), 10)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
  });

  it('never splits a surrogate pair', () => {
    const parts = splitText('😀'.repeat(5), 3);
    expect(parts.every((part) => !/[\uD800-\uDBFF]$/.test(part))).toBe(true);
    expect(parts.join('')).toBe('😀'.repeat(5));
  });
});
