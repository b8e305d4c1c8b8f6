import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createRootLogger, REDACTED } from '../../src/app/logger.ts';
import { loadConfig } from '../../src/config/config.ts';

const TELEGRAM_TOKEN = '7012345678:AAFakeTelegramTokenForTheLogTest_x1';
const ZALO_TOKEN = '3141592653:ZaloFakeTokenForTheLogTest';
const TG_SECRET = 'tg_webhook_secret_0123456789';
const ZALO_SECRET = 'zalo_webhook_secret_0123456789';
const METRICS_TOKEN = 'metrics_token_0123456789';
const REDIS_PASSWORD = 'r3dis p@ss"word';

const env = {
  TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN,
  TELEGRAM_MODE: 'webhook',
  TELEGRAM_WEBHOOK_URL: 'https://bot.example.org',
  TELEGRAM_WEBHOOK_SECRET: TG_SECRET,
  ZALO_BOT_TOKEN: ZALO_TOKEN,
  ZALO_MODE: 'webhook',
  ZALO_WEBHOOK_URL: 'https://bot.example.org/zalo',
  ZALO_WEBHOOK_SECRET: ZALO_SECRET,
  METRICS_TOKEN,
  REDIS_URL: `redis://doanbot:${encodeURIComponent(REDIS_PASSWORD)}@redis.internal:6379/0`,
  LOG_LEVEL: 'debug',
};

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { lines, stream };
}

describe('log redaction', () => {
  it('writes no token, webhook secret, metrics token or Redis password, whatever logs them', () => {
    const config = loadConfig(env);
    const { lines, stream } = capture();
    const logger = createRootLogger(config, stream);
    const child = logger.child({ component: 'test' }).child({ channel: 'telegram' });

    logger.info({ config }, 'the whole configuration');
    logger.info({ env }, 'the environment, under names the redaction paths do not know');
    child.warn({ req: { headers: { 'x-telegram-bot-api-secret-token': TG_SECRET, 'x-bot-api-secret-token': ZALO_SECRET } } }, 'headers');
    child.error({ err: new Error(`request to https://api.telegram.org/bot${TELEGRAM_TOKEN}/getMe failed`) }, 'Bot API error');
    child.error({ url: `https://bot-api.zaloplatforms.com/bot${ZALO_TOKEN}/sendMessage` }, 'Zalo call');
    logger.info({ redis: env.REDIS_URL, password: REDIS_PASSWORD, authorization: `Bearer ${METRICS_TOKEN}` }, 'redis');
    logger.info(`plain message with ${TELEGRAM_TOKEN} and ${REDIS_PASSWORD}`);

    const output = lines.join('');
    expect(lines).toHaveLength(7);
    for (const secret of [TELEGRAM_TOKEN, ZALO_TOKEN, TG_SECRET, ZALO_SECRET, METRICS_TOKEN, REDIS_PASSWORD]) {
      expect(output).not.toContain(secret);
      expect(output).not.toContain(JSON.stringify(secret).slice(1, -1));
      expect(output).not.toContain(encodeURIComponent(secret));
    }
    // Still readable JSON, with the secrets' places marked.
    for (const line of lines) expect(() => JSON.parse(line) as unknown).not.toThrow();
    expect(output).toContain(REDACTED);
    expect(output).toContain('https://api.telegram.org/bot[redacted]/getMe');
    expect(output).toContain('redis.internal:6379');
  });
});
