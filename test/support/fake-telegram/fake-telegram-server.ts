import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Message, Update, User } from 'telegraf/types';
import { readRequestParams } from './request-params.ts';
import { SentLog, type ChatIdLike, type SentButton, type SentMessage } from './sent-log.ts';
import { UpdateQueue } from './update-queue.ts';
import {
  callbackUpdate,
  documentUpdate,
  stickerUpdate,
  textUpdate,
  type FakeSender,
} from './update-factory.ts';
import type { UploadedFile } from './multipart.ts';

export type { SentMessage, SentButton } from './sent-log.ts';
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

/** One setMyCommands call. */
export interface CommandsSet {
  commands: { command: string; description: string }[];
  languageCode?: string;
}

/** One call parsed: what a Bot API method implementation receives. */
interface ApiCall {
  method: string;
  params: Record<string, unknown>;
  files: Record<string, UploadedFile>;
  clientGone: Promise<void>;
}

/** A stored message the bot sent, as pressButton and edits need it. */
interface BotMessage {
  text: string;
  buttons: SentButton[][];
}

/** Thrown by method implementations; becomes `{ ok: false, error_code, description }`. */
class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
    readonly retryAfter?: number,
  ) {
    super(description);
  }
}

const TEXT_LIMIT = 4096;
const CAPTION_LIMIT = 1024;
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
  /** Every setMyCommands call, in order. */
  readonly commandsSet: CommandsSet[] = [];
  /** HTTP status of every update pushed to the webhook by deliverUpdate (not by postToWebhook). */
  readonly webhookAnswers: { updateId: number; status: number | 'failed' }[] = [];

  private readonly log = new SentLog();
  private readonly updates = new UpdateQueue();
  private readonly failures = new Map<string, FailureReply[]>();
  private limit: { perSecond: number; retryAfter: number } | null = null;
  private sendTimes: number[] = [];
  private readonly files = new Map<string, { fileId: string; path: string; content: Buffer }>();
  private readonly botMessages = new Map<string, Map<number, BotMessage>>();
  private readonly callbackChats = new Map<string, string>();
  private nextUpdateId = 1000;
  private nextMessageId = 1;
  private nextQueryId = 1;
  private nextFileId = 1;
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
    const origin = this.findButtonMessage(chatKey, options.data, options.messageId);
    const queryId = String(this.nextQueryId++);
    this.callbackChats.set(queryId, chatKey);
    return this.deliverUpdate(
      callbackUpdate(this.nextUpdateId, queryId, options, options.data, { ...origin, botUser: this.botUser }),
    );
  }

  /** A user sends a file; the bot can fetch it with getFile and the file URL. */
  sendDocument(options: FakeSender & { fileName: string; content: Buffer; mimeType?: string; caption?: string }): number {
    const file = this.storeFile(options.content, options.fileName);
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
      const result = await this.call({ method, params, files, clientGone });
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
    const file = [...this.files.values()].find((f) => f.path === path);
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

  // ---- Bot API methods -----------------------------------------------------------------------

  private async call(call: ApiCall): Promise<unknown> {
    const { method, params } = call;
    switch (method) {
      case 'getMe':
        return this.botUser;
      case 'getUpdates':
        if (this.webhook) {
          throw new ApiFailure(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
        }
        return this.updates.take(num(params.offset) ?? 0, num(params.limit) ?? 100, num(params.timeout) ?? 0, call.clientGone);
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
      case 'sendMessage':
        return this.sendMessage(params);
      case 'editMessageText':
      case 'editMessageReplyMarkup':
        return this.editMessage(method, params);
      case 'answerCallbackQuery':
        return this.answerCallbackQuery(params);
      case 'sendDocument':
        return this.sendFile(call, 'document');
      case 'sendPhoto':
        return this.sendFile(call, 'photo');
      case 'sendChatAction':
        this.record(method, chatIdOf(params), params, {});
        return true;
      case 'setMyCommands':
        return this.setMyCommands(params);
      case 'getMyCommands': {
        const language = typeof params.language_code === 'string' ? params.language_code : undefined;
        return this.commandsSet.findLast((c) => c.languageCode === language)?.commands ?? [];
      }
      case 'getFile':
        return this.getFile(params);
      default:
        throw new ApiFailure(404, 'Not Found: method not found');
    }
  }

  private sendMessage(params: Record<string, unknown>): Message {
    const chatId = chatIdOf(params);
    const text = typeof params.text === 'string' ? params.text : '';
    if (text.trim() === '') throw new ApiFailure(400, 'Bad Request: message text is empty');
    if (text.length > TEXT_LIMIT) throw new ApiFailure(400, 'Bad Request: message is too long');
    const buttons = readButtons(params.reply_markup);
    const messageId = this.storeBotMessage(chatId, { text, buttons });
    this.record('sendMessage', chatId, params, { messageId, text, ...(buttons.length > 0 && { buttons }) });
    return {
      ...this.messageBase(chatId, messageId),
      text,
      ...(buttons.length > 0 && { reply_markup: { inline_keyboard: toInlineKeyboard(buttons) } }),
    } as Message;
  }

  private editMessage(method: string, params: Record<string, unknown>): Message {
    const chatId = chatIdOf(params);
    const messageId = num(params.message_id) ?? 0;
    const stored = this.botMessages.get(chatId)?.get(messageId);
    if (!stored) throw new ApiFailure(400, 'Bad Request: message to edit not found');
    const text = method === 'editMessageText' && typeof params.text === 'string' ? params.text : stored.text;
    const buttons = readButtons(params.reply_markup);
    if (text === stored.text && JSON.stringify(buttons) === JSON.stringify(stored.buttons)) {
      throw new ApiFailure(400, 'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message');
    }
    stored.text = text;
    stored.buttons = buttons;
    this.record(method, chatId, params, { messageId, text, buttons });
    return { ...this.messageBase(chatId, messageId), text } as Message;
  }

  private answerCallbackQuery(params: Record<string, unknown>): true {
    const chatId = this.callbackChats.get(String(params.callback_query_id));
    if (chatId === undefined) {
      throw new ApiFailure(400, 'Bad Request: query is too old and response timeout expired or query ID is invalid');
    }
    this.callbackChats.delete(String(params.callback_query_id));
    this.record('answerCallbackQuery', chatId, params, typeof params.text === 'string' ? { text: params.text } : {});
    return true;
  }

  private sendFile(call: ApiCall, field: 'document' | 'photo'): Message {
    const { params, files } = call;
    const chatId = chatIdOf(params);
    const caption = typeof params.caption === 'string' ? params.caption : undefined;
    if (caption !== undefined && caption.length > CAPTION_LIMIT) throw new ApiFailure(400, 'Bad Request: message caption is too long');
    const upload = files[field];
    const reference = typeof params[field] === 'string' ? (params[field] as string) : undefined;
    if (!upload && !reference) throw new ApiFailure(400, `Bad Request: there is no ${field} in the request`);
    const stored = upload ? this.storeFile(upload.content, upload.fileName) : undefined;
    const messageId = this.storeBotMessage(chatId, { text: caption ?? '', buttons: [] });
    const details =
      field === 'document'
        ? { document: upload ? { fileName: upload.fileName, content: upload.content } : { fileName: reference ?? '', content: Buffer.alloc(0) } }
        : { photo: upload ? upload.fileName : (reference ?? '') };
    this.record(call.method, chatId, params, { messageId, ...(caption !== undefined && { caption }), ...details });
    const fileId = stored?.fileId ?? reference ?? '';
    const media =
      field === 'document'
        ? { document: { file_id: fileId, file_unique_id: `u-${fileId}`, file_name: upload?.fileName } }
        : { photo: [{ file_id: fileId, file_unique_id: `u-${fileId}`, width: 800, height: 600 }] };
    return { ...this.messageBase(chatId, messageId), ...media, ...(caption !== undefined && { caption }) } as Message;
  }

  private setMyCommands(params: Record<string, unknown>): true {
    const commands = Array.isArray(params.commands) ? (params.commands as { command: string; description: string }[]) : [];
    for (const { command, description } of commands) {
      if (!/^[a-z0-9_]{1,32}$/.test(command)) throw new ApiFailure(400, 'Bad Request: BOT_COMMAND_INVALID');
      if (!description || description.length > 256) throw new ApiFailure(400, 'Bad Request: command description must be 1-256 characters');
    }
    const languageCode = typeof params.language_code === 'string' && params.language_code ? params.language_code : undefined;
    this.commandsSet.push({ commands, ...(languageCode !== undefined && { languageCode }) });
    return true;
  }

  private getFile(params: Record<string, unknown>): unknown {
    const file = this.files.get(String(params.file_id));
    if (!file) throw new ApiFailure(400, 'Bad Request: invalid file_id');
    return { file_id: file.fileId, file_unique_id: `u-${file.fileId}`, file_size: file.content.length, file_path: file.path };
  }

  // ---- state helpers -------------------------------------------------------------------------

  private record(method: string, chatId: string, params: Record<string, unknown>, details: Partial<SentMessage>): void {
    this.log.record({ method, chatId, params, at: Date.now(), ...details });
  }

  private storeFile(content: Buffer, fileName: string): { fileId: string; path: string; content: Buffer } {
    const n = this.nextFileId++;
    const extension = /\.[\w]+$/.exec(fileName)?.[0] ?? '';
    const file = { fileId: `file-${n}`, path: `documents/file_${n}${extension}`, content };
    this.files.set(file.fileId, file);
    return file;
  }

  private storeBotMessage(chatId: string, message: BotMessage): number {
    const messageId = this.nextMessageId++;
    const chat = this.botMessages.get(chatId) ?? new Map<number, BotMessage>();
    chat.set(messageId, message);
    this.botMessages.set(chatId, chat);
    return messageId;
  }

  private findButtonMessage(chatKey: string, data: string, messageId: number | undefined): { messageId: number; text: string } {
    const chat = this.botMessages.get(chatKey);
    if (messageId !== undefined) return { messageId, text: chat?.get(messageId)?.text ?? '' };
    const candidates = [...(chat?.entries() ?? [])].reverse();
    const found = candidates.find(([, m]) => m.buttons.flat().some((b) => b.data === data));
    if (found) return { messageId: found[0], text: found[1].text };
    const shown = candidates.flatMap(([id, m]) => m.buttons.flat().map((b) => `#${id} ${b.text} (${b.data})`));
    throw new Error(
      `FakeTelegramServer.pressButton: no button with data "${data}" in chat ${chatKey}. Buttons shown: ${shown.join(', ') || 'none'}`,
    );
  }

  private messageBase(chatId: string, messageId: number) {
    const id = Number(chatId);
    const chat = id < 0 ? { id, type: 'supergroup', title: `Group ${id}` } : { id, type: 'private', first_name: `User ${id}` };
    return { message_id: messageId, from: this.botUser, chat, date: Math.floor(Date.now() / 1000) };
  }
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function num(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

function isTrue(value: unknown): boolean {
  return value === true || value === 'true';
}

function chatIdOf(params: Record<string, unknown>): string {
  const chatId = params.chat_id;
  if (chatId === undefined || chatId === '') throw new ApiFailure(400, 'Bad Request: chat_id is empty');
  return String(chatId);
}

/** Reads an inline keyboard, checking callback_data like Telegram (1–64 bytes). */
function readButtons(markup: unknown): SentButton[][] {
  const rows = (markup as { inline_keyboard?: unknown } | undefined)?.inline_keyboard;
  if (!Array.isArray(rows)) return [];
  return rows.map((row: { text: string; callback_data?: string }[]) =>
    row.map((button) => {
      const data = button.callback_data ?? '';
      const bytes = Buffer.byteLength(data);
      if (bytes < 1 || bytes > 64) throw new ApiFailure(400, 'Bad Request: BUTTON_DATA_INVALID');
      return { text: button.text, data };
    }),
  );
}

function toInlineKeyboard(buttons: SentButton[][]): { text: string; callback_data: string }[][] {
  return buttons.map((row) => row.map((b) => ({ text: b.text, callback_data: b.data })));
}
