import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureRedis, RedisUnavailableError, type RedisChoice } from '../../src/infra/embedded-redis.ts';
import { writeLock } from '../../src/infra/embedded-redis-lock.ts';
import { findFreePort } from '../../src/infra/free-port.ts';
import { isProcessAlive } from '../../src/infra/process-alive.ts';
import { waitUntil } from '../../src/infra/wait-until.ts';
import { TEST_REDIS_URL, uniquePrefix } from '../support/redis.ts';

const logger = pino({ level: 'silent' });
const cleanups: Array<() => Promise<void> | void> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'doanbot-redis-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A URL where nothing listens, so that ensureRedis has to start its own server. */
async function deadUrl(): Promise<string> {
  return `redis://127.0.0.1:${await findFreePort()}`;
}

async function connect(url: string): Promise<Redis> {
  const client = new Redis(url, { maxRetriesPerRequest: 1 });
  // The servers under test are stopped while clients are still connected.
  client.on('error', () => {});
  cleanups.push(() => void client.disconnect());
  return client;
}

async function serverPid(client: Redis): Promise<number> {
  return Number(/^process_id:(\d+)/m.exec(await client.info('server'))?.[1]);
}

async function startEmbedded(dataDir: string): Promise<RedisChoice> {
  const choice = await ensureRedis({ dataDir, logger, localUrl: await deadUrl() });
  cleanups.push(() => choice.stop());
  return choice;
}

describe('ensureRedis', () => {
  it('uses the configured URL without starting anything', async () => {
    const dataDir = join(tempDir(), 'redis');
    const choice = await ensureRedis({ configuredUrl: TEST_REDIS_URL, dataDir, logger, localUrl: await deadUrl() });
    expect(choice).toMatchObject({ url: TEST_REDIS_URL, source: 'configured' });
    expect(existsSync(dataDir)).toBe(false);
    await choice.stop();
  });

  it('refuses a configured URL that does not answer, saying what to do', async () => {
    const url = await deadUrl();
    const attempt = ensureRedis({ configuredUrl: url, dataDir: tempDir(), logger });
    await expect(attempt).rejects.toBeInstanceOf(RedisUnavailableError);
    await expect(attempt).rejects.toThrow(/REDIS_URL/);
  });

  it('uses a Redis already running at the local URL', async () => {
    const choice = await ensureRedis({ dataDir: tempDir(), logger, localUrl: TEST_REDIS_URL });
    expect(choice).toMatchObject({ url: TEST_REDIS_URL, source: 'local' });
  });

  it('starts a private redis-server that writes its AOF into dataDir and is gone after stop', async () => {
    const dataDir = tempDir();
    const signalListeners = process.listenerCount('SIGTERM');
    const choice = await startEmbedded(dataDir);
    expect(choice.source).toBe('embedded');
    expect(choice.url).toMatch(/^redis:\/\/127\.0\.0\.1:\d+$/);

    const client = await connect(choice.url);
    expect(await client.ping()).toBe('PONG');
    const key = uniquePrefix('embedded');
    await client.set(key, 'xin chào');
    const pid = await serverPid(client);
    expect(isProcessAlive(pid)).toBe(true);
    expect(process.listenerCount('SIGTERM')).toBe(signalListeners + 1);

    await choice.stop();
    expect(() => process.kill(pid, 0)).toThrow();
    expect(process.listenerCount('SIGTERM')).toBe(signalListeners);
    expect(readdirSync(dataDir).filter((f) => /lock|pid/i.test(f))).toEqual([]);
    const aofDir = join(dataDir, 'appendonlydir');
    const aof = readdirSync(aofDir)
      .filter((f) => f.endsWith('.aof'))
      .map((f) => readFileSync(join(aofDir, f), 'utf8'))
      .join('');
    expect(aof).toContain(key);
  });

  it('keeps the data across restarts on the same dataDir', async () => {
    const dataDir = tempDir();
    const key = uniquePrefix('restart');
    const first = await startEmbedded(dataDir);
    await (await connect(first.url)).set(key, '42');
    await first.stop();

    const second = await startEmbedded(dataDir);
    expect(await (await connect(second.url)).get(key)).toBe('42');
  });

  it('reports a missing redis-server binary with the install hint', async () => {
    const attempt = ensureRedis({
      dataDir: tempDir(),
      logger,
      localUrl: await deadUrl(),
      redisServerBin: '/nonexistent/redis-server',
    });
    await expect(attempt).rejects.toBeInstanceOf(RedisUnavailableError);
    await expect(attempt).rejects.toThrow(/apt-get install redis-server/);
    await expect(attempt).rejects.toThrow(/brew install redis/);
  });

  it('refuses a dataDir whose lock belongs to a live process', async () => {
    const dataDir = tempDir();
    writeLock(dataDir, { ownerPid: process.pid, redisPid: process.pid, port: 1 });
    await expect(ensureRedis({ dataDir, logger, localUrl: await deadUrl() })).rejects.toThrow(/in use/);
  });

  it('shuts down a Redis orphaned by a dead doanbot before starting its own', async () => {
    const dataDir = tempDir();
    const port = await findFreePort();
    const orphan = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dataDir, '--save', ''], {
      stdio: 'ignore',
    });
    cleanups.push(() => void orphan.kill('SIGKILL'));
    const orphanClient = await connect(`redis://127.0.0.1:${port}`);
    expect(await waitUntil(async () => (await orphanClient.ping().catch(() => '')) === 'PONG', { timeoutMs: 5_000 })).toBe(true);
    orphanClient.disconnect();
    const deadOwner = spawnSync(process.execPath, ['-e', 'process.pid']).pid;
    writeLock(dataDir, { ownerPid: deadOwner, redisPid: orphan.pid ?? 0, port });

    const choice = await startEmbedded(dataDir);
    expect(choice.source).toBe('embedded');
    expect(orphan.exitCode !== null || orphan.signalCode !== null).toBe(true);
    expect(await (await connect(choice.url)).ping()).toBe('PONG');
  });
});
