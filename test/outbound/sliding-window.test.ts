import { describe, expect, it } from 'vitest';
import { windowLimit } from '../../src/outbound/rate-limits.ts';
import { Pacer } from '../../src/outbound/pacer.ts';
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
    expect(window.idleAt()).toBe(200);
  });

  it('counts a postponed send from its new time, and ignores sends it no longer remembers', () => {
    const window = new SlidingWindow({ limit: 2, windowMs: 100 });
    const first = window.record(0);
    window.record(10);
    window.postpone(first, 30); // answered late: the platform may have seen it as late as 30
    expect(window.nextFreeAt(20)).toBe(130);
    window.postpone(first, 5); // never earlier
    expect(window.nextFreeAt(20)).toBe(130);
    window.record(130); // takes the first send's place in the ring
    window.postpone(first, 500); // so this must not touch the third send
    window.record(130);
    expect(window.nextFreeAt(130)).toBe(230);
  });
});

describe('Pacer', () => {
  it('keeps its schedule when a send is a little late, and starts again after an idle spell', () => {
    const pacer = new Pacer(10);
    expect(pacer.nextFreeAt(0)).toBe(0);
    pacer.record(0);
    expect(pacer.nextFreeAt(1)).toBe(10);
    pacer.record(13); // 3 ms late: the next slot stays at 20
    expect(pacer.nextFreeAt(13)).toBe(20);
    pacer.record(20);
    pacer.record(100); // idle since 30: a new schedule from 100
    expect(pacer.nextFreeAt(100)).toBe(110);
  });
});
