import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { ensureRedis } from '../../src/infra/embedded-redis.ts';

/**
 * vitest globalSetup: makes `npm test` work on a fresh machine. Uses REDIS_URL, else a Redis on
 * 127.0.0.1:6379 (REDIS_LOCAL_URL), else starts a private redis-server for the run; the workers see
 * its address in REDIS_URL (forked after this runs, they inherit the environment).
 */
export default async function setup(): Promise<() => Promise<void>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'doanbot-test-redis-'));
  const redis = await ensureRedis({
    ...(process.env.REDIS_URL ? { configuredUrl: process.env.REDIS_URL } : {}),
    ...(process.env.REDIS_LOCAL_URL ? { localUrl: process.env.REDIS_LOCAL_URL } : {}),
    dataDir,
    logger: pino({ level: 'silent' }),
  });
  process.env.REDIS_URL = redis.url;
  return async () => {
    await redis.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
