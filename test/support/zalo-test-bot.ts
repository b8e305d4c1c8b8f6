import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { startBot, type RunningBot } from '../../src/app/start-bot.ts';
import { FakeZaloServer, type FakeZaloServerOptions, type SentRecord } from './fake-zalo/fake-zalo-server.ts';
import type { FakeSender } from './fake-zalo/zalo-updates.ts';
import { FakeTelegramServer, type SentMessage } from './fake-telegram/fake-telegram-server.ts';
import { TEST_REDIS_URL, connectTestRedis, deleteByPrefix, uniquePrefix } from './redis.ts';

/** The Zalo user id listed in ADMIN_ZALO_IDS. Zalo ids are strings. */
export const ZALO_ADMIN_ID = 'za1000';
/** The Telegram user id listed in ADMIN_TELEGRAM_IDS when Telegram runs too. */
export const TELEGRAM_ADMIN_ID = 1000;

export interface ZaloTestBotOptions {
  /** Run a fake Telegram Bot API and the Telegram channel in the same bot process too. */
  telegram?: boolean;
  /** Extra or overriding environment variables (e.g. ZALO_MODE=webhook). */
  env?: Record<string, string>;
  fake?: FakeZaloServerOptions;
}

/** Where one kind of turn waits for the bot's answers. */
interface Turn<R> {
  count(): number;
  since(before: number): R[];
}

/**
 * The real bot (config, Redis, the Zalo adapter over real HTTP) against a fake Zalo Bot API on
 * loopback, optionally with the Telegram channel and a fake Telegram Bot API in the same process,
 * with its own Redis key prefix, and helpers to talk to it like a person would.
 */
export class ZaloTestBot {
  private constructor(
    readonly zalo: FakeZaloServer,
    private readonly tg: FakeTelegramServer | null,
    public bot: RunningBot,
    readonly prefix: string,
    private readonly dataDir: string,
  ) {}

  static async start(options: ZaloTestBotOptions = {}): Promise<ZaloTestBot> {
    const zalo = await FakeZaloServer.start(options.fake);
    const tg = options.telegram ? await FakeTelegramServer.start() : null;
    const prefix = uniquePrefix('e2e-zalo');
    const dataDir = mkdtempSync(join(tmpdir(), 'doanbot-e2e-zalo-'));
    try {
      const bot = await startBot(
        {
          ZALO_BOT_TOKEN: zalo.token,
          ZALO_API_ROOT: zalo.apiRoot,
          ZALO_MODE: 'polling',
          ADMIN_ZALO_IDS: ZALO_ADMIN_ID,
          // The fakes enforce no per-chat limit; a person's several replies need not wait a second each.
          ZALO_RATE_PER_CHAT_PER_SEC: '100',
          ...(tg
            ? {
                TELEGRAM_BOT_TOKEN: '123456:TEST-token',
                TELEGRAM_API_ROOT: tg.apiRoot,
                ADMIN_TELEGRAM_IDS: String(TELEGRAM_ADMIN_ID),
                TELEGRAM_RATE_PER_CHAT_PER_SEC: '100',
              }
            : {}),
          REDIS_URL: TEST_REDIS_URL,
          REDIS_PREFIX: prefix,
          DATA_DIR: dataDir,
          CONSOLE: 'off',
          LOG_LEVEL: 'silent',
          ...options.env,
        },
        { stdin: new PassThrough(), stdout: new PassThrough() },
      );
      return new ZaloTestBot(zalo, tg, bot, prefix, dataDir);
    } catch (error) {
      await zalo.close();
      await tg?.close();
      rmSync(dataDir, { recursive: true, force: true });
      throw error;
    }
  }

  /** The fake Telegram server; throws when the bot was started without Telegram. */
  get telegram(): FakeTelegramServer {
    if (!this.tg) throw new Error('ZaloTestBot started without { telegram: true }');
    return this.tg;
  }

  /** Waits until the bot has handled everything it received and sent every reply. */
  async settle(): Promise<void> {
    await this.bot.app.core.idle();
    await this.bot.app.outbox.idle();
  }

