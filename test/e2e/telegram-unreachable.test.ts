import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ID, TelegramTestBot, textOf } from '../support/telegram-test-bot.ts';

const OFFICER = 9001;
let tb: TelegramTestBot;
beforeAll(async () => {
  tb = await TelegramTestBot.start();
  await tb.enrol(OFFICER, 'HD01');
});
afterAll(async () => {
  await tb?.close();
});

describe('a person who blocked the bot', () => {
  it('is marked unreachable when Telegram answers 403, and leaders see it', async () => {
    tb.fake.failNext('sendMessage', { status: 403, description: 'Forbidden: bot was blocked by the user' });
    await tb.bot.app.outbox.send({ channel: 'telegram', chatId: String(OFFICER), kind: 'private' }, { type: 'text', text: 'Nhắc hạn' });
    const person = await tb.bot.app.stores.people.findByIdentity('telegram', String(OFFICER));
    expect(person?.unreachable).toMatchObject({ channel: 'telegram', reason: 'blocked' });
    expect(textOf(await tb.say(ADMIN_ID, '/nguoi ds'))).toMatch(/không liên lạc được/);
    expect(textOf(await tb.say(ADMIN_ID, '/tinhhinh'))).toMatch(/Không liên lạc được: Người 9001/);
  });

  it('is reachable again once they write to the bot', async () => {
    await tb.say(OFFICER, '/trogiup');
    const person = await tb.bot.app.stores.people.findByIdentity('telegram', String(OFFICER));
    expect(person?.unreachable).toBeUndefined();
  });
});
