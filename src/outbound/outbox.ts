import type { Logger } from 'pino';
import type { ChannelAdapter } from '../core/channel.ts';
import type { PermanentDeliveryError } from '../core/delivery-errors.ts';
import type { ChannelName, ChatRef, OutboundMessage } from '../core/messages.ts';
import { ChannelScheduler } from './channel-scheduler.ts';
import type { DeliveryResult } from './delivery-result.ts';
import { OutboxStats } from './outbox-stats.ts';
import type { RateLimits } from './rate-limits.ts';
import { DEFAULT_RATE_LIMITS } from './rate-limits.ts';
import type { OutboundPriority } from '../core/bot/outbound-port.ts';
import { priorityRank } from './priority-ready.ts';

export type { DeliveryResult } from './delivery-result.ts';
export type { DeliveryCounters } from './outbox-stats.ts';
export type { RateLimits } from './rate-limits.ts';
export { DEFAULT_RATE_LIMITS } from './rate-limits.ts';

/** Settings of the {@link Outbox}. */
export interface OutboxOptions {
  logger: Logger;
  /** Limits per channel; a channel not named here gets {@link DEFAULT_RATE_LIMITS}. */
  limits: Partial<Record<ChannelName, RateLimits>>;
  /**
   * Slack against network jitter, so that the platform never counts one message too many (a 429
   * costs a whole second): the channel's sends are spread evenly over 1,000 ms plus this margin
   * (30 a second: one every 34.2 ms by default), and each chat's window is this much longer.
   */
  windowMarginMs?: number;
  /** Transient failures (5xx, network) after which a message is given up. Default 5. 429s do not count. */
  maxAttempts?: number;
  /** First backoff step after a transient failure, doubled at each further one. Default 500 ms. */
  baseBackoffMs?: number;
  /** Longest backoff step. Default 30 s. */
  maxBackoffMs?: number;
  /**
   * Called once for each message that failed for good (blocked by the user, chat not found), before
   * its `send` resolves: the place to mark the person unreachable so that leaders see it.
   */
  onPermanentFailure?: (to: ChatRef, error: PermanentDeliveryError) => Promise<void> | void;
}

/**
 * The one path every message the bot sends goes through (replies, reminders, summaries, files).
 * Per channel it keeps the platform's limits (overall, per chat, per group), keeps each chat's
 * messages in order, honours 429 `retry_after` by pausing the channel, retries 5xx and network
 * errors with backoff, and gives up at once on permanent errors. Every failure is logged and counted
 * in {@link Outbox.stats}; `send` never rejects.
 */
export class Outbox {
  /** Counters over every channel, and per channel in `stats.byChannel`. */
  readonly stats = new OutboxStats();
  private readonly schedulers = new Map<ChannelName, ChannelScheduler>();
  private readonly logger: Logger;

  constructor(adapters: ChannelAdapter[] | Map<ChannelName, ChannelAdapter>, options: OutboxOptions) {
    this.logger = options.logger;
    for (const adapter of adapters.values()) {
      this.schedulers.set(
        adapter.channel,
        new ChannelScheduler({
          adapter,
          limits: options.limits[adapter.channel] ?? DEFAULT_RATE_LIMITS[adapter.channel],
          windowMarginMs: options.windowMarginMs ?? 25,
          logger: options.logger,
          stats: this.stats,
          maxAttempts: options.maxAttempts ?? 5,
          backoff: { baseMs: options.baseBackoffMs ?? 500, maxMs: options.maxBackoffMs ?? 30_000 },
          onPermanentFailure: options.onPermanentFailure,
        }),
      );
    }
  }

  /**
   * Sends one message; resolves when it is delivered or given up. Never rejects. When the channel's
   * budget is short, members' replies go before strangers' replies, and both before `bulk` sends.
   */
  send(to: ChatRef, message: OutboundMessage, priority?: OutboundPriority): Promise<DeliveryResult> {
    const scheduler = this.schedulers.get(to.channel);
    if (scheduler) return scheduler.enqueue(to, message, priorityRank(priority));
    this.stats.count(to.channel, 'failedPermanent');
    this.logger.error({ channel: to.channel, chatId: to.chatId, attempt: 0, kind: 'no_adapter' }, 'no adapter for channel');
    return Promise.resolve({
      status: 'failed',
      attempts: 0,
      error: new Error(`no adapter for channel ${to.channel}`),
      permanent: true,
    });
  }

  /** Sends several messages to one chat, in this order; one result per message. */
  sendMany(to: ChatRef, messages: OutboundMessage[], priority?: OutboundPriority): Promise<DeliveryResult[]> {
    return Promise.all(messages.map((message) => this.send(to, message, priority)));
  }

  /** Messages accepted and not yet delivered or given up, per channel. */
  queued(): Partial<Record<ChannelName, number>> {
    return Object.fromEntries([...this.schedulers].map(([channel, scheduler]) => [channel, scheduler.queued]));
  }

  /** Resolves once every message accepted so far is delivered or given up. */
  async idle(): Promise<void> {
    await Promise.all([...this.schedulers.values()].map((s) => s.idle()));
  }

  /** Gives up messages not yet handed to an adapter (logged, counted), awaits those in flight, clears timers. */
  async close(): Promise<void> {
    await Promise.all([...this.schedulers.values()].map((s) => s.close()));
  }
}
