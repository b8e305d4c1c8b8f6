import { performance } from 'node:perf_hooks';
import type { Logger } from 'pino';
import type { ChannelAdapter } from '../core/channel.ts';
import { PermanentDeliveryError, RateLimitedError } from '../core/delivery-errors.ts';
import type { ChatRef, OutboundMessage } from '../core/messages.ts';
import type { BackoffOptions } from './backoff.ts';
import { backoffDelay } from './backoff.ts';
import type { PendingDelivery } from './chat-queue.ts';
import { ChatQueue } from './chat-queue.ts';
import type { DeliveryResult } from './delivery-result.ts';
import { LatencyFloor } from './latency-floor.ts';
import type { OutboxStats } from './outbox-stats.ts';
import type { RateLimits } from './rate-limits.ts';
import { windowLimit } from './rate-limits.ts';
import { Pacer } from './pacer.ts';
import { PriorityReady } from './priority-ready.ts';
import { SlidingWindow } from './sliding-window.ts';
import { WakeHeap } from './wake-heap.ts';

/** The part of the margin the global window keeps; the pacer uses all of it. */
const HARD_WINDOW_SHARE = 0.4;

/** What one channel's scheduler needs; built by the Outbox. */
export interface ChannelSchedulerOptions {
  adapter: ChannelAdapter;
  limits: RateLimits;
  /** Added to every limit's window (see {@link windowLimit}). */
  windowMarginMs: number;
  logger: Logger;
  stats: OutboxStats;
  /** Transient failures after which a message is given up. */
  maxAttempts: number;
  backoff: BackoffOptions;
  onPermanentFailure?: (to: ChatRef, error: PermanentDeliveryError) => Promise<void> | void;
}

/**
 * Sends one channel's messages within its limits. Chats whose next message may go now wait in a
 * ready list per priority (members' replies before strangers' before bulk sends; within one, served
 * in turn, so one busy chat cannot starve the others); the others wait in a heap
 * ordered by the time they may go, served by a single timer. A global sliding window bounds the
 * channel's rate (counting each send from the latest moment the platform can have received it), a
 * pacer spreads the sends evenly, and a 429 pauses the whole channel for its `retry_after`.
 */
export class ChannelScheduler {
  private readonly chats = new Map<string, ChatQueue>();
  private readonly ready = new PriorityReady<ChatQueue>();
  private readonly wakes = new WakeHeap<ChatQueue>();
  private readonly global: SlidingWindow;
  private readonly pacer: Pacer;
  private readonly latency = new LatencyFloor();
  private pausedUntil = 0;
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Infinity;
  private pumpRequested = false;
  /** Messages accepted and not yet settled. */
  private pending = 0;
  private idleWaiters: (() => void)[] = [];
  private closed = false;

  constructor(private readonly options: ChannelSchedulerOptions) {
    // The window is the hard cap; the pacer, slowed by the whole margin, keeps sends clear of it,
    // so that the window only binds behind a send that was late by more than the difference (and
    // then pushes the next ones back, which would lower the rate).
    const base = windowLimit(options.limits.globalPerSecond, 1000);
    const margin = options.windowMarginMs;
    this.global = new SlidingWindow({ limit: base.limit, windowMs: base.windowMs + margin * HARD_WINDOW_SHARE });
    this.pacer = new Pacer((base.windowMs + margin) / base.limit);
  }

  private get channel(): string {
    return this.options.adapter.channel;
  }

  /** Queues a message behind the chat's earlier ones; resolves when it is delivered or given up. */
  enqueue(to: ChatRef, message: OutboundMessage, rank = 0): Promise<DeliveryResult> {
    if (this.closed) {
      return Promise.resolve(this.abandon(to, { message, attempts: 0, transientFailures: 0, rank, resolve: () => {} }));
    }
    let chat = this.chats.get(to.chatId);
    if (!chat) {
      chat = new ChatQueue(to, this.options.limits, this.options.windowMarginMs);
      this.chats.set(to.chatId, chat);
    }
    const target = chat;
    this.pending += 1;
    return new Promise((resolve) => {
      target.items.push({ message, attempts: 0, transientFailures: 0, rank, resolve });
      this.settle(target, performance.now());
      this.requestPump();
    });
  }

