import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TelegramTestBot, textOf } from '../support/telegram-test-bot.ts';

const LEADER = 8101;
let tb: TelegramTestBot;
beforeAll(async () => {
  tb = await TelegramTestBot.start();
  await tb.enrol(LEADER, 'TINH', 'lanhdao');
});
afterAll(async () => {
  await tb?.close();
});

describe('/giahan with a wrong date', () => {
  it.each([
    ['/giahan 6thang-2027 31/2/2027', /không phải là một ngày có thật/],
    ['/giahan 6thang-2027 01/01/2020', /đã qua/],
    ['/giahan', /Cách dùng: \/giahan/],
  ])('%s gets a clear answer and changes nothing', async (command, answer) => {
    const before = await tb.bot.app.stores.periods.get('6thang-2027');
    expect(textOf(await tb.say(LEADER, command))).toMatch(answer);
    expect(await tb.bot.app.stores.periods.get('6thang-2027')).toEqual(before);
  });
});
