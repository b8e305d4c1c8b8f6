import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ZaloUpdate } from '../../../src/channels/zalo/zalo-types.ts';
import { imageUpdate, newMessageId, stickerUpdate, textUpdate, unsupportedUpdate, type FakeSender } from './zalo-updates.ts';

/** How an update is laid out in a webhook request body. getUpdates always wraps it in `{ok, result}`. */
export type PayloadShape = 'wrapped' | 'bare';

export interface FakeZaloServerOptions {
  token?: string;
  /** HTTP status of the `{ok:false, error_code:408}` answer to an empty poll (default 200). */
  emptyPollStatus?: 200 | 408;
  /** Longest text sendMessage accepts (default 2,000, as Zalo). */
  maxTextLength?: number;
}

/** One message the bot sent successfully. */
export interface SentRecord {
  method: 'sendMessage' | 'sendPhoto' | 'sendChatAction';
  chatId: string;
  text?: string;
  photo?: string;
  caption?: string;
  action?: string;
  /** All parameters as received. */
  params: Record<string, unknown>;
  /** Date.now() when the fake received the call. */
  at: number;
}

/** One API call the bot made, whatever the answer. */
export interface CallRecord {
  method: string;
  body: Record<string, unknown>;
  ok: boolean;
  errorCode?: number;
}

/** An error the next call(s) of a method will get. `status` is the HTTP status (default: errorCode if 4xx/5xx, else 200). */
export interface FakeFailure {
  status?: number;
  errorCode: number;
  description: string;
  /** Seconds; sent as `parameters.retry_after` and as the Retry-After header. */
  retryAfter?: number;
}

interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

interface PollWaiter {
  res: ServerResponse;
  timer: NodeJS.Timeout;
}

const SEND_METHODS = new Set(['sendMessage', 'sendPhoto', 'sendChatAction', 'sendSticker']);

/**
 * A fake Zalo Bot API on 127.0.0.1 (random port) for tests: `apiRoot` goes into the adapter's
 * options, `sendText` and friends play a person writing to the bot, `sent` records what the bot
 * sent. getUpdates returns one update per call and holds an empty poll for `timeout` seconds
 * before answering error 408; sendMessage refuses text over 2,000 characters; failures and a
 * rate limit (429 with retry_after) can be injected. Once a webhook is set, updates are posted to
 * it with the registered secret instead of being queued for getUpdates.
 */
export class FakeZaloServer {
  readonly sent: SentRecord[] = [];
  readonly calls: CallRecord[] = [];
  /** The webhook registered with setWebhook, if any. */
  webhook: { url: string; secretToken: string } | null = null;
  /** HTTP statuses of the webhook requests made for sendText & co. while a webhook is set. */
  readonly webhookStatuses: number[] = [];

  private readonly updates: ZaloUpdate[] = [];
  private readonly waiters: PollWaiter[] = [];
  private readonly failures = new Map<string, { failure: FakeFailure; remaining: number }>();
  private limit: { perSecond: number; windowStart: number; count: number; retryAfter?: number } | null = null;
  private readonly pendingPosts = new Set<Promise<unknown>>();
  private readonly cursors = new Map<string, number>();

  private constructor(
    private readonly server: Server,
    readonly token: string,
    readonly apiRoot: string,
    private readonly options: Required<Omit<FakeZaloServerOptions, 'token'>>,
  ) {}

