import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../support/fake-telegram/free-port.ts';
import { ZALO_ADMIN_ID, ZaloTestBot, zaloTextOf } from '../support/zalo-test-bot.ts';

const SECRET = 'zalo_webhook_secret_0123456789';

describe('ZALO_WEBHOOK_URL', () => {
  let zb: ZaloTestBot | undefined;
  afterEach(async () => {
    await zb?.close();
    zb = undefined;
  });

  it.each([
    ['the base address', (port: number) => `http://127.0.0.1:${port}`],
    ['the base address with a trailing slash', (port: number) => `http://127.0.0.1:${port}/`],
    ['the full address', (port: number) => `http://127.0.0.1:${port}/zalo`],
  ])('may be %s: the webhook is registered at base + ZALO_WEBHOOK_PATH and works', async (_name, urlFor) => {
    const port = await freePort();
    zb = await ZaloTestBot.start({
      env: { ZALO_MODE: 'webhook', ZALO_WEBHOOK_URL: urlFor(port), ZALO_WEBHOOK_PORT: String(port), ZALO_WEBHOOK_SECRET: SECRET },
    });
    expect(zb.zalo.webhook?.url).toBe(`http://127.0.0.1:${port}/zalo`);
    expect(zaloTextOf(await zb.say(ZALO_ADMIN_ID, '/start', 'Admin'))).toContain('/donvi');
  });
});
