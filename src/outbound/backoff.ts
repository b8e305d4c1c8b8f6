/** Backoff settings for transient failures. */
export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}

/**
 * Delay before retry number `failures` (1 after the first failure): exponential, capped, with
 * "equal jitter" (between half and all of the step), so that many chats failing together do not
 * retry in lockstep.
 */
export function backoffDelay(failures: number, options: BackoffOptions, random: () => number = Math.random): number {
  const step = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, failures - 1));
  return step / 2 + random() * (step / 2);
}
