import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { startBot, type RunningBot } from '../../src/app/start-bot.ts';
import { Translator, type Params } from '../../src/i18n/translator.ts';
import type { InboundMessage } from '../../src/core/messages.ts';
import { TEST_REDIS_URL, connectTestRedis, deleteByPrefix, uniquePrefix } from '../support/redis.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const translator = Translator.fromDirectory(join(ROOT, 'locales'));

/** A locale text in Vietnamese or English, as the bot would send it. */
export function text(key: string, params?: Params, lang: 'vi' | 'en' = 'vi'): string {
  return translator.t(lang, key, params);
}

/**
 * The bot in the terminal, in-process: lines typed at the console (one message each, as in
 * `npm start < script.txt`) and everything it printed since the last `clear()`.
 */
export interface ConsoleSession {
  bot: RunningBot;
  /** The Redis key prefix of this session's data. */
  prefix: string;
  /** Types one line and waits until the core has handled it. */
  type(line: string): Promise<void>;
  /** Hands the core a message the console cannot type (a multi-line command) as the console user `user`. */
  send(user: string, command: string, args: string): Promise<void>;
  output(): string;
  clear(): void;
  close(): Promise<void>;
}

let counter = 0;

/** `prefix` reopens the data of an earlier session (a restart); `keepData` leaves it for the next one. */
export async function openConsoleSession(
  label: string,
  options: { prefix?: string; keepData?: boolean; env?: Record<string, string> } = {},
): Promise<ConsoleSession> {
  const prefix = options.prefix ?? uniquePrefix(label);
  const dataDir = mkdtempSync(join(tmpdir(), `doanbot-${label}-`));
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  let printed = '';
  stdout.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
  const bot = await startBot(
    { REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix, DATA_DIR: dataDir, CONSOLE: 'on', LOG_LEVEL: 'silent', ...options.env },
    { stdin, stdout },
  );

  const settle = async (): Promise<void> => {
    await bot.app.core.idle();
    await bot.app.outbox.idle();
  };

  return {
    bot,
    prefix,
    async type(line) {
      const before = printed.length;
      stdin.write(`${line}\n`);
      // The console echoes a piped line before handing it to the core.
      const deadline = Date.now() + 10_000;
      while (!printed.slice(before).includes(line) && Date.now() < deadline) await new Promise((r) => setImmediate(r));
      await settle();
    },
    async send(user, command, args) {
      const message: InboundMessage = {
        type: 'command',
        command,
        args,
        updateKey: `console-test:${++counter}`,
        chat: { channel: 'console', chatId: user, kind: 'private' },
        from: { channel: 'console', userId: user, displayName: user },
        receivedAt: new Date(),
      };
      await bot.app.core.handle(message);
      await settle();
    },
    output: () => printed,
    clear: () => {
      printed = '';
    },
    async close() {
      await bot.stop();
      if (options.keepData) return rmSync(dataDir, { recursive: true, force: true });
      const redis = connectTestRedis();
      await deleteByPrefix(redis, prefix);
      await redis.quit();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