  /** Messages accepted and not yet delivered or given up. */
  get queued(): number {
    return this.pending;
  }

  /** Resolves once every accepted message is delivered or given up. */
  idle(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /**
   * Stops sending: messages not yet handed to the adapter are given up (logged and counted as
   * failed), messages with the adapter are awaited. Clears the timer.
   */
  async close(): Promise<void> {
    this.closed = true;
    this.clearTimer();
    this.wakes.clear();
    this.ready.drain();
    for (const chat of this.chats.values()) {
      chat.inReady = false;
      const waiting = chat.items.drain();
      const head = chat.inFlight ? waiting.shift() : undefined;
      if (head) chat.items.push(head);
      for (const item of waiting) item.resolve(this.abandon(chat.ref, item));
      this.pending -= waiting.length;
    }
    this.notifyIfIdle();
    await this.idle();
  }

  private abandon(to: ChatRef, item: PendingDelivery): DeliveryResult {
    this.options.stats.count(to.channel, 'failedTransient');
    this.options.logger.warn(
      { channel: this.channel, chatId: to.chatId, attempt: item.attempts, kind: 'closed' },
      'outbound message abandoned: outbox closed',
    );
    return { status: 'failed', attempts: item.attempts, error: new Error('outbox closed before delivery'), permanent: false };
  }

  /** Puts a chat where it belongs: ready, waiting for a time, or forgotten once empty and idle. */
  private settle(chat: ChatQueue, now: number): void {
    if (chat.inFlight || chat.inReady) return;
    if (chat.items.size === 0) {
      if (chat.idleAt() > now) this.planWake(chat, chat.idleAt());
      else if (this.chats.get(chat.ref.chatId) === chat) this.chats.delete(chat.ref.chatId);
      return;
    }
    const at = chat.readyAt(now);
    if (at > now) this.planWake(chat, at);
    else {
      chat.inReady = true;
      this.ready.push(chat, chat.items.peek()?.rank ?? 0);
    }
  }

  private planWake(chat: ChatQueue, at: number): void {
    // An earlier wake-up is planned already; it will settle the chat again.
    if (chat.wakeAt !== undefined && chat.wakeAt <= at) return;
    chat.wakeAt = at;
    this.wakes.push(at, chat);
  }

  private requestPump(): void {
    if (this.pumpRequested) return;
    this.pumpRequested = true;
    queueMicrotask(() => this.pump());
  }

  private pump(): void {
    this.pumpRequested = false;
    if (this.closed) return;
    const now = performance.now();
    for (let wake = this.wakes.peek(); wake && wake.at <= now; wake = this.wakes.peek()) {
      this.wakes.pop();
      if (wake.value.wakeAt !== wake.at) continue; // superseded by an earlier wake-up
      wake.value.wakeAt = undefined;
      this.settle(wake.value, now);
    }
    let nextAt = this.wakes.peek()?.at ?? Infinity;
    if (this.ready.size > 0 && now < this.pausedUntil) nextAt = Math.min(nextAt, this.pausedUntil);
    else {
      while (this.ready.size > 0) {
        const freeAt = Math.max(this.global.nextFreeAt(now), this.pacer.nextFreeAt(now));
        if (freeAt > now) {
          nextAt = Math.min(nextAt, freeAt);
          break;
        }
        const chat = this.ready.shift();
        if (!chat) break;
        chat.inReady = false;
        this.dispatch(chat);
      }
    }
    this.arm(nextAt, now);
  }

  private arm(at: number, now: number): void {
    if (at === Infinity) {
      this.clearTimer();
      return;
    }
    if (!this.timer || at < this.timerAt) {
      this.clearTimer();
      this.timerAt = at;
      this.timer = setTimeout(
        () => {
          this.timer = undefined;
          this.timerAt = Infinity;
          this.pump();
        },
        Math.max(0, at - now),
      );
    }
    // Only waiting messages keep the process alive; forgetting idle chats does not.
    if (this.pending > 0) this.timer.ref();
    else this.timer.unref();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = Infinity;
  }

  private dispatch(chat: ChatQueue): void {
    const item = chat.items.peek();
    if (!item) return;
    // Record the real moment of sending, not the start of this pump, so windows hold as the platform sees them.
    const now = performance.now();
    chat.inFlight = true;
    const send = this.global.record(now);
    this.pacer.record(now);
    chat.record(now);
    item.attempts += 1;
    void this.attempt(chat, item, now, send);
  }

  /** Once answered, the send counts from the latest time the platform can have seen it. */
  private answered(sentAt: number, send: number): void {
    const answeredAt = performance.now();
    this.latency.add(answeredAt - sentAt);
    this.global.postpone(send, answeredAt - this.latency.floor);
  }

  private async attempt(chat: ChatQueue, item: PendingDelivery, sentAt: number, send: number): Promise<void> {
    try {
      await this.options.adapter.deliver(chat.ref.chatId, item.message).finally(() => this.answered(sentAt, send));
      this.options.stats.count(chat.ref.channel, 'sent');
      this.finish(chat, { status: 'sent', attempts: item.attempts });
    } catch (error) {
      await this.failed(chat, item, error);
    } finally {
      chat.inFlight = false;
      if (!this.closed) {
        this.settle(chat, performance.now());
        this.requestPump();
      }
    }
  }

  private async failed(chat: ChatQueue, item: PendingDelivery, error: unknown): Promise<void> {
    const { stats, logger } = this.options;
    const to = chat.ref;
    const err = error instanceof Error ? error : new Error(String(error));
    const fields = {
      channel: this.channel,
      chatId: to.chatId,
      attempt: item.attempts,
      kind: err instanceof RateLimitedError || err instanceof PermanentDeliveryError ? err.kind : 'transient',
      code: (err as { code?: unknown }).code,
      err,
    };
    if (err instanceof RateLimitedError) {
      stats.count(to.channel, 'rateLimited');
      this.pausedUntil = Math.max(this.pausedUntil, performance.now() + err.retryAfterMs);
      logger.warn({ ...fields, retryAfterMs: err.retryAfterMs }, 'outbound rate limited: channel paused');
      if (this.closed) this.finish(chat, { status: 'failed', attempts: item.attempts, error: err, permanent: false }, 'failedTransient');
      return;
    }
    if (err instanceof PermanentDeliveryError) {
      stats.count(to.channel, 'failedPermanent');
      logger.error({ ...fields, reason: err.reason }, 'outbound message failed permanently');
      try {
        await this.options.onPermanentFailure?.(to, err);
      } catch (callbackError) {
        logger.error({ channel: this.channel, chatId: to.chatId, err: callbackError }, 'onPermanentFailure threw');
      }
      this.finish(chat, { status: 'failed', attempts: item.attempts, error: err, permanent: true });
      return;
    }
    item.transientFailures += 1;
    if (item.transientFailures >= this.options.maxAttempts || this.closed) {
      logger.error(fields, 'outbound message failed: giving up');
      this.finish(chat, { status: 'failed', attempts: item.attempts, error: err, permanent: false }, 'failedTransient');
      return;
    }
    stats.count(to.channel, 'retried');
    const delay = backoffDelay(item.transientFailures, this.options.backoff);
    chat.retryAt = performance.now() + delay;
    logger.warn({ ...fields, retryInMs: Math.round(delay) }, 'outbound message failed: will retry');
  }

  /** Takes the head message off its chat and resolves its caller. */
  private finish(chat: ChatQueue, result: DeliveryResult, counter?: 'failedTransient'): void {
    if (counter) this.options.stats.count(chat.ref.channel, counter);
    chat.items.shift()?.resolve(result);
    this.pending -= 1;
    this.notifyIfIdle();
  }

  private notifyIfIdle(): void {
    if (this.pending !== 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
