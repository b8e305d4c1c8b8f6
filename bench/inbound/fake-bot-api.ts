import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The smallest Telegram Bot API that both benchmarked bots can run against: every method succeeds at
 * once (no sending limits), sendMessage is counted per chat, and the driver can wait until a chat has
 * received a given number of messages (a closed loop: the officer waits for the bot's reply).
 */
export class FakeBotApi {
  private readonly counts = new Map<number, number>();
  private readonly lastMessageId = new Map<number, number>();
  private readonly waiters = new Map<number, { count: number; resolve: () => void }[]>();
  /** Every Bot API call, by method. */
  readonly calls = new Map<string, number>();
  private nextMessageId = 1;

  private constructor(private readonly server: Server) {}

  static async start(): Promise<FakeBotApi> {
    let api: FakeBotApi | undefined;
    const server = createServer((req, res) => {
      void api!.answer(req).then((result) => {
        const body = JSON.stringify({ ok: true, result });
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
        res.end(body);
      });
    });
    server.keepAliveTimeout = 60_000;
    api = new FakeBotApi(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return api;
  }

  get apiRoot(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Messages sent to a chat so far. */
  count(chatId: number): number {
    return this.counts.get(chatId) ?? 0;
  }

  /** The id of the last message sent to a chat (the one whose buttons are pressed). */
  lastMessage(chatId: number): number {
    return this.lastMessageId.get(chatId) ?? 0;
  }

  /** Resolves once `chatId` has received at least `count` messages. */
  waitFor(chatId: number, count: number): Promise<void> {
    if (this.count(chatId) >= count) return Promise.resolve();
    return new Promise((resolve) => {
      const list = this.waiters.get(chatId) ?? [];
      list.push({ count, resolve });
      this.waiters.set(chatId, list);
    });
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async answer(req: IncomingMessage): Promise<unknown> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const method = (req.url ?? '').split('/').pop() ?? '';
    this.calls.set(method, (this.calls.get(method) ?? 0) + 1);
    const text = Buffer.concat(chunks).toString('utf8');
    const params = (text.startsWith('{') ? JSON.parse(text) : {}) as { chat_id?: number | string; text?: string };
    switch (method) {
      case 'getMe':
        return { id: 1, is_bot: true, first_name: 'Bench', username: 'bench_bot' };
      case 'sendMessage': {
        const chatId = Number(params.chat_id);
        const messageId = this.nextMessageId++;
        this.lastMessageId.set(chatId, messageId);
        this.delivered(chatId);
        return { message_id: messageId, date: Math.floor(Date.now() / 1000), chat: { id: chatId, type: 'private' }, text: params.text };
      }
      default:
        return true;
    }
  }

  private delivered(chatId: number): void {
    const count = this.count(chatId) + 1;
    this.counts.set(chatId, count);
    const list = this.waiters.get(chatId);
    if (!list) return;
    const still = list.filter((w) => (w.count <= count ? (w.resolve(), false) : true));
    if (still.length) this.waiters.set(chatId, still);
    else this.waiters.delete(chatId);
  }
}
