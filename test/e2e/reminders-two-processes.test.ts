import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ID, TelegramTestBot, textOf } from '../support/telegram-test-bot.ts';
import { eventually, localTime, messagesStarting, queueDrained, remindersTo, secondsAhead, tempBundle } from '../reminders/support.ts';

/**
 * Two bot processes on one Redis (same REDIS_PREFIX, each with its own fake Bot API): both plan the
 * same reminders and both workers take jobs, yet every reminder and summary goes out once in total.
 */
const GROUP_ID = -100600;
const LEADER = 3100;
const OFFICERS = [2101, 2102, 2103, 2104];
const bundle = tempBundle([{ id: 'r2', reminders: ['-PT4S', '-PT2S', 'PT0S', 'PT2S'], summaries: ['PT0S'] }]);

let a: TelegramTestBot;
let b: TelegramTestBot;
beforeAll(async () => {
  a = await TelegramTestBot.start(bundle.env);
  b = await TelegramTestBot.start({ ...bundle.env, REDIS_PREFIX: a.prefix });
  for (const [i, id] of OFFICERS.entries()) await a.enrol(id, `HD0${(i % 2) + 1}`);
  await a.enrol(LEADER, 'TINH', 'lanhdao');
  await a.sayInGroup(ADMIN_ID, GROUP_ID, '/nhom');
});
afterAll(async () => {
  await b?.close();
  await a?.close();
  bundle.cleanup();
});

describe('two processes on one Redis', () => {
  it('send every reminder, escalation and summary once', async () => {
    const deadline = secondsAhead(6_000);
    expect(textOf(await a.say(LEADER, `/giahan r2 ${localTime(deadline)}`))).toContain('Đã dời hạn');
    // The other process plans the same period too, as it would on a change it saw.
    const period = await b.bot.app.stores.periods.get('r2');
    await b.bot.app.hooks.periodChanged?.(period!);
    await eventually('the escalation', () => messagesStarting([a.fake, b.fake], LEADER, '🔔').length > 0);
    await queueDrained(a.prefix, 'r2');
    await Promise.all([a.settle(), b.settle()]);

    const fakes = [a.fake, b.fake];
    for (const id of OFFICERS) expect(remindersTo(fakes, id), `officer ${id}`).toHaveLength(4);
    expect(messagesStarting(fakes, LEADER, '🔔')).toHaveLength(1);
    expect(messagesStarting(fakes, GROUP_ID, '📊')).toHaveLength(1);
  });
});
