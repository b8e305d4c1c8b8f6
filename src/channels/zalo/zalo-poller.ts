import type { Logger } from 'pino';
import type { ZaloApiClient } from './zalo-api-client.ts';
import { ZaloApiError } from './zalo-errors.ts';
import { unwrapUpdate } from './to-inbound.ts';
import type { ZaloUpdate } from './zalo-types.ts';

export interface ZaloPollerOptions {
  client: ZaloApiClient;
  logger: Logger;
  /** How long Zalo may hold one getUpdates call open (seconds, default 30). */
  pollTimeoutSec?: number;
  /** Handles one update; the next poll waits for it, so updates are handled strictly in order. */
  onUpdate: (update: ZaloUpdate) => Promise<void>;
}

const MIN_BACKOFF_MS = 1_000;
const MAX_BACKOFF_MS = 30_000;

/**
 * Long polling for development: one getUpdates call at a time, one update per call. An empty
 * poll (error 408) is not a failure and is followed by the next poll at once; other failures are
 * logged and retried after a growing pause (1 s doubling to 30 s). `stop()` aborts the call in
 * flight and resolves once the loop has ended.
 */
export class ZaloPoller {
  private readonly abort = new AbortController();
  private loop: Promise<void> | undefined;

  constructor(private readonly options: ZaloPollerOptions) {}

  start(): void {
    this.loop ??= this.run();
  }

  /** When getUpdates last succeeded (an empty poll counts), for the health check. */
  lastPollAt: Date | undefined;

  async stop(): Promise<void> {
    this.abort.abort();
    await this.loop;
  }

  private async run(): Promise<void> {
    const { client, logger, onUpdate } = this.options;
    const timeoutSec = this.options.pollTimeoutSec ?? 30;
    const signal = this.abort.signal;
    let backoffMs = MIN_BACKOFF_MS;
    while (!signal.aborted) {
      let result: unknown;
      try {
        // Zalo documents `timeout` as a string of seconds.
        result = await client.call<unknown>('getUpdates', { timeout: String(timeoutSec) }, { signal, timeoutMs: (timeoutSec + 10) * 1000 });
      } catch (error) {
        if (signal.aborted) break;
        if (error instanceof ZaloApiError && error.isEmptyPoll) {
          this.lastPollAt = new Date();
          continue;
        }
        logger.warn({ err: error, retryInMs: backoffMs }, 'zalo getUpdates failed');
        await pause(backoffMs, signal);
        backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF_MS);
        continue;
      }
      backoffMs = MIN_BACKOFF_MS;
      this.lastPollAt = new Date();
      for (const item of Array.isArray(result) ? result : [result]) {
        const update = unwrapUpdate(item);
        if (update) await onUpdate(update);
      }
    }
  }
}

/** Waits `ms`, or less if the signal aborts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
