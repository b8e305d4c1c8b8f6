import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Update, User } from 'telegraf/types';
import { ApiFailure, isTrue, num } from './api-failure.ts';
import { BotChats, type CommandsSet } from './bot-chats.ts';
import type { UploadedFile } from './multipart.ts';
import { readRequestParams } from './request-params.ts';
import { SentLog, type ChatIdLike, type SentMessage } from './sent-log.ts';
import { UpdateQueue } from './update-queue.ts';
import { callbackUpdate, documentUpdate, stickerUpdate, textUpdate, type FakeSender } from './update-factory.ts';

export type { SentMessage, SentButton } from './sent-log.ts';
export type { CommandsSet } from './bot-chats.ts';
export type { FakeSender } from './update-factory.ts';

/** Options of {@link FakeTelegramServer.start}. */
export interface FakeTelegramOptions {
  /** Defaults to "123456:TEST-token". */
  token?: string;
  /** Defaults to "doanbot_test_bot". */
  botUsername?: string;
}

/** An error answer to inject with {@link FakeTelegramServer.failNext}. */
export interface FailureReply {
  status: number;
  description: string;
  /** Seconds; sent as parameters.retry_after (for 429). */
  retryAfter?: number;
}

const RATE_LIMITED_METHODS = /^(send|edit|copy|forward)/;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * A fake Telegram Bot API on 127.0.0.1 (random port) for tests: point an adapter's `apiRoot` at
 * `fake.apiRoot`, make users write with `sendText`/`pressButton`/`sendDocument`, and check what
 * the bot sent in `sent` or with `waitForMessage`. getUpdates long-polls like Telegram (offset,
 * timeout, limit); when a webhook is set, new updates are POSTed to it instead.
 */
export class FakeTelegramServer {
  readonly token: string;
  readonly botUser: User;
  /** Base URL to give the adapter as apiRoot, e.g. "http://127.0.0.1:40123". */
  readonly apiRoot: string;
  /** The webhook the bot registered with setWebhook, if any. */
  webhook: { url: string; secretToken: string | undefined } | null = null;
  /** HTTP status of every update pushed to the webhook by deliverUpdate (not by postToWebhook). */
  readonly webhookAnswers: { updateId: number; status: number | 'failed' }[] = [];

  private readonly log = new SentLog();
  private readonly updates = new UpdateQueue();
  private readonly failures = new Map<string, FailureReply[]>();
  private limit: { perSecond: number; retryAfter: number } | null = null;
  private sendTimes: number[] = [];
  private readonly chats: BotChats;
  private nextUpdateId = 1000;
  private nextMessageId = 1;
  private nextQueryId = 1;
  private webhookChain: Promise<void> = Promise.resolve();
  private readonly inFlight = new Set<Promise<void>>();

