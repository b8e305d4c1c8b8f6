import type { Redis } from 'ioredis';
import type { ChannelName } from '../core/messages.ts';
import type { Keys } from './keys.ts';

/** Offered choices are answered within this time; later a number is ordinary text again. */
const OFFER_TTL_SECONDS = 24 * 3600;

/**
 * The last choices offered to one identity outside a conversation (units to open under /tinhhinh,
 * accept / return under a report notification), so that "3" typed on Zalo or in the terminal means
 * the third of them. Opaque JSON; the core validates what it reads.
 */
export class OfferStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  async read(channel: ChannelName, userId: string): Promise<unknown> {
    const raw = await this.redis.get(this.keys.offered(channel, userId));
    if (raw == null) return null;
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      return null;
    }
  }

  async write(channel: ChannelName, userId: string, offer: unknown): Promise<void> {
    await this.redis.set(this.keys.offered(channel, userId), JSON.stringify(offer), 'EX', OFFER_TTL_SECONDS);
  }

  async clear(channel: ChannelName, userId: string): Promise<void> {
    await this.redis.del(this.keys.offered(channel, userId));
  }
}
