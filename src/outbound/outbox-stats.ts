import type { ChannelName } from '../core/messages.ts';

/** What happened to outbound messages, counted. */
export interface DeliveryCounters {
  /** Messages delivered. */
  sent: number;
  /** 429 answers received (each delays its message; none is a loss). */
  rateLimited: number;
  /** Retries scheduled after a transient failure (5xx, network). */
  retried: number;
  /** Messages given up at once because retrying cannot help (blocked, chat not found). */
  failedPermanent: number;
  /** Messages given up after their last transient failure, or abandoned by `close()`. */
  failedTransient: number;
}

function zero(): DeliveryCounters {
  return { sent: 0, rateLimited: 0, retried: 0, failedPermanent: 0, failedTransient: 0 };
}

/** Totals over every channel, and the same counters per channel in `byChannel`. */
export class OutboxStats implements DeliveryCounters {
  sent = 0;
  rateLimited = 0;
  retried = 0;
  failedPermanent = 0;
  failedTransient = 0;
  readonly byChannel: Partial<Record<ChannelName, DeliveryCounters>> = {};
  /** When a message was last delivered on each channel (shown by /healthz). */
  readonly lastSentAt: Partial<Record<ChannelName, Date>> = {};

  count(channel: ChannelName, counter: keyof DeliveryCounters): void {
    this[counter] += 1;
    if (counter === 'sent') this.lastSentAt[channel] = new Date();
    const perChannel = (this.byChannel[channel] ??= zero());
    perChannel[counter] += 1;
  }
}
