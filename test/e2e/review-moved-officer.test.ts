import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ID, TelegramTestBot, textOf } from '../support/telegram-test-bot.ts';

/**
 * An officer put in the wrong unit starts a report, the admin moves them to the right unit, and the
 * officer finishes the form: nothing may be stored for the unit they no longer belong to.
 */
const OFFICER = 2001;
let tb: TelegramTestBot;
beforeAll(async () => {
  tb = await TelegramTestBot.start();
});
afterAll(async () => {
  await tb?.close();
});

describe('a report in progress when its officer changes unit', () => {
  it('is not submitted for the former unit', async () => {
    await tb.enrol(OFFICER, 'HD01');
    await tb.say(ADMIN_ID, '/donvi them HD02 Đơn vị HD02', 'Admin');
    await tb.say(OFFICER, '/baocao');
    await tb.press(OFFICER, 'period:6thang-2027');
    for (const answer of ['12', '1200', '2', '12', '0', '5', '8', '3', '1,5']) await tb.say(OFFICER, answer);
    await tb.press(OFFICER, 'yes');
    for (const answer of ['Nguyễn Văn A', 'bỏ qua', 'bỏ qua']) await tb.say(OFFICER, answer);

    const person = await tb.bot.app.stores.people.findByIdentity('telegram', String(OFFICER));
    expect(person?.unitCode).toBe('HD01');
    expect(textOf(await tb.say(ADMIN_ID, `/nguoi chuyen ${person?.id} HD02`))).toContain('HD02');

    const reply = textOf(await tb.press(OFFICER, 'submit'));
    const reports = tb.bot.app.stores.reports;
    expect(await reports.latest('6thang-2027', 'HD01')).toBeNull();
    expect(await reports.latest('6thang-2027', 'HD02')).toBeNull();
    expect(reply).toContain('/baocao');
  });
});
