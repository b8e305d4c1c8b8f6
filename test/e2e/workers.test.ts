import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { connectTestRedis, deleteByPrefix, TEST_REDIS_URL, uniquePrefix } from '../support/redis.ts';
import { FakeTelegramServer } from '../support/fake-telegram/fake-telegram-server.ts';
import { freePort } from '../support/fake-telegram/free-port.ts';

/**
 * `WORKERS=2`: one primary starts two whole bots (node:cluster) sharing the webhook's port, on one
 * Redis. Every update is answered once; a worker that dies is started again; SIGTERM stops all.
 */
const prefix = uniquePrefix('workers');
const redis = connectTestRedis();
let primary: ChildProcess | undefined;
let fake: FakeTelegramServer | undefined;

afterAll(async () => {
  if (primary?.exitCode === null) primary.kill('SIGKILL');
  await fake?.close();
  await deleteByPrefix(redis, prefix);
  await redis.quit();
});

/** Lines the processes print (pino JSON from the workers, plain lines from the primary). */
function collect(child: ChildProcess): { lines: string[]; waitFor(match: RegExp, count?: number): Promise<string[]> } {
  const lines: string[] = [];
  const waiters: (() => void)[] = [];
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on('line', (line) => {
      lines.push(line);
      for (const wake of waiters.splice(0)) wake();
    });
  }
  return {
    lines,
    async waitFor(match, count = 1) {
      for (;;) {
        const found = lines.filter((line) => match.test(line));
        if (found.length >= count) return found;
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
    },
  };
}

const pidOf = (line: string) => (JSON.parse(line) as { pid: number }).pid;

describe('WORKERS=2 on one machine', () => {
  it('answers every update once while two workers share the port, restarts a dead one, and stops on SIGTERM', async () => {
    fake = await FakeTelegramServer.start();
    const port = await freePort();
    primary = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: {
        ...process.env,
        WORKERS: '2',
        TELEGRAM_BOT_TOKEN: fake.token,
        TELEGRAM_API_ROOT: fake.apiRoot,
        TELEGRAM_MODE: 'webhook',
        TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${port}/telegram`,
        TELEGRAM_WEBHOOK_SECRET: 'workers-test-secret-token',
        HTTP_PORT: String(port),
        HTTP_HOST: '127.0.0.1',
        REDIS_URL: TEST_REDIS_URL,
        REDIS_PREFIX: prefix,
        CONSOLE: 'off',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output = collect(primary);
    const listening = await output.waitFor(/"msg":"http server listening"/, 2);
    const workers = new Set(listening.map(pidOf));
    expect(workers.size).toBe(2);
    expect(workers.has(primary.pid!)).toBe(false);
    // Each worker registers the shared address with setWebhook as its channel starts.
    await output.waitFor(/"msg":"Telegram adapter started"/, 2);

    // Ten people write at once; Telegram posts each update to the one address the workers share.
    const people = Array.from({ length: 10 }, (_, i) => ({ userId: 7000 + i, firstName: `Người ${i}` }));
    for (const person of people) fake.sendText({ ...person, text: '/trogiup' });
    await fake.waitFor((sent) => people.every((p) => sent.some((m) => String(m.chatId) === String(p.userId))), 20_000);
    for (const p of people) expect(fake.messagesTo(p.userId)).toHaveLength(1);
    expect(fake.webhookAnswers.every((a) => a.status === 200)).toBe(true);

    // A worker killed outright is started again by the primary, and the bot keeps answering.
    const [victim] = [...workers];
    process.kill(victim!, 'SIGKILL');
    await output.waitFor(new RegExp(`worker \\d \\(pid ${victim}\\) ended \\(SIGKILL\\); starting it again`));
    await output.waitFor(/"msg":"Telegram adapter started"/, 3);
    const relisten = await output.waitFor(/"msg":"http server listening"/, 3);
    expect(new Set(relisten.map(pidOf)).size).toBe(3);
    fake.sendText({ userId: 7100, firstName: 'Người đến sau', text: '/trogiup' });
    await fake.waitFor((sent) => sent.some((m) => String(m.chatId) === '7100'), 20_000);

    // SIGTERM to the primary stops both workers gracefully, then the primary itself.
    const exited = once(primary, 'exit');
    primary.kill('SIGTERM');
    const [code] = (await exited) as [number | null];
    expect(code).toBe(0);
    expect(output.lines.some((line) => /stopping 2 worker\(s\)/.test(line))).toBe(true);
    for (const pid of new Set(relisten.map(pidOf))) expect(() => process.kill(pid, 0)).toThrow();
  }, 90_000);
});
