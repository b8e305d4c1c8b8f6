import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { SenderLimiter, SenderVerdict } from '../core/bot/sender-limit.ts';

/**
 * The per-sender inbound budgets on Redis (rate-limiter-flexible): so many messages a minute per
 * sender, one budget for strangers and a larger one for members, counted across every process. Once
 * a sender is over, this process blocks them in memory until the window ends, so a flood costs no
 * Redis call per message. If Redis fails the message is let through (the limit protects the sending
 * budget; it must not stop the bot). A budget of 0 is no limit.
 */
export class RedisSenderLimiter implements SenderLimiter {
  private readonly limiters = new Map<'member' | 'stranger', { limiter: RateLimiterRedis; points: number }>();

  constructor(
    redis: Redis,
    keyPrefix: string,
    perMinute: { member: number; stranger: number },
    private readonly logger: Logger,
  ) {
    for (const kind of ['member', 'stranger'] as const) {
      const points = perMinute[kind];
      if (points <= 0) continue;
      const limiter = new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: `${keyPrefix}:${kind}`,
        points,
        duration: 60,
        inMemoryBlockOnConsumed: points + 1,
      });
      this.limiters.set(kind, { limiter, points });
    }
  }

  /** Budgets per minute: the core's claim counts each sender's updates over this window. */
  readonly windowSeconds = 60;

  /** Same budgets as `consume`, for a count already made by the update's claim (no Redis call). */
  verdictFor(count: number, kind: 'member' | 'stranger'): SenderVerdict {
    const budget = this.limiters.get(kind);
    if (!budget || count <= budget.points) return 'ok';
    return count === budget.points + 1 ? 'first_over' : 'over';
  }

  async consume(senderKey: string, kind: 'member' | 'stranger'): Promise<SenderVerdict> {
    const budget = this.limiters.get(kind);
    if (!budget) return 'ok';
    try {
      await budget.limiter.consume(senderKey);
      return 'ok';
    } catch (error) {
      if (error instanceof RateLimiterRes) return error.consumedPoints === budget.points + 1 ? 'first_over' : 'over';
      this.logger.warn({ err: error }, 'inbound limiter unavailable: message let through');
      return 'ok';
    }
  }
}
