import type { Redis } from 'ioredis';
import type { ChannelName } from '../core/messages.ts';
import type { Keys } from './keys.ts';
import { IdentityJsonStore } from './identity-json-store.ts';

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
export class SessionStore extends IdentityJsonStore implements Sessions {
  constructor(redis: Redis, keys: Keys) {
    super(redis, (channel, userId) => keys.session(channel, userId), SESSION_TTL_SECONDS);
  }
}
