/**
 * The outbound benchmark: reminders to distinct people through the Outbox and the real Telegram
 * adapter, to the fake Bot API on 127.0.0.1 enforcing 30 messages a second with 429s. Lost and
 * duplicate messages are counted on the fake's side, from what it accepted.
 * `--count N` or BENCH_REMINDERS=N shortens it (default 10,000, about 6 minutes).
 */
import pino from 'pino';
import { TelegramAdapter } from '../src/channels/telegram/telegram-adapter.ts';
import { Outbox } from '../src/outbound/outbox.ts';
import { FakeTelegramServer } from '../test/support/fake-telegram/fake-telegram-server.ts';

const LIMIT_PER_SECOND = 30;
const DEFAULT_COUNT = 10_000;

/** `--count N`, `--count=N`, then BENCH_REMINDERS, then 10,000. */
function reminderCount(args: string[] = process.argv.slice(2)): number {
  const index = args.findIndex((a) => a === '--count' || a.startsWith('--count='));
  const raw = index === -1 ? process.env.BENCH_REMINDERS : (args[index]?.split('=')[1] ?? args[index + 1]);
  const count = raw === undefined ? DEFAULT_COUNT : Number(raw);
  if (!Number.isInteger(count) || count < 1) throw new Error(`reminder count must be a positive integer, got ${raw}`);
  return count;
}

export async function runOutboundBench(): Promise<string[]> {
  const count = reminderCount();
  const fake = await FakeTelegramServer.start();
  fake.rateLimit({ perSecond: LIMIT_PER_SECOND });
  // 429s (warn) and failures (error) are logged to stderr, apart from the results.
  const logger = pino({ level: 'warn' }, pino.destination(2));
  const adapter = new TelegramAdapter({ token: fake.token, apiRoot: fake.apiRoot, mode: { kind: 'polling' }, logger });
  const outbox = new Outbox([adapter], {
    logger,
    limits: { telegram: { globalPerSecond: LIMIT_PER_SECOND, perChatPerSecond: 1, perGroupPerMinute: 20 } },
  });
  try {
    const chatIds = Array.from({ length: count }, (_, i) => String(100_000 + i));
    const started = Date.now();
    const results = await Promise.all(
      chatIds.map((chatId, i) =>
        outbox.send({ channel: 'telegram', chatId, kind: 'private' }, { type: 'text', text: `Nhắc hạn báo cáo #${i}` }),
      ),
    );
    const finished = Date.now();

    const accepted = fake.sent.filter((s) => s.method === 'sendMessage');
    const seen = new Set(accepted.map((s) => `${s.chatId}|${s.text ?? ''}`));
    const expected = new Set(chatIds.map((chatId, i) => `${chatId}|Nhắc hạn báo cáo #${i}`));
    const lost = [...expected].filter((key) => !seen.has(key)).length;
    const duplicates = accepted.length - seen.size;
    const times = accepted.map((s) => s.at);
    const span = (Math.max(...times) - Math.min(...times)) / 1000;
    // Arrivals per second between the first and the last, as the fake counted them.
    const rate = span > 0 ? (accepted.length - 1) / span : NaN;
    const failed = results.filter((r) => r.status === 'failed').length;
    const verdict = (ok: boolean): string => (ok ? 'ok' : 'MISSED');
    return [
      `${count} reminders to ${count} chats: Outbox → TelegramAdapter → fake Bot API at ${LIMIT_PER_SECOND}/s (429 beyond)`,
      `  achieved rate:   ${rate.toFixed(2)} msg/s = ${(rate / LIMIT_PER_SECOND).toFixed(3)} × limit  (goal ≥ 0.95: ${verdict(rate / LIMIT_PER_SECOND >= 0.95)})`,
      `  429 answers:     ${outbox.stats.rateLimited}`,
      `  lost:            ${lost}  (goal 0: ${verdict(lost === 0)})`,
      `  duplicates:      ${duplicates}  (goal 0: ${verdict(duplicates === 0)})`,
      `  outbox:          sent ${outbox.stats.sent}, retried ${outbox.stats.retried}, failed ${failed}`,
      `  wall time:       ${((finished - started) / 1000).toFixed(1)} s`,
    ];
  } finally {
    await outbox.close();
    await fake.close();
  }
}
