import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';

/** The Redis the tests use: REDIS_URL (set by .ci/run when it starts a private server) or the local default. */
export const TEST_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A unique key prefix (and BullMQ prefix) for one test, so parallel tests never see each other's keys. */
export function uniquePrefix(label = 't'): string {
  return `doanbot-test:${label}:${randomBytes(5).toString('hex')}:`;
}

export function connectTestRedis(): Redis {
  return new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null, lazyConnect: false });
}

/** Deletes every key under a prefix (used in afterEach/afterAll). */
export async function deleteByPrefix(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
    cursor = next;
    if (keys.length) await redis.unlink(...keys);
  } while (cursor !== '0');
}
