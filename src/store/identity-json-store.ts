import type { Redis } from 'ioredis';
import type { ChannelName } from '../core/messages.ts';

/**
 * One JSON value per identity (channel + user id) under its own key, kept for a fixed time after each
 * write. Opaque: the core validates what it reads back; an unreadable value reads as none.
 */
export class IdentityJsonStore {
  constructor(
    private readonly redis: Redis,
    private readonly keyOf: (channel: ChannelName, userId: string) => string,
    private readonly ttlSeconds: number,
  ) {}

  async read(channel: ChannelName, userId: string): Promise<unknown> {
    const raw = await this.redis.get(this.keyOf(channel, userId));
    if (raw == null) return null;
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      return null;
    }
  }

  async write(channel: ChannelName, userId: string, value: unknown): Promise<void> {
    await this.redis.set(this.keyOf(channel, userId), JSON.stringify(value), 'EX', this.ttlSeconds);
  }

  async clear(channel: ChannelName, userId: string): Promise<void> {
    await this.redis.del(this.keyOf(channel, userId));
  }
}
