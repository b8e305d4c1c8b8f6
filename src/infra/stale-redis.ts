import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { readLock, removeLock } from './embedded-redis-lock.ts';
import { isProcessAlive } from './process-alive.ts';
import { waitUntil } from './wait-until.ts';

/**
 * Makes `dataDir` free for a new private Redis. Throws when another live doanbot owns it.
 * A Redis left running by a doanbot that was killed (its owner is gone) is shut down, but only
 * after checking that the pid really is that Redis (INFO process_id), since pids are reused.
 */
export async function clearStaleRedis(dataDir: string, logger: Logger): Promise<void> {
  const lock = readLock(dataDir);
  if (!lock) {
    removeLock(dataDir);
    return;
  }
  if (isProcessAlive(lock.ownerPid)) {
    throw new Error(
      `The Redis data folder ${dataDir} is in use by another doanbot process (pid ${lock.ownerPid}). ` +
        'Stop that process first, or give this one its own REDIS_URL.',
    );
  }
  if (isProcessAlive(lock.redisPid) && (await serverPid(lock.port)) === lock.redisPid) {
    logger.warn({ pid: lock.redisPid, port: lock.port }, 'Shutting down a private Redis left over from an earlier run');
    process.kill(lock.redisPid, 'SIGTERM');
    const gone = await waitUntil(() => !isProcessAlive(lock.redisPid), { timeoutMs: 10_000 });
    if (!gone) throw new Error(`The leftover Redis (pid ${lock.redisPid}) did not stop; stop it by hand.`);
  }
  removeLock(dataDir);
}

/** The process id reported by the Redis on this port, or undefined when none answers. */
async function serverPid(port: number): Promise<number | undefined> {
  const client = new Redis({
    host: '127.0.0.1',
    port,
    lazyConnect: true,
    connectTimeout: 500,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    const info = await client.info('server');
    const match = /^process_id:(\d+)/m.exec(info);
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  } finally {
    client.disconnect();
  }
}
