import type { Redis } from 'ioredis';

/** The result of trying to claim one message: ours to send, already sent, or being sent elsewhere right now. */
export type Claim = 'claimed' | 'done' | 'busy';

/**
 * Exactly-once bookkeeping for scheduled messages, one Redis key per message. A claim is first
 * "pending" for a short while (a process that dies while sending leaves it to expire, so the message is
 * retried), then "done" until long after the period closes; a send that failed and may be retried
 * releases its claim.
 */
export class SendClaims {
  constructor(
    private readonly redis: Redis,
    /** How long a pending claim holds before another process may take it over. */
    private readonly pendingMs = 10 * 60_000,
  ) {}

  async claim(key: string): Promise<Claim> {
    if ((await this.redis.set(key, 'pending', 'PX', this.pendingMs, 'NX')) === 'OK') return 'claimed';
    return (await this.redis.get(key)) === 'done' ? 'done' : 'busy';
  }

  /** Records the message as sent (or given up for good) until `keepUntil`. */
  async done(key: string, keepUntil: number, now: number): Promise<void> {
    await this.redis.set(key, 'done', 'PX', Math.max(60_000, keepUntil - now));
  }

  /** Forgets a claim whose send failed, so a retry can send it. */
  async release(key: string): Promise<void> {
    await this.redis.del(key);
  }

  /** Claims a short-lived marker (manual nudges): true when nobody took it within `ttlMs`. */
  async once(key: string, ttlMs: number): Promise<boolean> {
    return (await this.redis.set(key, '1', 'PX', ttlMs, 'NX')) === 'OK';
  }
}
