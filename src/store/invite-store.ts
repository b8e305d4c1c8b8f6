import type { Redis } from 'ioredis';
import type { Invite } from '../core/domain/types.ts';
import type { Keys } from './keys.ts';
import { parseStored } from './json.ts';
import { inviteSchema } from './schemas.ts';

/** Single-use, expiring invites. Redeeming uses GETDEL, so two people can never use one code. */
export class InviteStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  async create(invite: Invite, ttlSeconds: number): Promise<void> {
    await this.redis.set(this.keys.invite(invite.code), JSON.stringify(invite), 'EX', Math.max(1, Math.round(ttlSeconds)), 'NX');
  }

  async peek(code: string): Promise<Invite | null> {
    return parseStored(await this.redis.get(this.keys.invite(code)), inviteSchema);
  }

  /** Takes the invite away atomically; null when unknown, used or expired. */
  async redeem(code: string): Promise<Invite | null> {
    return parseStored(await this.redis.getdel(this.keys.invite(code)), inviteSchema);
  }
}
