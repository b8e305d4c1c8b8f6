import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { Keys } from '../../src/store/keys.ts';
import { connectTestRedis, deleteByPrefix, uniquePrefix } from '../support/redis.ts';
import { countUpdate, replicaCore } from '../support/replica-core.ts';

/**
 * Several processes of one bot on one Redis, updates of one person spread over them (as a load
 * balancer in front of the webhook would): each update is handled once and in order, also when a
 * process dies in the middle of a handler and the platform delivers that update again.
 */
let redis: Redis;
const prefixes: string[] = [];
const children: ChildProcess[] = [];
const PERSON = 'telegram:42';

beforeAll(() => {
  redis = connectTestRedis();
});
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  for (const prefix of prefixes) await deleteByPrefix(redis, prefix);
  await redis.quit();
});

function newPrefix(): { prefix: string; keys: Keys } {
  const prefix = uniquePrefix('replicas');
  prefixes.push(prefix);
  return { prefix, keys: new Keys(prefix) };
}

/** Waits for a condition on Redis (a state reached by the other process), checking every 10 ms. */
async function until(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 10));
}

/** The update has reached Redis: done, being handled, or waiting in the person's line. */
async function knocked(keys: Keys, updateKey: string): Promise<boolean> {
  const [done, waiting, inflight] = await Promise.all([
    redis.exists(keys.seen(updateKey)),
    redis.zscore(keys.waiting(PERSON), updateKey),
    redis.hget(keys.inflight(PERSON), 'key'),
  ]);
  return done === 1 || waiting !== null || inflight === updateKey;
}

async function storedSeen(keys: Keys): Promise<string[]> {
  const raw = await redis.get(keys.session('telegram', '42'));
  return raw ? ((JSON.parse(raw) as { seen: string[] }).seen ?? []) : [];
}

describe('two processes of one bot', () => {
  it('handle one person’s updates alternating between them in order, each once', async () => {
    const { prefix, keys } = newPrefix();
    let open: () => void = () => {};
    const gate = new Promise<void>((resolve) => (open = resolve));
    const a = replicaCore(redis, prefix, { leaseMs: 2000, pause: (key) => (key === 'u1' ? gate : undefined) });
    const b = replicaCore(redis, prefix, { leaseMs: 2000 });

    const handled = [a.core.handle(countUpdate('u1'))];
    await until(() => knocked(keys, 'u1'));
    // u2 reaches B while A is still inside u1's handler: B waits its turn.
    handled.push(b.core.handle(countUpdate('u2')));
    await until(() => knocked(keys, 'u2'));
    handled.push(a.core.handle(countUpdate('u3')));
    open();
    await until(() => knocked(keys, 'u3'));
    handled.push(b.core.handle(countUpdate('u4')));
    // The platform delivers u2 again (to A) while things move: it is recognised.
    handled.push(a.core.handle(countUpdate('u2')));
    await Promise.all(handled);
    await Promise.all([a.core.idle(), b.core.idle()]);

    expect(await storedSeen(keys)).toEqual(['u1', 'u2', 'u3', 'u4']);
    const replies = [...a.sent, ...b.sent].map((s) => s.text).sort();
    expect(replies).toEqual(['seen u1', 'seen u1,u2', 'seen u1,u2,u3', 'seen u1,u2,u3,u4']);
  });

  it('finish the update of a process killed inside its handler once, before the next one', async () => {
    const { prefix, keys } = newPrefix();
    const worker = fileURLToPath(new URL('../support/replica-worker.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', worker, prefix, '300', 'k3'], { stdio: ['pipe', 'pipe', 'inherit'] });
    children.push(child);
    const started = new Set<string>();
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => started.add(line.replace(/^start /, '')));
    const b = replicaCore(redis, prefix, { leaseMs: 300 });

    child.stdin!.write('k1\n');
    await until(async () => (await redis.exists(keys.seen('k1'))) === 1);
    await b.core.handle(countUpdate('k2'));
    child.stdin!.write('k3\n');
    await until(async () => started.has('k3'));
    child.kill('SIGKILL');
    await once(child, 'exit');

    // The next update finds k3 unfinished once the dead process's lease lapses, and finishes it first.
    await b.core.handle(countUpdate('k4'));
    // Then the platform delivers k3 again (its webhook call failed): already done.
    await b.core.handle(countUpdate('k3'));
    await b.core.handle(countUpdate('k5'));
    await b.core.idle();

    expect(await storedSeen(keys)).toEqual(['k1', 'k2', 'k3', 'k4', 'k5']);
    expect(b.sent.map((s) => s.text)).toEqual(['seen k1,k2', 'seen k1,k2,k3', 'seen k1,k2,k3,k4', 'seen k1,k2,k3,k4,k5']);
    expect(await redis.exists(keys.inflight(PERSON), keys.personLease(PERSON))).toBe(0);
  });
});
