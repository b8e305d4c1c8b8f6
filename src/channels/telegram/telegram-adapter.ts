import { Input, Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';
import type { Logger } from 'pino';
import type { ChannelAdapter, ChannelStatus, CommandInfo, InboundHandler } from '../../core/channel.ts';
import { DeliveryError } from '../../core/delivery-errors.ts';
import type { OutboundMessage } from '../../core/messages.ts';
import { toInlineKeyboard } from './inline-keyboard.ts';
import { KeyedSerialQueue } from '../../core/keyed-serial-queue.ts';
import { LongPolling } from './long-polling.ts';
import { mapTelegramError } from './map-telegram-error.ts';
import { splitText } from '../shared/split-text.ts';
import { PartProgress } from '../shared/part-progress.ts';

/** Telegram's limit for the text of one message, in UTF-16 code units. */
export const TELEGRAM_TEXT_LIMIT = 4096;
/** Telegram's limit on a photo or document caption. */
export const TELEGRAM_CAPTION_LIMIT = 1024;
import type { TelegramAdapterOptions, TelegramMode } from './telegram-options.ts';
import { toInbound, type CallbackRef } from './to-inbound.ts';
import { webhookUrl } from '../shared/webhook-url.ts';
import { HttpServer } from '../../http/http-server.ts';
import { addWebhookRoute, type WebhookOutcome } from '../../http/webhook-route.ts';
import { UpdateNotTakenError } from '../../core/update-not-taken.ts';

/** Header Telegram sends the webhook's secret token in. */
export const TELEGRAM_SECRET_HEADER = 'x-telegram-bot-api-secret-token';

export type { TelegramAdapterOptions, TelegramMode } from './telegram-options.ts';

/** The only update kinds the bot reads; Telegram does not even send the others. */
const ALLOWED_UPDATES = ['message', 'callback_query'] as const;

/**
 * The Telegram channel, on telegraf. Inbound updates (from long polling or a webhook) are mapped by
 * {@link toInbound} and handed to the handler one at a time per chat, in order; chats run in
 * parallel. A handler error is logged and never stops receiving. The adapter does not drop
 * duplicate updates: a redelivered update_id reaches the handler again with the same `updateKey`.
 */
export class TelegramAdapter implements ChannelAdapter {
  readonly channel = 'telegram' as const;
  /** The bot's username, known once `start()` has called getMe. */
  username: string | undefined;

  private readonly bot: Telegraf;
  private readonly mode: TelegramMode;
  private readonly logger: Logger;
  private readonly chats = new KeyedSerialQueue();
  private readonly progress = new PartProgress();
  /** Button acknowledgements still under way (awaited by stop()). */
  private readonly acknowledgements = new Set<Promise<void>>();
  private handler: InboundHandler | undefined;
  private polling: LongPolling | undefined;
  /** The process's one HTTP server, when given; else the adapter runs its own in webhook mode. */
  private readonly sharedHttp: HttpServer | undefined;
  private ownHttp: HttpServer | undefined;
  private ownPort: number | undefined;
  private lastReceivedAt: Date | undefined;

  constructor(options: TelegramAdapterOptions) {
    // webhookReply off: every API call is a real request whose errors we see.
    this.bot = new Telegraf(options.token, { telegram: { apiRoot: options.apiRoot, webhookReply: false } });
    this.mode = options.mode;
    this.logger = options.logger.child({ channel: 'telegram' });
    // Only polling goes through telegraf's handleUpdate: an update not taken is fetched again.
    this.bot.use((ctx) => this.dispatch(ctx.update, true));
    this.bot.catch((err, ctx) => {
      this.logger.error({ err, update: ctx.update.update_id }, 'Telegram update handling failed');
      // Not taken: polling keeps its offset, so Telegram delivers it again.
      throw err;
    });
    this.sharedHttp = options.http;
    // Routes go on the shared server now: it listens before the channels start.
    if (options.http && this.mode.kind === 'webhook') this.addRoute(options.http, this.mode);
  }

  /** Port the webhook is served on once started in webhook mode (useful when port 0 was asked for). */
  get webhookPort(): number | undefined {
    return this.mode.kind === 'webhook' ? (this.sharedHttp?.port ?? this.ownPort) : undefined;
  }

  async start(handler: InboundHandler): Promise<void> {
    if (this.handler) throw new Error('TelegramAdapter is already started');
    const me = await this.bot.telegram.getMe();
    this.bot.botInfo = me;
    this.username = me.username;
    this.handler = handler;
    try {
      if (this.mode.kind === 'polling') await this.startPolling();
      else await this.startWebhook(this.mode);
    } catch (err) {
      this.handler = undefined;
      await this.ownHttp?.close();
      this.ownHttp = undefined;
      throw err;
    }
    this.logger.info({ username: me.username, mode: this.mode.kind }, 'Telegram adapter started');
  }

  async stop(): Promise<void> {
    if (!this.handler) return;
    await this.polling?.stop();
    await this.ownHttp?.close();
    this.polling = undefined;
    this.ownHttp = undefined;
    await this.chats.idle();
    await Promise.all(this.acknowledgements);
    this.handler = undefined;
    this.logger.info('Telegram adapter stopped');
  }

  async deliver(chatId: string, message: OutboundMessage): Promise<void> {
    try {
      await this.send(chatId, message);
    } catch (err) {
      throw err instanceof DeliveryError ? err : mapTelegramError(err);
    }
  }

  async setCommands(commands: CommandInfo[], languageCode?: string): Promise<void> {
    try {
      await this.bot.telegram.setMyCommands(commands, languageCode ? { language_code: languageCode } : {});
    } catch (err) {
      throw mapTelegramError(err);
    }
  }

  status(): ChannelStatus {
    const lastPollAt = this.polling?.lastPollAt;
    return {
      mode: this.mode.kind,
      ...(lastPollAt && { lastPollAt }),
      ...(this.lastReceivedAt && { lastReceivedAt: this.lastReceivedAt }),
    };
  }

  inviteLink(code: string): string | undefined {
    return this.username ? `https://t.me/${this.username}?start=${encodeURIComponent(code)}` : undefined;
  }

  private async startPolling(): Promise<void> {
    // Polling and a webhook exclude each other; pending updates are kept.
    await this.bot.telegram.deleteWebhook({ drop_pending_updates: false });
    this.polling = new LongPolling({
      telegram: this.bot.telegram,
      logger: this.logger,
      allowedUpdates: ALLOWED_UPDATES,
      onBatch: async (updates) => {
        // Every update is awaited, then a failure is reported: the batch is fetched again and the updates
        // already handled are recognised by the core.
        const results = await Promise.allSettled(updates.map((update) => this.bot.handleUpdate(update)));
        const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
        if (failed) throw failed.reason;
      },
    });
    this.polling.start();
  }

  private async startWebhook(mode: Extract<TelegramMode, { kind: 'webhook' }>): Promise<void> {
    if (!this.sharedHttp) {
      // Used on its own (tests, tools): a server of its own with this one route.
      this.ownHttp = new HttpServer({ port: mode.port, ...(mode.host !== undefined && { host: mode.host }), logger: this.logger });
      this.addRoute(this.ownHttp, mode);
      this.ownPort = await this.ownHttp.listen();
    }
    await this.bot.telegram.setWebhook(webhookUrl(mode.publicUrl, mode.path), {
      secret_token: mode.secretToken,
      allowed_updates: ALLOWED_UPDATES,
      drop_pending_updates: false,
    });
  }

  private addRoute(http: HttpServer, mode: Extract<TelegramMode, { kind: 'webhook' }>): void {
    addWebhookRoute(http, {
      path: mode.path,
      secretHeader: TELEGRAM_SECRET_HEADER,
      secretToken: mode.secretToken,
      logger: this.logger,
      onUpdate: (body) => this.receiveWebhook(body),
    });
  }

  /**
   * One update posted by Telegram: answered once the core has handled it, so that Telegram delivers
   * it again if the process dies first; not taken (store down, or not started yet) → 503, Telegram retries.
   */
  private async receiveWebhook(body: unknown): Promise<WebhookOutcome> {
    if (typeof body !== 'object' || body === null || typeof (body as { update_id?: unknown }).update_id !== 'number') return 'invalid';
    const update = body as Update;
    if (!this.handler) throw new UpdateNotTakenError(`tg:${update.update_id}`);
    await this.dispatch(update, true);
    return 'taken';
  }

  /**
   * Maps an update and queues it behind its chat's earlier messages. Called synchronously for
   * every update of a batch in order, so queue order is update order.
   */
  private dispatch(update: Update, redeliverable = false): Promise<void> {
    const handler = this.handler;
    this.lastReceivedAt = new Date();
    // Bindings per call, not a child logger per update: a pino child compiles its redaction each time.
    const updateId = update.update_id;
    const mapped = toInbound(update, { botUsername: this.username, download: (fileId) => this.download(fileId) });
    if (mapped.kind === 'ignored' || !handler) {
      this.logger.debug({ update: updateId, reason: mapped.kind === 'ignored' ? mapped.reason : 'stopped' }, 'Telegram update ignored');
      return Promise.resolve();
    }
    const { callback } = mapped;
    const message = redeliverable ? { ...mapped.message, redeliverable } : mapped.message;
    // Started now, outside the queue, so the button's spinner stops at once; the reply does not wait for it.
    if (callback) this.track(this.acknowledge(callback, updateId));
    return this.chats.run(message.chat.chatId, async () => {
      try {
        await handler(message);
      } catch (err) {
        // Not taken: the webhook answers 503 and Telegram delivers the update again.
        if (err instanceof UpdateNotTakenError && redeliverable) throw err;
        this.logger.error({ err, update: updateId, chat: message.chat.chatId, type: message.type }, 'inbound handler failed');
      }
    });
  }

  private track(call: Promise<void>): void {
    this.acknowledgements.add(call);
    void call.finally(() => this.acknowledgements.delete(call));
  }

  /** Answers the callback query and removes the keyboard, so a button cannot be pressed twice. */
  private async acknowledge(callback: CallbackRef, updateId: number): Promise<void> {
    const results = await Promise.allSettled([
      this.bot.telegram.answerCbQuery(callback.queryId),
      this.bot.telegram.editMessageReplyMarkup(callback.chatId, callback.messageId, undefined, undefined),
    ]);
    for (const result of results) {
      if (result.status === 'rejected') this.logger.warn({ err: result.reason, update: updateId }, 'could not acknowledge a button press');
    }
  }

  private async download(fileId: string): Promise<Buffer> {
    const link = await this.bot.telegram.getFileLink(fileId);
    const response = await fetch(link);
    if (!response.ok) throw new Error(`Telegram file download failed with HTTP ${response.status}`);
    return Buffer.from(await response.arrayBuffer());
  }

  private async send(chatId: string, message: OutboundMessage): Promise<void> {
    await this.progress.send(message, chatId, this.parts(chatId, message));
  }

  /** The Bot API calls one message takes, in order (a long text takes several). */
  private parts(chatId: string, message: OutboundMessage): (() => Promise<unknown>)[] {
    const telegram = this.bot.telegram;
    switch (message.type) {
      case 'text':
        return splitText(message.text, TELEGRAM_TEXT_LIMIT).map((piece) => () => telegram.sendMessage(chatId, piece));
      case 'choices': {
        const keyboard = toInlineKeyboard(message.choices, message.columns);
        const pieces = splitText(message.text, TELEGRAM_TEXT_LIMIT);
        const last = pieces.pop() ?? '';
        return [
          ...pieces.map((piece) => () => telegram.sendMessage(chatId, piece)),
          () => telegram.sendMessage(chatId, last, { reply_markup: keyboard }),
        ];
      }
      case 'file':
        return [
          () =>
            telegram.sendDocument(chatId, Input.fromBuffer(message.content, message.fileName), {
              ...(message.caption !== undefined && { caption: message.caption }),
            }),
        ];
      case 'image':
        return [
          () =>
            telegram.sendPhoto(chatId, Input.fromBuffer(message.content, message.fileName), {
              ...(message.caption !== undefined && { caption: message.caption.slice(0, TELEGRAM_CAPTION_LIMIT) }),
            }),
        ];
      case 'photo':
        return [() => telegram.sendPhoto(chatId, message.url, { ...(message.caption !== undefined && { caption: message.caption }) })];
    }
  }
}
