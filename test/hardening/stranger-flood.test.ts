import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_ID, TelegramTestBot, textOf } from '../support/telegram-test-bot.ts';

/** The default sending budget of a Telegram bot (TELEGRAM_RATE_GLOBAL_PER_SEC). */
const PER_SECOND = 30;
/** The target: an admin's reply within 3 s during the flood. */
const TARGET_SECONDS = 3;
/** At the default rate, the admin's reply must be among this many messages sent after the admin wrote. */
const WITHIN = PER_SECOND * TARGET_SECONDS - 1;

describe('a flood of strangers', () => {
  let tb: TelegramTestBot | undefined;
  afterEach(async () => {
    // What the flood left queued is given up rather than sent for another minute.
    await tb?.bot.app.outbox.close();
    await tb?.close();
    tb = undefined;
  });

  it(`lets an admin's reply through among the first ${WITHIN} messages sent during 2,000 messages from 1,000 strangers`, async () => {
    // The real per-chat limit (1 a second), as in production; the fake answers 429 above 30 a second.
    tb = await TelegramTestBot.start({ TELEGRAM_RATE_PER_CHAT_PER_SEC: '1' });
    const { fake } = tb;
    await tb.say(ADMIN_ID, '/trogiup', 'Admin');
    fake.rateLimit({ perSecond: PER_SECOND });

    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 1000; i++) fake.sendText({ userId: 500_000 + i, text: round === 0 ? 'xin chào' : 'alo alo' });
    }
    // The flood is under way: the sending budget is spent on strangers.
    await fake.waitFor((sent) => sent.length >= 60, 20_000);

    const before = fake.sent.length;
    fake.sendText({ userId: ADMIN_ID, text: '/tinhhinh', firstName: 'Admin' });
    const toAdmin = (sent: typeof fake.sent) =>
      sent.findIndex((s, i) => i >= before && s.chatId === String(ADMIN_ID) && s.method === 'sendMessage');
    // Until the reply comes, or clearly too late (then the assertion below says by how much).
    await fake.waitFor((sent) => toAdmin(sent) >= 0 || sent.length - before > 2 * WITHIN, 40_000);
    const at = toAdmin(fake.sent);
    expect(at, `no reply to the admin among the ${fake.sent.length - before} messages sent after they wrote`).toBeGreaterThanOrEqual(0);
    const reply = fake.sent[at]!;
    const position = at - before + 1;

    expect(textOf([reply])).not.toBe('');
    // Sends are paced at PER_SECOND a second, so the position bounds the wait without timing anything.
    expect(position, `admin's reply was message ${position} sent after the admin wrote`).toBeLessThanOrEqual(WITHIN);
    expect(fake.sent.filter((s) => s.chatId !== String(ADMIN_ID)).length).toBeLessThan(2000);
  }, 90_000);
});