  private constructor(
    private readonly server: Server,
    options: FakeTelegramOptions,
  ) {
    this.token = options.token ?? '123456:TEST-token';
    const botId = Number(this.token.split(':')[0]) || 123456;
    this.botUser = { id: botId, is_bot: true, first_name: 'Doanbot Test', username: options.botUsername ?? 'doanbot_test_bot' };
    this.apiRoot = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    this.chats = new BotChats(this.log, this.botUser, () => this.nextMessageId++);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      const handling = this.route(req, res).catch((err: unknown) => {
        if (!res.headersSent) reply(res, 500, { ok: false, error_code: 500, description: String(err) });
      });
      this.inFlight.add(handling);
      void handling.then(() => this.inFlight.delete(handling));
    });
  }

  /** Starts a fake on a random loopback port. */
  static async start(options: FakeTelegramOptions = {}): Promise<FakeTelegramServer> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new FakeTelegramServer(server, options);
  }

  /** Every setMyCommands call, in order. */
  get commandsSet(): CommandsSet[] {
    return this.chats.commandsSet;
  }

  get botUsername(): string {
    return this.botUser.username ?? '';
  }

  // ---- what users do -------------------------------------------------------------------------

  /** A user writes a text (a bot_command entity is added when it starts with "/"). Returns the update_id. */
  sendText(options: FakeSender & { text: string }): number {
    return this.deliverUpdate(textUpdate(this.nextUpdateId, this.nextMessageId++, options, options.text));
  }

  /**
   * A user presses an inline button. Without `messageId`, the newest message the bot sent to that
   * chat that still shows a button with this `data` is used, and pressing a button that is not
   * there throws (listing the buttons that are); with `messageId`, no check is made.
   */
  pressButton(options: FakeSender & { data: string; messageId?: number }): number {
    const chatKey = String(options.chatId ?? options.userId);
    const origin = this.chats.findButtonMessage(chatKey, options.data, options.messageId);
    const queryId = String(this.nextQueryId++);
    this.chats.registerCallback(queryId, chatKey);
    return this.deliverUpdate(callbackUpdate(this.nextUpdateId, queryId, options, options.data, { ...origin, botUser: this.botUser }));
  }

  /** A user sends a file; the bot can fetch it with getFile and the file URL. */
  sendDocument(options: FakeSender & { fileName: string; content: Buffer; mimeType?: string; caption?: string }): number {
    const file = this.chats.storeFile(options.content, options.fileName);
    return this.deliverUpdate(
      documentUpdate(this.nextUpdateId, this.nextMessageId++, options, {
        fileId: file.fileId,
        fileName: options.fileName,
        size: options.content.length,
        ...(options.mimeType !== undefined && { mimeType: options.mimeType }),
        ...(options.caption !== undefined && { caption: options.caption }),
      }),
    );
  }

  /** A user sends a sticker (something the bot cannot read). */
  sendSticker(options: FakeSender): number {
    return this.deliverUpdate(stickerUpdate(this.nextUpdateId, this.nextMessageId++, options));
  }

  /**
   * Delivers a raw update: to the webhook when one is set, else to getUpdates. An update_id is
   * assigned when missing; delivering the same update_id twice simulates a duplicate delivery.
   */
  deliverUpdate(raw: Update | (Record<string, unknown> & { update_id?: number })): number {
    const updateId = typeof raw.update_id === 'number' ? raw.update_id : this.nextUpdateId;
    this.nextUpdateId = Math.max(this.nextUpdateId, updateId + 1);
    const update = { ...raw, update_id: updateId } as Update;
    if (this.webhook) {
      this.webhookChain = this.webhookChain.then(async () => {
        const answer = await this.postToWebhook(update).catch(() => ({ status: 'failed' as const }));
        this.webhookAnswers.push({ updateId, status: answer.status });
      });
    } else this.updates.push(update);
    return updateId;
  }

  /** Updates waiting for getUpdates (not yet confirmed by an offset). */
  get pendingUpdates(): number {
    return this.updates.size;
  }

  /** getUpdates calls being held right now: 1 means the bot is long-polling and idle. */
  get heldPolls(): number {
    return this.updates.held;
  }

  /** POSTs an update to the registered webhook with the secret header (the registered secret unless given). */
  async postToWebhook(update: unknown, secret?: string): Promise<{ status: number; body: string }> {
    if (!this.webhook) throw new Error('FakeTelegramServer: no webhook is set');
    const url = new URL(this.webhook.url);
    if (!LOOPBACK_HOSTS.has(url.hostname)) throw new Error(`FakeTelegramServer: refusing non-loopback webhook ${url.host}`);
    const token = secret ?? this.webhook.secretToken;
    const body = JSON.stringify(update);
    return new Promise((resolve, reject) => {
      const req = request(
        url,
        {
          method: 'POST',
          agent: false,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            ...(token !== undefined && { 'x-telegram-bot-api-secret-token': token }),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  // ---- what the bot did ----------------------------------------------------------------------

  /** Every chat-related call the bot made (send*, edit*, answerCallbackQuery, sendChatAction). */
  get sent(): SentMessage[] {
    return this.log.sent;
  }

  /** New messages (sendMessage, sendDocument, sendPhoto) to a chat, oldest first. */
  messagesTo(chatId: ChatIdLike): SentMessage[] {
    return this.log.messagesTo(chatId);
  }

  /** Resolves once `predicate(sent)` holds; rejects after `timeoutMs` with a dump of what was sent. */
  waitFor(predicate: (sent: SentMessage[]) => boolean, timeoutMs = 5000): Promise<SentMessage[]> {
    return this.log.waitFor(predicate, timeoutMs);
  }

  /** The first new message to a chat matching `match` since the last call for that chat (or `mark`). */
  waitForMessage(chatId: ChatIdLike, match: string | RegExp, timeoutMs?: number): Promise<SentMessage> {
    return this.log.waitForMessage(chatId, match, timeoutMs);
  }

  /** Makes later `waitForMessage` calls ignore what was sent so far (to one chat, or all). */
  mark(chatId?: ChatIdLike): void {
    this.log.mark(chatId);
  }

  /** What was sent so far, one line per call (for failure messages). */
  dump(): string {
    return this.log.dump();
  }

  // ---- trouble on demand ---------------------------------------------------------------------

  /** The next `times` calls of `method` fail with this answer (e.g. 429 with retryAfter, 403, 500). */
  failNext(method: string, failure: FailureReply, times = 1): void {
    const queue = this.failures.get(method) ?? [];
    for (let i = 0; i < times; i++) queue.push(failure);
    this.failures.set(method, queue);
  }

  /** Answers 429 (retry_after = `retryAfter` seconds, default 1) to send/edit calls beyond `perSecond`; null turns it off. */
  rateLimit(limit: { perSecond: number; retryAfter?: number } | null): void {
    this.limit = limit && { perSecond: limit.perSecond, retryAfter: limit.retryAfter ?? 1 };
    this.sendTimes = [];
  }

  /** Answers held getUpdates calls, lets running calls finish, closes every connection and stops listening. */
  async close(): Promise<void> {
    this.updates.close();
    await Promise.all(this.inFlight);
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  // ---- HTTP ----------------------------------------------------------------------------------

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.apiRoot);
    const file = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (file) return this.serveFile(res, file[1] ?? '', decodeURIComponent(file[2] ?? ''));
    const api = /^\/bot([^/]+)\/(\w+)$/.exec(url.pathname);
    if (!api) return reply(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    if (api[1] !== this.token) return reply(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
    const method = api[2] ?? '';
    const { params, files } = await readRequestParams(req, url);
    const clientGone = new Promise<void>((resolve) => res.on('close', () => resolve()));
    try {
      this.takeInjectedFailure(method);
      this.checkRateLimit(method);
      const result = await this.call(method, params, files, clientGone);
      if (!res.writableEnded && !res.destroyed) reply(res, 200, { ok: true, result });
    } catch (err) {
      if (!(err instanceof ApiFailure)) throw err;
      reply(res, err.status, {
        ok: false,
        error_code: err.status,
        description: err.description,
        ...(err.retryAfter !== undefined && { parameters: { retry_after: err.retryAfter } }),
      });
    }
  }

  private serveFile(res: ServerResponse, token: string, path: string): void {
    const file = this.chats.fileAt(path);
    if (token !== this.token || !file) return reply(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': file.content.length });
    res.end(file.content);
  }

  private takeInjectedFailure(method: string): void {
    const failure = this.failures.get(method)?.shift();
    if (failure) throw new ApiFailure(failure.status, failure.description, failure.retryAfter);
  }

  private checkRateLimit(method: string): void {
    if (!this.limit || !RATE_LIMITED_METHODS.test(method)) return;
    const now = Date.now();
    this.sendTimes = this.sendTimes.filter((t) => now - t < 1000);
    if (this.sendTimes.length >= this.limit.perSecond) {
      throw new ApiFailure(429, `Too Many Requests: retry after ${this.limit.retryAfter}`, this.limit.retryAfter);
    }
    this.sendTimes.push(now);
  }

  // ---- Bot API methods: the bot's lifecycle here, the chats in BotChats ----------------------

  private async call(
    method: string,
    params: Record<string, unknown>,
    files: Record<string, UploadedFile>,
    clientGone: Promise<void>,
  ): Promise<unknown> {
    switch (method) {
      case 'getMe':
        return this.botUser;
      case 'getUpdates':
        if (this.webhook) {
          throw new ApiFailure(
            409,
            "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
          );
        }
        return this.updates.take(num(params.offset) ?? 0, num(params.limit) ?? 100, num(params.timeout) ?? 0, clientGone);
      case 'setWebhook': {
        const url = typeof params.url === 'string' ? params.url : '';
        if (isTrue(params.drop_pending_updates)) this.updates.clear();
        this.webhook = url ? { url, secretToken: typeof params.secret_token === 'string' ? params.secret_token : undefined } : null;
        return true;
      }
      case 'deleteWebhook':
        if (isTrue(params.drop_pending_updates)) this.updates.clear();
        this.webhook = null;
        return true;
      case 'getWebhookInfo':
        return { url: this.webhook?.url ?? '', has_custom_certificate: false, pending_update_count: this.updates.size };
      default: {
        const handled = this.chats.call(method, params, files);
        if (!handled) throw new ApiFailure(404, 'Not Found: method not found');
        return handled.result;
      }
    }
  }
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
