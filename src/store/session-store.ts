import type { Redis } from 'ioredis';
import type { ChannelName } from '../core/messages.ts';
import type { Keys } from './keys.ts';

export const SESSION_TTL_SECONDS = 60 * 60 * 24 * 60;

/** Conversation state per identity (the core reads and writes its own through a per-update draft). */
export interface Sessions {
  read(channel: ChannelName, userId: string): Promise<unknown>;
  write(channel: ChannelName, userId: string, state: unknown): Promise<void>;
  clear(channel: ChannelName, userId: string): Promise<void>;
}

/**
 * Conversation state of one identity, as opaque JSON: the core validates what it reads back
 * (a state written by an older version is restarted, never crashes).
 */
export class SessionStore implements Sessions {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  async read(channel: ChannelName, userId: string): Promise<unknown> {
    const raw = await this.redis.get(this.keys.session(channel, userId));
    if (raw == null) return null;
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      return null;
    }
  }

  async write(channel: ChannelName, userId: string, state: unknown): Promise<void> {
    await this.redis.set(this.keys.session(channel, userId), JSON.stringify(state), 'EX', SESSION_TTL_SECONDS);
  }

  async clear(channel: ChannelName, userId: string): Promise<void> {
    await this.redis.del(this.keys.session(channel, userId));
  }
}
