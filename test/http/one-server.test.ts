import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/fake-telegram/free-port.ts';
import { textOf } from '../support/telegram-test-bot.ts';
import { TELEGRAM_ADMIN_ID, ZALO_ADMIN_ID, ZaloTestBot, zaloTextOf } from '../support/zalo-test-bot.ts';

/**
 * One bot process with Telegram and Zalo both in webhook mode: one HTTP server (one port) takes
 * both webhooks, each with its own secret header, and answers the same status codes.
 */
const TG_SECRET = 'telegram_secret_0123456789';
const ZALO_SECRET = 'zalo_secret_0123456789abc';
const METRICS_TOKEN = 'metrics_token_0123456789';

let zb: ZaloTestBot;
let port: number;
beforeAll(async () => {
  port = await freePort();
  zb = await ZaloTestBot.start({
    telegram: true,
    env: {
      HTTP_PORT: String(port),
      HTTP_HOST: '127.0.0.1',
      TELEGRAM_MODE: 'webhook',
      TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${port}`,
      TELEGRAM_WEBHOOK_SECRET: TG_SECRET,
      ZALO_MODE: 'webhook',
      ZALO_WEBHOOK_URL: `http://127.0.0.1:${port}/zalo`,
      ZALO_WEBHOOK_SECRET: ZALO_SECRET,
      METRICS_TOKEN: METRICS_TOKEN,
    },
  });
});
afterAll(async () => {
  await zb?.close();
});

const post = (path: string, headers: Record<string, string>, body = '{}') =>
  fetch(`http://127.0.0.1:${port}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

describe('one HTTP server for both webhooks', () => {
  it('registers both webhooks at the one address and handles what each platform posts', async () => {
    expect(zb.bot.http?.port).toBe(port);
    expect(zb.zalo.webhook).toEqual({ url: `http://127.0.0.1:${port}/zalo`, secretToken: ZALO_SECRET });
    expect(textOf(await zb.tgSay(TELEGRAM_ADMIN_ID, '/start', 'Admin'))).toContain('/donvi');
    expect(zaloTextOf(await zb.say(ZALO_ADMIN_ID, '/start', 'Admin'))).toContain('/donvi');
  });

  it('checks each webhook against its own secret (the other platform’s secret is refused)', async () => {
    expect((await post('/telegram', { 'x-telegram-bot-api-secret-token': ZALO_SECRET })).status).toBe(401);
    expect((await post('/zalo', { 'x-bot-api-secret-token': TG_SECRET })).status).toBe(401);
    expect((await post('/zalo', { 'x-telegram-bot-api-secret-token': ZALO_SECRET })).status).toBe(401);
    expect((await post('/telegram', { 'x-telegram-bot-api-secret-token': TG_SECRET }, '[]')).status).toBe(400);
    expect((await post('/zalo', { 'x-bot-api-secret-token': ZALO_SECRET }, '{"x":1}')).status).toBe(400);
    expect((await fetch(`http://127.0.0.1:${port}/zalo`)).status).toBe(405);
    expect((await post('/nowhere', {})).status).toBe(404);
  });
});

/** One sample's value from the Prometheus text, or undefined when absent. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    const match = /^([a-z_]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = (match[2] ?? '').split(',');
    if (wanted.every((w) => present.includes(w))) return Number(match[3]);
  }
  return undefined;
}

const scrape = async () => {
  const response = await fetch(`http://127.0.0.1:${port}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/plain');
  return response.text();
};

describe('/healthz and /metrics', () => {
  it('/healthz is 200 with Redis, the reminder worker and each channel’s last delivery', async () => {
    await zb.tgSay(TELEGRAM_ADMIN_ID, '/trogiup');
    const response = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      status: string;
      redis: { ok: boolean };
      reminders: { ok: boolean };
      channels: Record<string, Record<string, unknown>>;
    };
    expect(body).toMatchObject({ status: 'ok', redis: { ok: true }, reminders: { ok: true } });
    expect(body.channels.telegram).toMatchObject({ ok: true, mode: 'webhook' });
    expect(Date.parse(String(body.channels.telegram?.lastReceivedAt))).toBeGreaterThan(0);
    expect(Date.parse(String(body.channels.telegram?.lastSentAt))).toBeGreaterThan(0);
    expect(body.channels.zalo).toMatchObject({ ok: true, mode: 'webhook' });
  });

  it('/metrics asks for its own token', async () => {
    expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(401);
    const wrong = await fetch(`http://127.0.0.1:${port}/metrics`, { headers: { authorization: `Bearer ${TG_SECRET}` } });
    expect(wrong.status).toBe(401);
  });

  it('/metrics counts updates by channel and kind, latency, outbound messages, questions and queue depth', async () => {
    const before = await scrape();
    const commands = (text: string, channel: string) =>
      sample(text, 'doanbot_updates_total', { channel, kind: 'command', outcome: 'handled' }) ?? 0;
    const answered = (text: string) => sample(text, 'doanbot_qa_answers_total', { outcome: 'answered' }) ?? 0;
    const uncertain = (text: string) => sample(text, 'doanbot_qa_answers_total', { outcome: 'uncertain' }) ?? 0;

    await zb.tgSay(TELEGRAM_ADMIN_ID, '/hoi Báo cáo 6 tháng gửi trước ngày nào?');
    await zb.tgSay(TELEGRAM_ADMIN_ID, '/hoi Con mèo nhà ai màu gì?');
    await zb.say(ZALO_ADMIN_ID, '/trogiup');
    await zb.settle();
    const after = await scrape();

    expect(commands(after, 'telegram') - commands(before, 'telegram')).toBe(2);
    expect(commands(after, 'zalo') - commands(before, 'zalo')).toBe(1);
    expect(answered(after) - answered(before)).toBe(1);
    expect(uncertain(after) - uncertain(before)).toBe(1);
    expect(sample(after, 'doanbot_update_handling_seconds_count', { channel: 'telegram' })).toBeGreaterThanOrEqual(3);
    expect(sample(after, 'doanbot_outbox_messages_total', { channel: 'telegram', outcome: 'sent' })).toBeGreaterThanOrEqual(3);
    expect(sample(after, 'doanbot_outbox_messages_total', { channel: 'zalo', outcome: 'failed_permanent' })).toBe(0);
    expect(sample(after, 'doanbot_queue_depth', { queue: 'outbox_telegram', state: 'queued' })).toBe(0);
    // The demo plan's deadlines are ahead: their reminders wait as delayed jobs.
    expect(sample(after, 'doanbot_queue_depth', { queue: 'reminders', state: 'delayed' })).toBeGreaterThan(0);
    expect(after).toContain('# TYPE doanbot_reminder_jobs_total counter');
    expect(after).toContain('doanbot_process_resident_memory_bytes');
  });
});
