import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ID, TelegramTestBot, textOf } from '../support/telegram-test-bot.ts';

const GROUP_ID = -100777;
let tb: TelegramTestBot;
beforeAll(async () => {
  tb = await TelegramTestBot.start();
});
afterAll(async () => {
  await tb?.close();
});

describe('the provincial group chat', () => {
  it('is bound by an admin whose very first message is /nhom in the group', async () => {
    expect(textOf(await tb.sayInGroup(ADMIN_ID, GROUP_ID, '/nhom'))).toContain('nhóm Tỉnh Đoàn');
    const groups = await tb.bot.app.stores.settings.provinceGroups();
    expect(groups.telegram).toEqual({ channel: 'telegram', chatId: String(GROUP_ID), kind: 'group' });
  });

  it('refuses /nhom to someone who is not an admin, and ignores plain talk in the group', async () => {
    await tb.enrol(6001, 'HD01');
    expect(textOf(await tb.sayInGroup(6001, GROUP_ID, '/nhom@doanbot_test_bot'))).toMatch(/Xin lỗi/);
    const before = tb.fake.messagesTo(GROUP_ID).length;
    tb.fake.sendText({ userId: 6001, chatId: GROUP_ID, text: 'chào mọi người', chatType: 'supergroup' });
    // Everyday words that are also command words without a slash are talk in a group.
    for (const text of ['thôi', 'giúp', 'báo cáo']) tb.fake.sendText({ userId: 6001, chatId: GROUP_ID, text, chatType: 'supergroup' });
    await tb.say(6001, '/trogiup'); // a later message proves the group text was handled
    expect(tb.fake.messagesTo(GROUP_ID).length).toBe(before);
  });

  it('receives the summary a leader posts with /tonghop nhom', async () => {
    await tb.enrol(7001, 'TINH', 'lanhdao');
    const before = tb.fake.messagesTo(GROUP_ID).length;
    expect(textOf(await tb.say(7001, '/tonghop nhom'))).toContain('1');
    const posted = tb.fake.messagesTo(GROUP_ID).slice(before);
    // The text, then its chart.
    expect(posted.map((m) => m.method)).toEqual(['sendMessage', 'sendPhoto']);
    expect(posted[0]?.text).toContain('0/1');
    expect(posted[1]?.photoContent?.subarray(1, 4).toString()).toBe('PNG');
  });
});
