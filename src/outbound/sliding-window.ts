import type { WindowLimit } from './rate-limits.ts';

/**
 * "At most `limit` sends in any window of `windowMs`", exact: it remembers the last `limit` send
 * times in a ring. Unlike a token bucket with a burst allowance, it never lets more than `limit`
 * through in any window (which is how a platform counts), and unlike fixed spacing it does not
 * lose rate when timers fire late.
 */
export class SlidingWindow {
  private readonly times: number[] = [];
  /** Sends recorded so far; send number n sits at index n % limit. */
  private recorded = 0;

  constructor(private readonly spec: WindowLimit) {}

  /** The earliest time (same clock as `now`) at which one more send is allowed. */
  nextFreeAt(now: number): number {
    if (this.times.length < this.spec.limit) return now;
    // The ring is full: the slot about to be reused holds the send `limit` sends ago.
    return Math.max(now, (this.times[this.recorded % this.spec.limit] ?? now) + this.spec.windowMs);
  }

  /** Counts a send at `now`; returns its number, for {@link postpone}. */
  record(now: number): number {
    if (this.times.length < this.spec.limit) this.times.push(now);
    else this.times[this.recorded % this.spec.limit] = now;
    return this.recorded++;
  }

  /** Counts send number `send` as made at `time` instead, if that is later and it is still remembered. */
  postpone(send: number, time: number): void {
    if (send < this.recorded - this.times.length || send >= this.recorded) return;
    const index = send % this.spec.limit;
    this.times[index] = Math.max(this.times[index] ?? time, time);
  }

  /** The time from which no send is remembered any more, so the window can be forgotten. */
  idleAt(): number {
    return this.times.length === 0 ? 0 : Math.max(...this.times) + this.spec.windowMs;
  }
}
