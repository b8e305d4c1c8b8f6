import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { TelegramAdapter } from '../../../src/channels/telegram/telegram-adapter.ts';
import { telegramTestBed, until, type TelegramTestBed } from './harness.ts';

const fixture = fileURLToPath(new URL('./fixtures/exit-after-stop.ts', import.meta.url));

/** Runs the fixture in a fresh Node process; resolves with how it ended, killing it after `timeoutMs`. */
function runFixture(mode: string, timeoutMs: number): Promise<{ code: number | null; killed: boolean; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fixture, mode], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, killed, output });
    });
  });
}

describe('TelegramAdapter lifecycle', () => {
  let bed: TelegramTestBed;
  afterEach(async () => bed?.close());

  it.each(['polling', 'webhook'])('leaves no open handles after stop() in %s mode (the process exits by itself)', async (mode) => {
    const result = await runFixture(mode, 20_000);
    expect(result.output).toContain('done');
    expect(result).toMatchObject({ code: 0, killed: false });
  });

  it('start() resolves with polling running and stop() confirms the last batch', async () => {
    bed = await telegramTestBed();
    bed.fake.sendText({ userId: 1, text: 'một' });
    await until(() => bed.received.length === 1);
    await bed.adapter.stop();
    expect(bed.fake.pendingUpdates).toBe(0);
    bed.fake.sendText({ userId: 1, text: 'sau khi dừng' });
    expect(bed.received).toHaveLength(1);
  });

  it('stop() right after start() ends polling cleanly', async () => {
    bed = await telegramTestBed();
    await bed.adapter.stop();
    await bed.adapter.stop();
    expect(bed.logs.some((r) => r.msg === 'Telegram adapter stopped')).toBe(true);
  });

  it('start() fails on a bad token', async () => {
    bed = await telegramTestBed({ start: false });
    const wrong = new TelegramAdapter({
      token: '1:wrong',
      apiRoot: bed.fake.apiRoot,
      mode: { kind: 'polling' },
      logger: pino({ level: 'silent' }),
    });
    await expect(wrong.start(async () => undefined)).rejects.toMatchObject({ code: 401 });
    await wrong.stop();
  });
});
