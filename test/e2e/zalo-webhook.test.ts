import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Translator } from '../../src/i18n/translator.ts';
import { freePort } from '../support/fake-telegram/free-port.ts';
import { textUpdate } from '../support/fake-zalo/zalo-updates.ts';
import { ZALO_ADMIN_ID, ZaloTestBot, zaloTextOf } from '../support/zalo-test-bot.ts';

/**
 * The whole bot started with ZALO_MODE=webhook: it registers its address and secret with the fake
 * Zalo Bot API, handles what Zalo posts with the right secret (in either payload shape), refuses
 * and ignores requests with a wrong or missing secret, and handles a duplicate delivery once.
 */
const SECRET = 'zalo_webhook_secret_0123456789';
const t = Translator.fromDirectory('locales');

let zb: ZaloTestBot;
let url: string;
beforeAll(async () => {
  const port = await freePort();
  url = `http://127.0.0.1:${port}/zalo`;
  zb = await ZaloTestBot.start({
    env: { ZALO_MODE: 'webhook', ZALO_WEBHOOK_URL: url, ZALO_WEBHOOK_PORT: String(port), ZALO_WEBHOOK_SECRET: SECRET },
  });
});
afterAll(async () => {
  await zb?.close();
});

describe('Zalo webhook mode through startBot', () => {
  it('registers the webhook with its secret token at start-up, and does not poll', () => {
    expect(zb.zalo.webhook).toEqual({ url, secretToken: SECRET });
    expect(zb.zalo.calls.find((c) => c.method === 'setWebhook')?.body).toMatchObject({ url, secret_token: SECRET });
    expect(zb.zalo.callCount('getUpdates')).toBe(0);
  });

  it('handles a delivery carrying the right secret', async () => {
    expect(zaloTextOf(await zb.say(ZALO_ADMIN_ID, '/start', 'Admin'))).toContain('/donvi');
    // The webhook is answered once the update is handled, which can be just after the reply went out.
    expect(await zb.zalo.waitFor(() => zb.zalo.webhookStatuses.at(-1))).toBe(200);
  });

  it('handles the wrapped {ok, result} payload shape as well as the bare one', async () => {
    const before = zb.zalo.messagesTo(ZALO_ADMIN_ID).length;
    const status = await zb.zalo.postToWebhook(
      textUpdate({ userId: ZALO_ADMIN_ID, text: '/donvi them HD07 Đơn vị bảy' }),
      undefined,
      'wrapped',
    );
    expect(status).toBe(200);
    await zb.zalo.waitFor(() => zb.zalo.messagesTo(ZALO_ADMIN_ID).length > before);
    await zb.settle();
    expect(zaloTextOf(zb.zalo.messagesTo(ZALO_ADMIN_ID).slice(before))).toContain(
      t.t('vi', 'units.added', { code: 'HD07', name: 'Đơn vị bảy' }),
    );
  });

  it('refuses a request with a wrong or missing secret and processes nothing in it', async () => {
    const sender = 'zw9001';
    const update = textUpdate({ userId: sender, text: '/start' });
    expect(await zb.zalo.postToWebhook(update, 'not_the_secret_0123456789')).toBe(401);
    expect(await zb.zalo.postToWebhook(update, null)).toBe(401);
    expect(await zb.zalo.postToWebhook(update, `${SECRET}x`)).toBe(401);

    // The same update with the right secret is new to the bot: the refused ones were not even recorded.
    const before = zb.zalo.messagesTo(sender).length;
    expect(before).toBe(0);
    expect(await zb.zalo.postToWebhook(update)).toBe(200);
    await zb.zalo.waitFor(() => zb.zalo.messagesTo(sender).length > 0);
    await zb.settle();
    expect(zaloTextOf(zb.zalo.messagesTo(sender))).toContain(t.t('vi', 'core.welcome'));
    expect(zb.zalo.messagesTo(sender).filter((m) => m.text?.includes(t.t('vi', 'core.welcome')))).toHaveLength(1);
  });

  it('handles a duplicate delivery (same message_id) once', async () => {
    const update = textUpdate({ userId: ZALO_ADMIN_ID, text: '/donvi them HD09 Đơn vị chín' });
    const before = zb.zalo.messagesTo(ZALO_ADMIN_ID).length;
    expect(await zb.zalo.postToWebhook(update)).toBe(200);
    expect(await zb.zalo.postToWebhook(update)).toBe(200);
    // A later message in the same chat is handled after both deliveries (one chat, in order).
    const list = zaloTextOf(await zb.say(ZALO_ADMIN_ID, '/donvi ds'));
    expect(list).toContain('HD09');
    const replies = zaloTextOf(zb.zalo.messagesTo(ZALO_ADMIN_ID).slice(before));
    expect(replies.split(t.t('vi', 'units.added', { code: 'HD09', name: 'Đơn vị chín' })).length - 1).toBe(1);
    expect(replies).not.toContain(t.t('vi', 'units.exists', { code: 'HD09' }));
  });
});
