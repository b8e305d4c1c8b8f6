import { Redis, type RedisOptions } from 'ioredis';

/**
 * The connection the stores use. When Redis is down a command fails within about two seconds
 * instead of waiting for it (ioredis's default with `maxRetriesPerRequest: null`), so a webhook can
 * answer 503 and the person hear something; a Redis that accepts but does not answer (stopped,
 * network cut) fails the command after `commandTimeout`. ioredis keeps reconnecting, so everything
 * works again by itself once Redis is back.
 */
export const STORE_REDIS_OPTIONS: RedisOptions = {
  // The offline queue is flushed with an error after every second failed reconnection attempt.
  maxRetriesPerRequest: 1,
  retryStrategy: (attempt) => Math.min(attempt * 100, 1000),
  connectTimeout: 3000,
  commandTimeout: 5000,
};

/** BullMQ's workers block on Redis and must wait for it rather than fail: its required options. */
export const QUEUE_REDIS_OPTIONS: RedisOptions = { maxRetriesPerRequest: null };

/** The two connections of a bot process: the stores' (fail fast) and the job queue's (wait). */
export function openRedisConnections(url: string): { store: Redis; queue: Redis } {
  return { store: new Redis(url, STORE_REDIS_OPTIONS), queue: new Redis(url, QUEUE_REDIS_OPTIONS) };
}
