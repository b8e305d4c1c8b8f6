/**
 * Spreads sends evenly: one every `intervalMs`, on a fixed schedule of slots. A send that comes a
 * little late (timers fire late) keeps the schedule, so lateness does not pile up into a lower
 * rate; after an idle spell the schedule starts again from the send.
 *
 * Bursts are what a platform's counter sees worst: requests sent together reach it spread out by
 * queueing, so the next burst can land inside the previous one's window. Evenly spaced requests
 * arrive as they were sent.
 */
export class Pacer {
  private nextSlot = -Infinity;

  constructor(private readonly intervalMs: number) {}

  /** The earliest time (same clock as `now`) at which the next send may go. */
  nextFreeAt(now: number): number {
    return Math.max(now, this.nextSlot);
  }

  record(now: number): void {
    const onSchedule = now - this.nextSlot < this.intervalMs;
    this.nextSlot = (onSchedule ? this.nextSlot : now) + this.intervalMs;
  }
}
