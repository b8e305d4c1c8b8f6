import { describe, expect, it } from 'vitest';
import { parseOffset } from '../../src/plan-bundle/offset.ts';

describe('parseOffset', () => {
  it.each([
    ['-P7D', -1, { days: 7 }, true],
    ['P1D', 1, { days: 1 }, true],
    ['+P2D', 1, { days: 2 }, true],
    ['PT0S', 1, {}, true],
    ['-PT2H30M', -1, { hours: 2, minutes: 30 }, false],
    ['P1DT12H', 1, { days: 1, hours: 12 }, false],
  ])('%s', (text, sign, parts, wholeDays) => {
    const offset = parseOffset(text);
    expect(offset.sign).toBe(sign);
    expect(offset.wholeDays).toBe(wholeDays);
    const ms = (parts as { days?: number; hours?: number; minutes?: number }).days ?? 0;
    const expected =
      ms * 86_400_000 + ((parts as { hours?: number }).hours ?? 0) * 3_600_000 + ((parts as { minutes?: number }).minutes ?? 0) * 60_000;
    expect(offset.duration.as('milliseconds')).toBe(expected);
  });

  it.each(['', 'P', 'PT', 'P1DT', '7D', '-P1W', 'P1.5D', 'P-1D', '3 days'])('refuses %j', (text) => {
    expect(() => parseOffset(text)).toThrow(RangeError);
  });
});
