/**
 * The shortest of the last few round trips to a platform. A request reached the platform at the
 * latest one floor before its answer came back: that bound, not the moment it was sent, is what a
 * rate window must count from to stay clear of the platform's own counter when requests are
 * held up on the way (a stall on our side, a slow network).
 */
export class LatencyFloor {
  private readonly samples: number[] = [];
  private next = 0;

  constructor(private readonly size = 32) {}

  add(roundTripMs: number): void {
    if (this.samples.length < this.size) this.samples.push(roundTripMs);
    else this.samples[this.next] = roundTripMs;
    this.next = (this.next + 1) % this.size;
  }

  /** The floor in ms; 0 before any sample. */
  get floor(): number {
    return this.samples.length === 0 ? 0 : Math.min(...this.samples);
  }
}
