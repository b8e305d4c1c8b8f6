import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Written into the data folder while a private `redis-server` runs, so that a later start can tell
 * a live owner (refuse to share the folder) from a Redis orphaned by a killed doanbot (shut it down).
 */
export interface EmbeddedRedisLock {
  /** The doanbot process that started the server. */
  ownerPid: number;
  redisPid: number;
  port: number;
}

const LOCK_FILE = 'doanbot-redis.lock';

export function lockPath(dataDir: string): string {
  return join(dataDir, LOCK_FILE);
}

/** The lock in `dataDir`, or undefined when there is none or it cannot be read. */
export function readLock(dataDir: string): EmbeddedRedisLock | undefined {
  try {
    const data = JSON.parse(readFileSync(lockPath(dataDir), 'utf8')) as Partial<EmbeddedRedisLock>;
    const { ownerPid, redisPid, port } = data;
    if (typeof ownerPid === 'number' && typeof redisPid === 'number' && typeof port === 'number') {
      return { ownerPid, redisPid, port };
    }
  } catch {
    // Missing or unreadable: treated as no lock.
  }
  return undefined;
}

export function writeLock(dataDir: string, lock: EmbeddedRedisLock): void {
  writeFileSync(lockPath(dataDir), `${JSON.stringify(lock)}\n`);
}

/** Synchronous so that it also works in a process 'exit' handler. */
export function removeLock(dataDir: string): void {
  rmSync(lockPath(dataDir), { force: true });
}
