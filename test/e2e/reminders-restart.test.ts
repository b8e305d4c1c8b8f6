import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitUntil } from '../../src/infra/wait-until.ts';
import { ADMIN_ID, TelegramTestBot, textOf } from '../support/telegram-test-bot.ts';
import { eventually, localTime, messagesStarting, queueDrained, remindersTo, secondsAhead, tempBundle } from '../reminders/support.ts';

/**
 * Restarts across reminder times: a reminder due while the bot was down is sent once when it comes back;
 * when a later reminder of the same period is due too, only the later one is sent (the earlier is stale).
 */
const GROUP_ID = -100700;
const OFFICER = 2201;
const OFFSETS = { reminders: ['-PT6S', '-PT3S', 'PT0S'], summaries: ['PT0S'] };
const bundle = tempBundle([
  { id: 'once', ...OFFSETS },
  { id: 'later', ...OFFSETS },
]);

let tb: TelegramTestBot;
beforeAll(async () => {
  tb = await TelegramTestBot.start(bundle.env);
  await tb.enrol(OFFICER, 'HD01');
  await tb.sayInGroup(ADMIN_ID, GROUP_ID, '/nhom');
});
afterAll(async () => {
  await tb?.close();
  bundle.cleanup();
});

/** Stays down until `at` has passed. */
const downUntil = (at: number) => async () => {
  await waitUntil(() => Date.now() > at, { timeoutMs: 20_000 });
};
const about = (period: string) => (m: { text?: string }) => (m.text ?? '').includes(`Báo cáo thử ${period}`);

describe('reminders across restarts', () => {
  it('sends a reminder that fell due while the bot was down once it is back, and nothing twice', async () => {
    const deadline = secondsAhead(8_000);
    await tb.say(ADMIN_ID, `/giahan once ${localTime(deadline)}`);
    await eventually('the first reminder', () => remindersTo([tb.fake], OFFICER).filter(about('once')).length === 1);
    await tb.restart(downUntil(deadline - 3_000 + 300));
    await eventually('the summary', () => messagesStarting([tb.fake], GROUP_ID, '📊').some(about('once')));
    await queueDrained(tb.prefix, 'once');
    await tb.restart(); // a second restart re-plans the period and sends nothing again
    await tb.settle();
    const got = remindersTo([tb.fake], OFFICER).filter(about('once'));
    expect(got).toHaveLength(3);
    expect(got[1]!.at).toBeGreaterThan(deadline - 3_000);
    expect(messagesStarting([tb.fake], GROUP_ID, '📊').filter(about('once'))).toHaveLength(1);
  });

  it('skips a missed reminder when a later one of the same period is also due', async () => {
    const deadline = secondsAhead(8_000);
    expect(textOf(await tb.say(ADMIN_ID, `/giahan later ${localTime(deadline)}`))).toContain('Đã dời hạn');
    await tb.restart(downUntil(deadline + 300));
    await eventually('the summary', () => messagesStarting([tb.fake], GROUP_ID, '📊').some(about('later')));
    await queueDrained(tb.prefix, 'later');
    await tb.settle();
    const got = remindersTo([tb.fake], OFFICER).filter(about('later'));
    expect(got).toHaveLength(1);
    expect(got[0]!.at).toBeGreaterThan(deadline);
  });
});
