import { describe, expect, it } from 'vitest';
import { windowLimit } from '../../src/outbound/rate-limits.ts';
import { SlidingWindow } from '../../src/outbound/sliding-window.ts';

describe('windowLimit', () => {
  it.each([
    [30, 1000, 0, { limit: 30, windowMs: 1000 }],
    [0.5, 1000, 0, { limit: 1, windowMs: 2000 }],
    [2.5, 1000, 0, { limit: 2, windowMs: 800 }],
    [20, 60_000, 25, { limit: 20, windowMs: 60_025 }],
  ])('%d per %d ms (margin %d)', (count, perMs, margin, expected) => {
    expect(windowLimit(count, perMs, margin)).toEqual(expected);
  });

  it('refuses a rate that is not positive', () => {
    expect(() => windowLimit(0, 1000)).toThrow(RangeError);
  });
});

describe('SlidingWindow', () => {
  it('allows `limit` sends in any window, then frees one slot per oldest send', () => {
    const window = new SlidingWindow({ limit: 3, windowMs: 100 });
    for (const t of [0, 10, 20]) {
      expect(window.nextFreeAt(t)).toBe(t);
      window.record(t);
    }
    expect(window.nextFreeAt(30)).toBe(100);
    window.record(100);
    expect(window.nextFreeAt(100)).toBe(110);
    expect(window.isIdle(199)).toBe(false);
    expect(window.idleAt()).toBe(200);
    expect(window.isIdle(200)).toBe(true);
  });
});
