import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ID, TelegramTestBot, textOf } from '../support/telegram-test-bot.ts';
import { localTime, queueDrained, remindersTo, secondsAhead, tempBundle } from '../reminders/support.ts';

/** A Bot API that answers 429 with retry_after: reminders come later, none is lost or doubled. */
const OFFICERS = Array.from({ length: 10 }, (_, i) => 2301 + i);
const bundle = tempBundle([{ id: 'r3', reminders: ['-PT3S', 'PT0S'], summaries: [] }]);

let tb: TelegramTestBot;
beforeAll(async () => {
  tb = await TelegramTestBot.start(bundle.env);
  for (const [i, id] of OFFICERS.entries()) await tb.enrol(id, `HD0${(i % 5) + 1}`);
});
afterAll(async () => {
  await tb?.close();
  bundle.cleanup();
});

describe('reminders under rate limiting', () => {
  it('are delayed by 429 retry_after but all delivered once', async () => {
    const deadline = secondsAhead(5_000);
    expect(textOf(await tb.say(ADMIN_ID, `/giahan r3 ${localTime(deadline)}`))).toContain('Đã dời hạn');
    tb.fake.rateLimit({ perSecond: 4, retryAfter: 1 });
    await queueDrained(tb.prefix, 'r3', 25_000);
    await tb.settle();
    for (const id of OFFICERS) expect(remindersTo([tb.fake], id), `officer ${id}`).toHaveLength(2);
    expect(tb.bot.app.outbox.stats.rateLimited).toBeGreaterThan(0);
    expect(tb.bot.app.outbox.stats.failedTransient + tb.bot.app.outbox.stats.failedPermanent).toBe(0);
    const last = Math.max(...OFFICERS.map((id) => remindersTo([tb.fake], id)[1]!.at));
    expect(last).toBeGreaterThan(deadline + 1_000); // the second batch waited for retry_after
  });
});