  static async start(options: FakeZaloServerOptions = {}): Promise<FakeZaloServer> {
    const token = options.token ?? '1234567890:fake-zalo-token';
    let fake: FakeZaloServer | undefined;
    const server = createServer((req, res) => void fake?.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    fake = new FakeZaloServer(server, token, `http://127.0.0.1:${port}`, {
      emptyPollStatus: options.emptyPollStatus ?? 200,
      maxTextLength: options.maxTextLength ?? 2000,
    });
    return fake;
  }

  /** A person writes text to the bot; returns the message_id. */
  sendText(args: FakeSender & { text: string }): string {
    return this.enqueue(textUpdate(args));
  }

  sendImage(args: FakeSender & { caption?: string }): string {
    return this.enqueue(imageUpdate(args));
  }

  sendSticker(args: FakeSender): string {
    return this.enqueue(stickerUpdate(args));
  }

  sendUnsupported(args: FakeSender): string {
    return this.enqueue(unsupportedUpdate(args));
  }

  /** Queues any update object (delivered by getUpdates, or posted to the webhook in `shape`). */
  enqueueRaw(update: unknown, shape: PayloadShape = 'bare'): void {
    if (this.webhook) {
      const post = this.postToWebhook(update, this.webhook.secretToken, shape).then((status) => this.webhookStatuses.push(status));
      this.pendingPosts.add(post);
      void post.finally(() => this.pendingPosts.delete(post));
      return;
    }
    const waiter = this.waiters.shift();
    if (waiter) this.answerPoll(waiter, { status: 200, body: { ok: true, result: update } });
    else this.updates.push(update as ZaloUpdate);
  }

  /**
   * Posts a payload to the registered webhook as Zalo would. `secret`: the header value (default
   * the registered secret; null sends no header). Resolves with the HTTP status.
   */
  async postToWebhook(payload: unknown, secret?: string | null, shape: PayloadShape = 'bare'): Promise<number> {
    if (!this.webhook) throw new Error('no webhook registered');
    const url = new URL(this.webhook.url);
    if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) throw new Error(`refusing to post to non-loopback ${url.hostname}`);
    const body = JSON.stringify(shape === 'wrapped' ? { ok: true, result: payload } : payload);
    const header = secret === undefined ? this.webhook.secretToken : secret;
    return new Promise((resolve, reject) => {
      const req = request(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...(header === null ? {} : { 'x-bot-api-secret-token': header }),
        },
      });
      req.on('response', (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  /** New messages (sendMessage, sendPhoto) to a chat, oldest first. */
  messagesTo(chatId: string): SentRecord[] {
    return this.sent.filter((record) => record.chatId === chatId && record.method !== 'sendChatAction');
  }

  /** The texts (or photo captions, or photo URLs) sent to a chat, in order. */
  textsTo(chatId: string): string[] {
    return this.messagesTo(chatId).map((record) => record.text ?? record.caption ?? record.photo ?? '');
  }

  /** How many calls of a method the bot made. */
  callCount(method: string): number {
    return this.calls.filter((call) => call.method === method).length;
  }

  /** getUpdates calls currently held open. */
  get pendingPolls(): number {
    return this.waiters.length;
  }

  /** Updates waiting for getUpdates. */
  get pendingUpdates(): number {
    return this.updates.length;
  }

  /** Polls (every 10 ms) until `pred(sent)` returns something truthy, and resolves with it; rejects after `timeoutMs`. */
  async waitFor<T>(pred: (sent: SentRecord[]) => T | undefined | null | false, timeoutMs = 5000, what = 'condition'): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = pred(this.sent);
      if (value) return value;
      if (Date.now() > deadline)
        throw new Error(`FakeZaloServer: timed out after ${timeoutMs} ms waiting for ${what}; sent:\n${this.dump()}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /**
   * The first new message to a chat whose text (or caption) matches, since the last call for that
   * chat (or `mark`), as the Telegram fake does.
   */
  async waitForMessage(chatId: string, match: string | RegExp | ((record: SentRecord) => boolean), timeoutMs = 5000): Promise<SentRecord> {
    const test = (record: SentRecord): boolean => {
      if (typeof match === 'function') return match(record);
      const text = record.text ?? record.caption ?? '';
      return typeof match === 'string' ? text.includes(match) : match.test(text);
    };
    const found = await this.waitFor(
      () => {
        const messages = this.messagesTo(chatId);
        const index = messages.findIndex((record, i) => i >= (this.cursors.get(chatId) ?? 0) && test(record));
        return index >= 0 ? { index, record: messages[index]! } : undefined;
      },
      timeoutMs,
      `a message to ${chatId} matching ${String(match)}`,
    );
    this.cursors.set(chatId, found.index + 1);
    return found.record;
  }

  /** Makes later `waitForMessage` calls ignore what was sent so far (to one chat, or to all). */
  mark(chatId?: string): void {
    const chats = chatId === undefined ? new Set(this.sent.map((record) => record.chatId)) : [chatId];
    for (const chat of chats) this.cursors.set(chat, this.messagesTo(chat).length);
  }

  /** What was sent so far, one line per call (for failure messages). */
  dump(): string {
    return this.sent.map((r) => `${r.method} → ${r.chatId}: ${r.text ?? r.caption ?? r.photo ?? r.action ?? ''}`).join('\n');
  }

  /** The next `times` calls of `method` fail with this error. */
  failNext(method: string, failure: FakeFailure, times = 1): void {
    this.failures.set(method, { failure, remaining: times });
  }

  /**
   * Limits send calls per second across all chats: beyond it, 429 with retry_after = `retryAfter`
   * seconds (default: until the window ends, at least 1). null lifts the limit.
   */
  rateLimit(limit: { perSecond: number; retryAfter?: number } | null): void {
    // The first send after this call opens the first one-second window.
    this.limit = limit
      ? {
          perSecond: limit.perSecond,
          windowStart: 0,
          count: 0,
          ...(limit.retryAfter !== undefined ? { retryAfter: limit.retryAfter } : {}),
        }
      : null;
  }

  async close(): Promise<void> {
    for (const waiter of this.waiters.splice(0)) clearTimeout(waiter.timer);
    await Promise.allSettled([...this.pendingPosts]);
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private enqueue(update: ZaloUpdate): string {
    this.enqueueRaw(update);
    return update.message?.message_id ?? newMessageId();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(new URL(req.url ?? '/', 'http://x').pathname);
    const raw = await readBody(req);
    let body: Record<string, unknown> = {};
    try {
      body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    } catch {
      return this.reply(res, '?', {}, error(400, 400, 'Bad Request: invalid JSON'));
    }
    if (!match) return this.reply(res, '?', body, error(404, 404, 'Not Found'));
    const [, token, method = ''] = match;
    if (token !== this.token) return this.reply(res, method, body, error(401, 401, 'Unauthorized'));
    const injected = this.takeFailure(method) ?? (SEND_METHODS.has(method) ? this.checkRateLimit() : undefined);
    if (injected) return this.reply(res, method, body, injected);
    if (method === 'getUpdates') return this.poll(res, body);
    this.reply(res, method, body, this.dispatch(method, body));
  }

  private dispatch(method: string, body: Record<string, unknown>): Answer {
    const chatId = typeof body.chat_id === 'string' ? body.chat_id : '';
    switch (method) {
      case 'getMe':
        return ok({ id: '1459232241454765289', account_name: 'bot.FakeDoan', account_type: 'BASIC', can_join_groups: true });
      case 'setWebhook': {
        const url = body.url;
        const secret = body.secret_token;
        if (typeof url !== 'string' || !/^https?:\/\//.test(url)) return error(400, 400, 'Bad Request: url is invalid');
        if (typeof secret !== 'string' || secret.length < 8 || secret.length > 256) {
          return error(400, 400, 'Bad Request: secret_token must be 8-256 characters');
        }
        this.webhook = { url, secretToken: secret };
        return ok({ url, updated_at: Date.now() });
      }
      case 'deleteWebhook':
        this.webhook = null;
        return ok({ url: '', updated_at: Date.now() });
      case 'getWebhookInfo':
        return ok({ url: this.webhook?.url ?? '', updated_at: Date.now() });
      case 'sendMessage': {
        const text = body.text;
        if (!chatId) return error(400, 400, 'Bad Request: chat_id is required');
        if (typeof text !== 'string' || text.length < 1 || text.length > this.options.maxTextLength) {
          return error(400, 400, `Bad Request: text must be 1-${this.options.maxTextLength} characters`);
        }
        return this.record({ method, chatId, text, params: body, at: Date.now() });
      }
      case 'sendPhoto': {
        const photo = body.photo;
        const caption = typeof body.caption === 'string' ? body.caption : undefined;
        if (!chatId) return error(400, 400, 'Bad Request: chat_id is required');
        if (typeof photo !== 'string' || !/^https?:\/\//.test(photo)) return error(400, 400, 'Bad Request: photo must be a URL');
        if (caption !== undefined && caption.length > this.options.maxTextLength) return error(400, 400, 'Bad Request: caption too long');
        return this.record({ method, chatId, photo, ...(caption !== undefined ? { caption } : {}), params: body, at: Date.now() });
      }
      case 'sendChatAction': {
        const action = body.action;
        if (!chatId) return error(400, 400, 'Bad Request: chat_id is required');
        if (action !== 'typing' && action !== 'upload_photo') return error(400, 400, 'Bad Request: unknown action');
        this.sent.push({ method, chatId, action, params: body, at: Date.now() });
        return { status: 200, body: { ok: true } };
      }
      default:
        return error(404, 404, `Not Found: method ${method}`);
    }
  }

  private record(record: SentRecord): Answer {
    this.sent.push(record);
    return ok({ message_id: newMessageId(), date: record.at });
  }

  private poll(res: ServerResponse, body: Record<string, unknown>): void {
    this.calls.push({ method: 'getUpdates', body, ok: true });
    const next = this.updates.shift();
    if (next) return send(res, { status: 200, body: { ok: true, result: next } });
    const timeoutSec = Number(body.timeout ?? 30);
    const waiter: PollWaiter = {
      res,
      timer: setTimeout(
        () =>
          this.answerPoll(waiter, {
            status: this.options.emptyPollStatus,
            body: { ok: false, error_code: 408, description: 'Request timeout' },
          }),
        (Number.isFinite(timeoutSec) ? timeoutSec : 30) * 1000,
      ),
    };
    this.waiters.push(waiter);
    res.on('close', () => this.dropWaiter(waiter));
  }

  private answerPoll(waiter: PollWaiter, answer: Answer): void {
    this.dropWaiter(waiter);
    send(waiter.res, answer);
  }

  private dropWaiter(waiter: PollWaiter): void {
    clearTimeout(waiter.timer);
    const index = this.waiters.indexOf(waiter);
    if (index >= 0) this.waiters.splice(index, 1);
  }

  private takeFailure(method: string): Answer | undefined {
    const entry = this.failures.get(method);
    if (!entry) return undefined;
    if (--entry.remaining <= 0) this.failures.delete(method);
    const { failure } = entry;
    const status = failure.status ?? (failure.errorCode >= 400 && failure.errorCode < 600 ? failure.errorCode : 200);
    return error(status, failure.errorCode, failure.description, failure.retryAfter);
  }

  private checkRateLimit(): Answer | undefined {
    const limit = this.limit;
    if (!limit) return undefined;
    const now = Date.now();
    if (now - limit.windowStart >= 1000) {
      limit.windowStart = now;
      limit.count = 0;
    }
    if (++limit.count <= limit.perSecond) return undefined;
    const retryAfter = limit.retryAfter ?? Math.max(1, Math.ceil((limit.windowStart + 1000 - now) / 1000));
    return error(429, 429, 'Too Many Requests', retryAfter);
  }

  private reply(res: ServerResponse, method: string, body: Record<string, unknown>, answer: Answer): void {
    const envelope = answer.body as { ok?: boolean; error_code?: number };
    this.calls.push({
      method,
      body,
      ok: envelope.ok === true,
      ...(envelope.error_code !== undefined ? { errorCode: envelope.error_code } : {}),
    });
    send(res, answer);
  }
}

function ok(result: unknown): Answer {
  return { status: 200, body: { ok: true, result } };
}

function error(status: number, errorCode: number, description: string, retryAfter?: number): Answer {
  return {
    status,
    body: {
      ok: false,
      error_code: errorCode,
      description,
      ...(retryAfter !== undefined ? { parameters: { retry_after: retryAfter } } : {}),
    },
    ...(retryAfter !== undefined ? { headers: { 'retry-after': String(retryAfter) } } : {}),
  };
}

function send(res: ServerResponse, answer: Answer): void {
  if (res.writableEnded || res.destroyed) return;
  res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
  res.end(JSON.stringify(answer.body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
