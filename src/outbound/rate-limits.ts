import type { ChannelName } from '../core/messages.ts';

/** Sending limits of one channel. Every value is configurable; see {@link DEFAULT_RATE_LIMITS}. */
export interface RateLimits {
  /** Messages a second to all chats together (Telegram: about 30). */
  globalPerSecond: number;
  /** Messages a second to one private chat (Telegram: about 1). */
  perChatPerSecond: number;
  /** Messages a minute to one group chat (Telegram: about 20). */
  perGroupPerMinute: number;
}

/** Limits used for a channel the options name none for. */
export const DEFAULT_RATE_LIMITS: Record<ChannelName, RateLimits> = {
  telegram: { globalPerSecond: 30, perChatPerSecond: 1, perGroupPerMinute: 20 },
  // Zalo publishes no figures; stay well below Telegram's.
  zalo: { globalPerSecond: 10, perChatPerSecond: 1, perGroupPerMinute: 20 },
  console: { globalPerSecond: 1000, perChatPerSecond: 1000, perGroupPerMinute: 60_000 },
};

/** "At most `limit` sends in any window of `windowMs`." */
export interface WindowLimit {
  limit: number;
  windowMs: number;
}

/**
 * Turns a rate (`count` per `perMs`) into a whole number of sends per window, so that fractional
 * rates work too: 0.5 a second becomes 1 per 2000 ms, 2.5 a second becomes 2 per 800 ms.
 * `marginMs` lengthens the window, so that network jitter between our clock and the platform's
 * cannot push one request too many into the platform's window.
 */
export function windowLimit(count: number, perMs: number, marginMs = 0): WindowLimit {
  if (!(count > 0) || !(perMs > 0)) throw new RangeError(`rate must be positive: ${count} per ${perMs} ms`);
  const limit = Math.max(1, Math.floor(count));
  return { limit, windowMs: (limit * perMs) / count + marginMs };
}
