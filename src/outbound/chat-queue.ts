import type { ChatRef, OutboundMessage } from '../core/messages.ts';
import type { DeliveryResult } from './delivery-result.ts';
import { Fifo } from './fifo.ts';
import type { RateLimits } from './rate-limits.ts';
import { windowLimit } from './rate-limits.ts';
import { SlidingWindow } from './sliding-window.ts';

/** One message waiting in the outbound path, with its caller's promise. */
export interface PendingDelivery {
  message: OutboundMessage;
  /** Calls to the adapter so far, 429s included. */
  attempts: number;
  /** Transient failures so far (5xx, network): what `maxAttempts` bounds. */
  transientFailures: number;
  resolve(result: DeliveryResult): void;
}

/**
 * The messages for one chat, oldest first, and that chat's own limit: per second for a private
 * chat, per minute for a group. At most one message of a chat is with the adapter at a time and it
 * leaves the queue only when it is settled, so messages to one chat never overtake each other,
 * even across retries.
 */
export class ChatQueue {
  readonly items = new Fifo<PendingDelivery>();
  readonly window: SlidingWindow;
  /** The head message is with the adapter. */
  inFlight = false;
  /** The chat is in its scheduler's ready list. */
  inReady = false;
  /** When the chat's planned wake-up is due, if one is planned. */
  wakeAt: number | undefined;
  /** Not before this time: set by the backoff after a transient failure. */
  retryAt = 0;

  constructor(
    readonly ref: ChatRef,
    limits: RateLimits,
    marginMs: number,
  ) {
    this.window = new SlidingWindow(
      ref.kind === 'group'
        ? windowLimit(limits.perGroupPerMinute, 60_000, marginMs)
        : windowLimit(limits.perChatPerSecond, 1000, marginMs),
    );
  }

  /** The earliest time the head message may go, as far as this chat is concerned. */
  readyAt(now: number): number {
    return Math.max(this.window.nextFreeAt(now), this.retryAt);
  }
}
