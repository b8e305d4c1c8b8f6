import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';

/** The result of trying to claim one message: ours to send, already sent, or being sent elsewhere right now. */
export type Claim = 'claimed' | 'done' | 'busy';

/** Settings of {@link SendClaims}. */
export interface SendClaimsOptions {
  /**
   * How long a pending claim holds without being renewed. The process that holds it renews it while the
   * message waits in its send queue, so a process that dies (SIGKILL) lets its unsent messages go within
   * this long. Default 15 s.
   */
  leaseMs?: number;
  /** How often held claims are renewed; well under `leaseMs`. Default a third of it. */
  renewEveryMs?: number;
}

/** Renews the leases this process holds, only where the key still holds our token. */
const RENEW = `
local renewed = 0
for i, key in ipairs(KEYS) do
  if redis.call('GET', key) == ARGV[1] then
    redis.call('PEXPIRE', key, ARGV[2])
    renewed = renewed + 1
  end
end
return renewed`;

/** Keys renewed by one script call (a burst of 10,000 reminders is renewed in ten calls). */
const RENEW_BATCH = 1000;

/** Deletes a claim only if it is still ours (not taken over after a lapse, not done). */
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/**
 * Exactly-once bookkeeping for scheduled messages, one Redis key per message. A claim is first
 * "pending" under a short lease that this process renews while the message waits in its send queue:
 * a process that dies while messages are queued leaves their claims to lapse within one lease, so
 * another process (or the same one after a restart) sends them a few seconds later, not after the
 * job's backoff. Once the platform accepted the message the claim becomes "done" until long after the
 * period closes; a send that failed and may be retried releases its claim.
 *
 * The one message that was with the platform when the process died cannot be known as sent or not: it
 * goes again once its lease lapses (at-least-once for that message alone).
 */
export class SendClaims {
  private readonly token = `pending:${randomBytes(8).toString('hex')}`;
  private readonly held = new Set<string>();
  private readonly leaseMs: number;
  private readonly renewEveryMs: number;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly redis: Redis,
    options: SendClaimsOptions = {},
  ) {
    this.leaseMs = options.leaseMs ?? 15_000;
    this.renewEveryMs = options.renewEveryMs ?? Math.max(50, Math.floor(this.leaseMs / 3));
  }

  /** How long a lapsed claim of a dead process can hold a message back. */
  get lease(): number {
    return this.leaseMs;
  }

  async claim(key: string): Promise<Claim> {
    if ((await this.redis.set(key, this.token, 'PX', this.leaseMs, 'NX')) === 'OK') {
      this.hold(key);
      return 'claimed';
    }
    return (await this.redis.get(key)) === 'done' ? 'done' : 'busy';
  }

  /** Records the message as sent (or given up for good) until `keepUntil`. */
  async done(key: string, keepUntil: number, now: number): Promise<void> {
    this.held.delete(key);
    await this.redis.set(key, 'done', 'PX', Math.max(60_000, keepUntil - now));
  }

  /** Forgets a claim whose send failed, so a retry can send it. */
  async release(key: string): Promise<void> {
    this.held.delete(key);
    await this.redis.eval(RELEASE, 1, key, this.token);
  }

  /** Claims a short-lived marker (manual nudges): true when nobody took it within `ttlMs`. */
  async once(key: string, ttlMs: number): Promise<boolean> {
    return (await this.redis.set(key, '1', 'PX', ttlMs, 'NX')) === 'OK';
  }

  /** Stops renewing (on shutdown): claims still held lapse within one lease. */
  stop(): void {
    this.stopped = true;
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private hold(key: string): void {
    this.held.add(key);
    if (this.timer || this.stopped) return;
    this.timer = setInterval(() => void this.renew(), this.renewEveryMs);
    this.timer.unref();
  }

  private async renew(): Promise<void> {
    if (this.held.size === 0) {
      clearInterval(this.timer);
      this.timer = undefined;
      return;
    }
    try {
      const keys = [...this.held];
      for (let i = 0; i < keys.length; i += RENEW_BATCH) {
        const batch = keys.slice(i, i + RENEW_BATCH);
        await this.redis.eval(RENEW, batch.length, ...batch, this.token, String(this.leaseMs));
      }
    } catch {
      // Redis unreachable: the claims lapse and the job that owns them is retried; nothing to do here.
    }
  }
}
