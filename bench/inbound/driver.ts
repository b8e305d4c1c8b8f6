import { Agent, request } from 'node:http';
import type { FakeBotApi } from './fake-bot-api.ts';

/** One step of the report: a text (or command) typed, or a button pressed. */
export type Step = { text: string } | { press: string };

/** The report of every simulated officer: the same answers a test officer gives (test/e2e/telegram-report-loop). */
export const REPORT_SCRIPT: Step[] = [
  { text: '/baocao' },
  { press: 'period:6thang-2027' },
  ...['4', '300', '0', '2', '40', '1, 2', '2', '0', '1', '0', 'không', 'bỏ qua', 'bỏ qua', 'bỏ qua', 'gửi'].map((text) => ({ text })),
];

/** Posts updates to one bot's webhook as Telegram would. */
export class WebhookClient {
  private updateId: number;
  /**
   * node:http with keep-alive rather than fetch(): the driver shares the machine's two cores with the
   * bot under test, and fetch costs several times more CPU per request than the bots it measures.
   */
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 2048 });
  private readonly target: URL;

  constructor(
    url: string,
    private readonly secret: string,
    private readonly api: FakeBotApi,
    /** Update ids start here: every client of one run posts as the same bot, so their ids must not meet. */
    firstUpdateId = 1,
  ) {
    this.updateId = firstUpdateId;
    this.target = new URL(url);
  }

  async send(userId: number, step: Step): Promise<void> {
    const from = { id: userId, is_bot: false, first_name: `Officer ${userId}`, language_code: 'vi' };
    const chat = { id: userId, type: 'private', first_name: from.first_name };
    const date = Math.floor(Date.now() / 1000);
    const update_id = this.updateId++;
    const update =
      'press' in step
        ? {
            update_id,
            callback_query: {
              id: String(update_id),
              from,
              chat_instance: String(userId),
              data: step.press,
              message: { message_id: this.api.lastMessage(userId), date, chat, text: '…' },
            },
          }
        : {
            update_id,
            message: {
              message_id: update_id,
              date,
              chat,
              from,
              text: step.text,
              ...(step.text.startsWith('/') && { entities: [{ type: 'bot_command', offset: 0, length: step.text.split(' ')[0]!.length }] }),
            },
          };
    const body = JSON.stringify(update);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          agent: this.agent,
          host: this.target.hostname,
          port: this.target.port,
          path: this.target.pathname,
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'x-telegram-bot-api-secret-token': this.secret,
          },
        },
        (res) => {
          res.resume();
          res.once('end', () => resolve(res.statusCode ?? 0));
          res.once('error', reject);
        },
      );
      req.once('error', reject);
      req.end(body);
    });
    if (status < 200 || status >= 300) throw new Error(`webhook answered ${status}`);
  }

  close(): void {
    this.agent.destroy();
  }
}

/**
 * How many messages the bot sends for each step, found by running the script once for one officer
 * and waiting after each step until nothing more comes for `quietMs`.
 */
export async function calibrate(client: WebhookClient, api: FakeBotApi, userId: number, quietMs = 300): Promise<number[]> {
  const counts: number[] = [];
  for (const step of REPORT_SCRIPT) {
    const before = api.count(userId);
    await client.send(userId, step);
    let seen = -1;
    while (seen !== api.count(userId) || api.count(userId) === before) {
      seen = api.count(userId);
      await new Promise((resolve) => setTimeout(resolve, quietMs));
    }
    counts.push(api.count(userId) - before);
  }
  return counts;
}

export interface LoopResult {
  updates: number;
  seconds: number;
  latenciesMs: number[];
}

/**
 * A closed loop: `concurrency` officers at a time each go through the whole report, sending the next
 * step only once the bot's reply to the previous one has arrived; `reports` reports in all, each by
 * an officer of its own (`firstUserId` onwards).
 */
export async function closedLoop(
  client: WebhookClient,
  api: FakeBotApi,
  expected: number[],
  options: { concurrency: number; reports: number; firstUserId: number },
): Promise<LoopResult> {
  const latenciesMs: number[] = [];
  let next = 0;
  const started = performance.now();
  async function officer(): Promise<void> {
    while (next < options.reports) {
      const userId = options.firstUserId + next++;
      for (const [i, step] of REPORT_SCRIPT.entries()) {
        const target = api.count(userId) + (expected[i] ?? 1);
        const sent = performance.now();
        await client.send(userId, step);
        await api.waitFor(userId, target);
        latenciesMs.push(performance.now() - sent);
      }
    }
  }
  await Promise.all(Array.from({ length: options.concurrency }, officer));
  return { updates: latenciesMs.length, seconds: (performance.now() - started) / 1000, latenciesMs };
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
