/**
 * A bot process for the replica test, run as a child: reads updates (JSON lines) on stdin, hands them
 * to its core, and prints "start <key>" when a handler starts. Argument: the key prefix, the lease in
 * ms, the update whose handler never returns.
 */
import { createInterface } from 'node:readline';
import { Redis } from 'ioredis';
import { countUpdate, replicaCore } from './replica-core.ts';
import { TEST_REDIS_URL } from './redis.ts';

const [prefix = '', leaseMs = '300', hangOn] = process.argv.slice(2);
const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
const { core } = replicaCore(redis, prefix, {
  leaseMs: Number(leaseMs),
  pause: (key) => (key === hangOn ? new Promise<void>(() => {}) : undefined),
  onStart: (key) => process.stdout.write(`start ${key}\n`),
});
for await (const line of createInterface({ input: process.stdin })) {
  void core.handle(countUpdate(line.trim()));
}
