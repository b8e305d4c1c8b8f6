import type { WindowLimit } from './rate-limits.ts';

/**
 * "At most `limit` sends in any window of `windowMs`", exact: it remembers the last `limit` send
 * times in a ring. Unlike a token bucket with a burst allowance, it never lets more than `limit`
 * through in any window (which is how a platform counts), and unlike fixed spacing it does not
 * lose rate when timers fire late.
 */
export class SlidingWindow {
  private readonly times: number[] = [];
  private next = 0;

  constructor(private readonly spec: WindowLimit) {}

  /** The earliest time (same clock as `now`) at which one more send is allowed. */
  nextFreeAt(now: number): number {
    if (this.times.length < this.spec.limit) return now;
    // The ring is full: `next` points at the oldest send.
    return Math.max(now, (this.times[this.next] ?? now) + this.spec.windowMs);
  }

  /** True when no send of the window is still remembered, so the window can be forgotten. */
  isIdle(now: number): boolean {
    return this.idleAt() <= now;
  }

  /** The time at which {@link isIdle} becomes true. */
  idleAt(): number {
    const newest = this.times[(this.next + this.times.length - 1) % this.times.length];
    return newest === undefined ? 0 : newest + this.spec.windowMs;
  }

  record(now: number): void {
    if (this.times.length < this.spec.limit) this.times.push(now);
    else {
      this.times[this.next] = now;
      this.next = (this.next + 1) % this.spec.limit;
    }
  }
}