  private async turn<R>(where: Turn<R>, act: () => void, waitFor: (cond: () => boolean) => Promise<unknown>): Promise<R[]> {
    const before = where.count();
    act();
    await waitFor(() => where.count() > before);
    await this.settle();
    return where.since(before);
  }

  private zaloChat(chatId: string): Turn<SentRecord> {
    return { count: () => this.zalo.messagesTo(chatId).length, since: (n) => this.zalo.messagesTo(chatId).slice(n) };
  }

  private zaloTurn(chatId: string, act: () => void): Promise<SentRecord[]> {
    return this.turn(this.zaloChat(chatId), act, (cond) => this.zalo.waitFor(cond, 5000, `a reply in Zalo chat ${chatId}`));
  }

  /** A person writes in their private Zalo chat; resolves with everything the bot answered. */
  say(userId: string, text: string, displayName = `Zalo ${userId}`): Promise<SentRecord[]> {
    return this.zaloTurn(userId, () => this.zalo.sendText({ userId, text, displayName }));
  }

  /** A person writes in a Zalo group; resolves with what the bot answered in the group. */
  sayInGroup(userId: string, groupId: string, text: string): Promise<SentRecord[]> {
    return this.zaloTurn(groupId, () => this.zalo.sendText({ userId, chatId: groupId, chatType: 'GROUP', text }));
  }

  /** A person sends a picture, a sticker or another message the bot cannot read. */
  sendOther(kind: 'image' | 'sticker' | 'unsupported', sender: FakeSender): Promise<SentRecord[]> {
    const act = {
      image: () => this.zalo.sendImage(sender),
      sticker: () => this.zalo.sendSticker(sender),
      unsupported: () => this.zalo.sendUnsupported(sender),
    }[kind];
    return this.zaloTurn(sender.chatId ?? sender.userId, act);
  }

  /** A person writes in their private Telegram chat (needs `{ telegram: true }`). */
  tgSay(userId: number, text: string, firstName = `User ${userId}`): Promise<SentMessage[]> {
    const tg = this.telegram;
    const chat: Turn<SentMessage> = { count: () => tg.messagesTo(userId).length, since: (n) => tg.messagesTo(userId).slice(n) };
    return this.turn(
      chat,
      () => tg.sendText({ userId, text, firstName }),
      (cond) => tg.waitFor(cond),
    );
  }

  /** A person writes in a Telegram group chat (needs `{ telegram: true }`). */
  tgSayInGroup(userId: number, groupId: number, text: string): Promise<SentMessage[]> {
    const tg = this.telegram;
    const chat: Turn<SentMessage> = { count: () => tg.messagesTo(groupId).length, since: (n) => tg.messagesTo(groupId).slice(n) };
    return this.turn(
      chat,
      () => tg.sendText({ userId, chatId: groupId, text, chatType: 'supergroup' }),
      (cond) => tg.waitFor(cond),
    );
  }

  async close(): Promise<void> {
    await this.bot.stop();
    await this.zalo.close();
    await this.tg?.close();
    const redis = connectTestRedis();
    await deleteByPrefix(redis, this.prefix);
    await redis.quit();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/** The text of a batch of Zalo messages, joined, for assertions. */
export function zaloTextOf(messages: SentRecord[]): string {
  return messages.map((m) => m.text ?? m.caption ?? m.photo ?? '').join('\n');
}

/** The invite code in an invite message: Zalo has no deep link, so the message says "/start CODE". */
export function startCodeIn(text: string): string {
  const match = /\/start ([A-Z0-9]{6,})/.exec(text);
  if (!match?.[1]) throw new Error(`no "/start CODE" in: ${text}`);
  return match[1];
}

/** The number of the numbered line ("3. …") that contains `label`, as Zalo shows choices. */
export function numberOf(text: string, label: string): string {
  const line = text.split('\n').find((l) => /^\d+\. /.test(l) && l.includes(label));
  const number = line ? /^(\d+)\./.exec(line)?.[1] : undefined;
  if (!number) throw new Error(`no numbered line with "${label}" in: ${text}`);
  return number;
}
