import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { startBot, type RunningBot } from '../../src/app/start-bot.ts';
import { FakeTelegramServer, type SentMessage } from './fake-telegram/fake-telegram-server.ts';
import { TEST_REDIS_URL, connectTestRedis, deleteByPrefix, uniquePrefix } from './redis.ts';

export const ADMIN_ID = 1000;

/**
 * The real bot (config, Redis, telegraf over HTTP) against a fake Telegram Bot API on loopback,
 * with its own Redis key prefix, and helpers to talk to it like a person would.
 */
export class TelegramTestBot {
  private constructor(
    readonly fake: FakeTelegramServer,
    public bot: RunningBot,
    readonly prefix: string,
    private readonly dataDir: string,
    private readonly env: Record<string, string>,
  ) {}

  private static launch(fake: FakeTelegramServer, prefix: string, dataDir: string, env: Record<string, string>): Promise<RunningBot> {
    return startBot(
      {
        TELEGRAM_BOT_TOKEN: '123456:TEST-token',
        TELEGRAM_API_ROOT: fake.apiRoot,
        ADMIN_TELEGRAM_IDS: String(ADMIN_ID),
        REDIS_URL: TEST_REDIS_URL,
        REDIS_PREFIX: prefix,
        DATA_DIR: dataDir,
        CONSOLE: 'off',
        LOG_LEVEL: 'silent',
        // Conversations in tests go as fast as the fake allows; the limits themselves are tested in test/outbound.
        TELEGRAM_RATE_PER_CHAT_PER_SEC: '100',
        TELEGRAM_RATE_PER_GROUP_PER_MIN: '6000',
        ...env,
      },
      { stdin: new PassThrough(), stdout: new PassThrough() },
    );
  }

  static async start(env: Record<string, string> = {}): Promise<TelegramTestBot> {
    const fake = await FakeTelegramServer.start();
    const prefix = uniquePrefix('e2e');
    const dataDir = mkdtempSync(join(tmpdir(), 'doanbot-e2e-'));
    const bot = await TelegramTestBot.launch(fake, prefix, dataDir, env);
    return new TelegramTestBot(fake, bot, prefix, dataDir, env);
  }

  /**
   * Stops the bot process and starts a new one on the same Redis data, as a restart would;
   * `whileDown` runs in between (e.g. waiting until a reminder's time has passed).
   */
  async restart(whileDown?: () => Promise<void>): Promise<void> {
    await this.bot.stop();
    await whileDown?.();
    this.bot = await TelegramTestBot.launch(this.fake, this.prefix, this.dataDir, this.env);
  }

  /** Admin creates the unit (if needed) and invites the person, who then joins. */
  async enrol(userId: number, unitCode: string, role = 'canbo'): Promise<void> {
    await this.say(ADMIN_ID, `/donvi them ${unitCode} Đơn vị ${unitCode}`, 'Admin');
    const code = inviteCodeIn(await this.say(ADMIN_ID, `/moi ${unitCode} ${role}`, 'Admin'));
    await this.say(userId, `/start ${code}`, `Người ${userId}`);
  }

  /** Waits until the bot has handled everything it received and sent every reply. */
  async settle(): Promise<void> {
    await this.bot.app.core.idle();
    await this.bot.app.outbox.idle();
  }

  private async turn(chatId: number, act: () => void): Promise<SentMessage[]> {
    const before = this.fake.messagesTo(chatId).length;
    act();
    await this.fake.waitFor(() => this.fake.messagesTo(chatId).length > before);
    await this.settle();
    return this.fake.messagesTo(chatId).slice(before);
  }

  /** A person writes in their private chat; resolves with everything the bot answered. */
  say(userId: number, text: string, firstName = `User ${userId}`): Promise<SentMessage[]> {
    return this.turn(userId, () => this.fake.sendText({ userId, text, firstName }));
  }

  /** A person presses an inline button. */
  press(userId: number, data: string): Promise<SentMessage[]> {
    return this.turn(userId, () => this.fake.pressButton({ userId, data }));
  }

  /** A person writes in a group chat. */
  sayInGroup(userId: number, groupId: number, text: string): Promise<SentMessage[]> {
    return this.turn(groupId, () => this.fake.sendText({ userId, chatId: groupId, text, chatType: 'supergroup' }));
  }

  async close(): Promise<void> {
    await this.bot.stop();
    await this.fake.close();
    const redis = connectTestRedis();
    await deleteByPrefix(redis, this.prefix);
    await redis.quit();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/** The text of a batch of bot messages, joined, for assertions. */
export function textOf(messages: SentMessage[]): string {
  return messages.map((m) => m.text ?? m.caption ?? '').join('\n');
}

/** The invite code in an invite message (from the deep link). */
export function inviteCodeIn(messages: SentMessage[]): string {
  const match = /start=([A-Z0-9]+)/.exec(textOf(messages));
  if (!match?.[1]) throw new Error(`no invite link in: ${textOf(messages)}`);
  return match[1];
}
