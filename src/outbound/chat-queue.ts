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
  /** See {@link priorityRank}: 0 goes first. */
  rank: number;
  resolve(result: DeliveryResult): void;
}

/**
 * The messages for one chat, oldest first, and that chat's own limits: per second for every chat,
 * and per minute as well for a group (as Telegram asks). At most one message of a chat is with the adapter at a time and it
 * leaves the queue only when it is settled, so messages to one chat never overtake each other,
 * even across retries.
 */
export class ChatQueue {
  readonly items = new Fifo<PendingDelivery>();
  private readonly windows: SlidingWindow[];
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
    this.windows = [new SlidingWindow(windowLimit(limits.perChatPerSecond, 1000, marginMs))];
    if (ref.kind === 'group') this.windows.push(new SlidingWindow(windowLimit(limits.perGroupPerMinute, 60_000, marginMs)));
  }

  /** The earliest time the head message may go, as far as this chat is concerned. */
  readyAt(now: number): number {
    return Math.max(this.retryAt, ...this.windows.map((w) => w.nextFreeAt(now)));
  }

  /** Counts a send in the chat's windows. */
  record(now: number): void {
    for (const window of this.windows) window.record(now);
  }

  /** When no send is remembered any more, so the chat can be forgotten once empty. */
  idleAt(): number {
    return Math.max(...this.windows.map((w) => w.idleAt()));
  }
}
