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
