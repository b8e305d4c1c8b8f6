import { afterAll, afterEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import { RedisSenderLimiter } from '../../src/infra/redis-sender-limiter.ts';
import { TelegramTestBot, textOf } from '../support/telegram-test-bot.ts';
import { connectTestRedis, deleteByPrefix, uniquePrefix } from '../support/redis.ts';
import { Translator } from '../../src/i18n/translator.ts';

const redis = connectTestRedis();
const prefix = uniquePrefix('hardening-limit');
afterAll(async () => {
  await deleteByPrefix(redis, prefix);
  await redis.quit();
});

describe('the per-sender inbound limit', () => {
  it('lets a budget through, says "over" once, then drops silently; members have their own budget', async () => {
    const limiter = new RedisSenderLimiter(redis, `${prefix}a`, { stranger: 3, member: 5 }, pino({ level: 'silent' }));
    const verdicts = [];
    for (let i = 0; i < 6; i++) verdicts.push(await limiter.consume('telegram:1', 'stranger'));
    expect(verdicts).toEqual(['ok', 'ok', 'ok', 'first_over', 'over', 'over']);
    expect(await limiter.consume('telegram:2', 'stranger')).toBe('ok');
    const member = [];
    for (let i = 0; i < 6; i++) member.push(await limiter.consume('telegram:3', 'member'));
    expect(member).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'first_over']);
  });

  it('is shared by two processes on one Redis', async () => {
    const make = () => new RedisSenderLimiter(redis, `${prefix}b`, { stranger: 2, member: 0 }, pino({ level: 'silent' }));
    const [one, two] = [make(), make()];
    expect([
      await one.consume('zalo:9', 'stranger'),
      await two.consume('zalo:9', 'stranger'),
      await one.consume('zalo:9', 'stranger'),
    ]).toEqual(['ok', 'ok', 'first_over']);
    // A budget of 0 is no limit.
    for (let i = 0; i < 5; i++) expect(await one.consume('zalo:9', 'member')).toBe('ok');
  });
});

describe('a stranger who writes too much', () => {
  let tb: TelegramTestBot | undefined;
  afterEach(async () => {
    await tb?.close();
    tb = undefined;
  });

  it('gets answers up to the budget, one notice, and nothing more', async () => {
    tb = await TelegramTestBot.start({ INBOUND_STRANGER_PER_MIN: '5' });
    for (let i = 0; i < 12; i++) tb.fake.sendText({ userId: 777, text: `tin ${i}` });
    await tb.fake.waitFor((sent) => sent.filter((s) => s.chatId === '777').length >= 6);
    await tb.settle();
    const replies = tb.fake.messagesTo(777);
    const notice = Translator.fromDirectory('locales').t('vi', 'core.errors.too_many');
    expect(replies).toHaveLength(6);
    expect(textOf(replies).split(notice).length - 1).toBe(1);
  });
});
