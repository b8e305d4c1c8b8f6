import { afterEach, describe, expect, it } from 'vitest';
import { Translator } from '../../src/i18n/translator.ts';
import { freePort } from '../support/fake-telegram/free-port.ts';
import { PrivateRedis } from '../support/private-redis.ts';
import { ADMIN_ID, TelegramTestBot } from '../support/telegram-test-bot.ts';
import { ZALO_ADMIN_ID, ZaloTestBot } from '../support/zalo-test-bot.ts';

/**
 * Redis stops while the bot runs (SIGKILL of a private redis-server). A webhook update is answered
 * 503 (never left hanging), so the platform delivers it again; once Redis is back the redelivered
 * update is handled, once. Over polling, where nothing is delivered again, the person is told
 * "Hệ thống đang bận, bạn thử lại sau ít phút".
 */
const SECRET = 'redis_down_secret_0123456789';
const t = Translator.fromDirectory('locales');
const BUSY = t.t('vi', 'service.busy');

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function update(updateId: number, text: string) {
  return {
    update_id: updateId,
    message: {
      message_id: updateId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: ADMIN_ID, type: 'private', first_name: 'Admin' },
      from: { id: ADMIN_ID, is_bot: false, first_name: 'Admin' },
      text,
    },
  };
}

describe('Redis down', () => {
  it('a Telegram webhook answers 503 and handles the redelivered update once Redis is back', async () => {
    const redis = await PrivateRedis.start();
    cleanups.push(() => redis.kill());
    const port = await freePort();
    const tb = await TelegramTestBot.start({
      REDIS_URL: redis.url,
      HTTP_PORT: String(port),
      HTTP_HOST: '127.0.0.1',
      TELEGRAM_MODE: 'webhook',
      TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${port}`,
      TELEGRAM_WEBHOOK_SECRET: SECRET,
    });
    cleanups.push(() => tb.close());

    expect((await tb.fake.postToWebhook(update(1, '/start'))).status).toBe(200);
    await tb.settle();
    const before = tb.fake.messagesTo(ADMIN_ID).length;
    expect(before).toBeGreaterThan(0);

    await redis.kill();
    expect((await tb.fake.postToWebhook(update(2, '/trogiup'))).status).toBe(503);
    expect((await tb.fake.postToWebhook(update(2, '/trogiup'))).status).toBe(503);
    await tb.settle();
    // Telegram will deliver it again: nothing is said meanwhile.
    expect(tb.fake.messagesTo(ADMIN_ID)).toHaveLength(before);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: 'unhealthy', redis: { ok: false } });

    await redis.restart();
    // Telegram's redelivery, until the bot takes it (it reconnects to Redis by itself).
    let status = 0;
    for (let attempt = 0; attempt < 100 && status !== 200; attempt++) {
      status = (await tb.fake.postToWebhook(update(2, '/trogiup'))).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(status).toBe(200);
    // The same update delivered once more is a duplicate.
    expect((await tb.fake.postToWebhook(update(2, '/trogiup'))).status).toBe(200);
    await tb.settle();
    const replies = tb.fake.messagesTo(ADMIN_ID).slice(before);
    expect(replies).toHaveLength(1);
    expect(replies[0]?.text).toContain('/donvi');
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
  }, 30_000);

  it('over Zalo polling the person is told the system is busy, once', async () => {
    const redis = await PrivateRedis.start();
    cleanups.push(() => redis.kill());
    const zb = await ZaloTestBot.start({ env: { REDIS_URL: redis.url } });
    cleanups.push(() => zb.close());
    cleanups.push(() => redis.restart());

    await redis.kill();
    zb.zalo.sendText({ userId: ZALO_ADMIN_ID, text: '/trogiup' });
    await zb.zalo.waitForMessage(ZALO_ADMIN_ID, BUSY);
    zb.zalo.sendText({ userId: ZALO_ADMIN_ID, text: '/trogiup' });
    await zb.zalo.waitFor(() => zb.zalo.pendingUpdates === 0);
    await zb.settle();
    expect(zb.zalo.textsTo(ZALO_ADMIN_ID).filter((text) => text.includes(BUSY))).toHaveLength(1);
  }, 30_000);
});
