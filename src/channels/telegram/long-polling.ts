import { setTimeout as delay } from 'node:timers/promises';
import type { Telegram } from 'telegraf';
import { TelegramError } from 'telegraf';
import type { Convenience, Update } from 'telegraf/types';
import type { Logger } from 'pino';

/** Options of {@link LongPolling}. */
export interface LongPollingOptions {
  telegram: Telegram;
  logger: Logger;
  /** Update kinds to receive (getUpdates allowed_updates). */
  allowedUpdates: readonly Convenience.UpdateType[];
  /** How long Telegram may hold one getUpdates call, in seconds. */
  timeoutSeconds?: number;
  /**
   * Handles one batch; the next getUpdates (which confirms the batch) waits for it. When it rejects,
   * the batch is not confirmed: it is fetched again after a backoff.
   */
  onBatch(updates: Update[]): Promise<void>;
}

const MAX_BACKOFF_MS = 30_000;

/**
 * A getUpdates loop, like telegraf's `launch()` but with a lifecycle the adapter can rely on:
 * `start()` returns with the loop running, `stop()` aborts the held request and every wait at once
 * and resolves when the loop has ended and the last batch is confirmed. Network failures, 5xx and
 * 429 are retried with backoff; 401 (bad token) and 409 (webhook set, or another poller) end the loop.
 */
export class LongPolling {
  private readonly abort = new AbortController();
  private offset = 0;
  private loop: Promise<void> | undefined;

  constructor(private readonly options: LongPollingOptions) {}

  start(): void {
    if (this.loop) throw new Error('LongPolling instances cannot be restarted');
    this.loop = this.run();
  }

  /** When getUpdates last succeeded (an empty batch counts), for the health check. */
  lastPollAt: Date | undefined;

  async stop(): Promise<void> {
    this.abort.abort();
    await this.loop;
  }

  private async run(): Promise<void> {
    const { signal } = this.abort;
    let failures = 0;
    while (!signal.aborted) {
      let updates: Update[];
      try {
        updates = await this.options.telegram.callApi(
          'getUpdates',
          { offset: this.offset, timeout: this.options.timeoutSeconds ?? 50, allowed_updates: this.options.allowedUpdates },
          // telegraf types the signal as the abort-controller polyfill's; node-fetch accepts the native one.
          { signal: signal as never },
        );
        failures = 0;
        this.lastPollAt = new Date();
      } catch (err) {
        if (signal.aborted) break;
        const waitMs = this.retryDelay(err, ++failures);
        if (waitMs === undefined) {
          this.options.logger.error({ err }, 'Telegram polling stopped: the Bot API refused getUpdates');
          return;
        }
        this.options.logger.warn({ err, waitMs }, 'Telegram getUpdates failed; retrying');
        await delay(waitMs, undefined, { signal }).catch(() => undefined);
        continue;
      }
      try {
        await this.options.onBatch(updates);
      } catch (err) {
        if (signal.aborted) break;
        const waitMs = Math.min(MAX_BACKOFF_MS, 500 * 2 ** Math.min(++failures, 6));
        this.options.logger.warn({ err, waitMs }, 'a Telegram batch was not handled; fetching it again');
        await delay(waitMs, undefined, { signal }).catch(() => undefined);
        continue;
      }
      const last = updates.at(-1);
      if (last) this.offset = last.update_id + 1;
    }
    await this.confirmOffset();
  }

  /** Milliseconds to wait before the next try, or undefined when retrying cannot help. */
  private retryDelay(err: unknown, failures: number): number | undefined {
    if (err instanceof TelegramError) {
      if (err.code === 429) return (err.parameters?.retry_after ?? 1) * 1000;
      // 409: another process still polls (a deploy overlapping the old one) or a webhook is set; the
      // conflict usually ends by itself, so keep trying with backoff rather than going deaf.
      if (err.code === 409) return Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(failures, 5));
      if (err.code < 500) return undefined;
    }
    return Math.min(MAX_BACKOFF_MS, 500 * 2 ** Math.min(failures, 6));
  }

  /** Tells Telegram the last batch was handled, so a restart does not receive it again. */
  private async confirmOffset(): Promise<void> {
    if (this.offset === 0) return;
    try {
      await this.options.telegram.callApi('getUpdates', { offset: this.offset, limit: 1, timeout: 0 });
    } catch (err) {
      this.options.logger.debug({ err }, 'could not confirm the last Telegram update offset');
    }
  }
}
