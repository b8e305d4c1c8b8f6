import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ID, TelegramTestBot, textOf } from '../support/telegram-test-bot.ts';

/** A plan written for this test: its deadlines are what the bot must find and propose. */
const PLAN = `KẾ HOẠCH
Tổ chức Tháng Thanh niên năm 2028

I. MỤC ĐÍCH, YÊU CẦU
Phát huy vai trò xung kích của đoàn viên, thanh niên.

II. TỔ CHỨC THỰC HIỆN
1. Tỉnh Đoàn
- Tổng hợp kết quả, báo cáo Trung ương Đoàn trước ngày 20/4/2028.
2. Huyện, thành Đoàn và Đoàn trực thuộc
- Báo cáo kết quả Tháng Thanh niên gửi về Tỉnh Đoàn (qua Ban Phong trào, email: banphongtrao@example.org) trước ngày 15/4/2028.
`;

const LEADER = 8001;
let tb: TelegramTestBot;
beforeAll(async () => {
  tb = await TelegramTestBot.start();
  await tb.enrol(LEADER, 'TINH', 'lanhdao');
});
afterAll(async () => {
  await tb?.close();
});

describe('importing a plan document in chat', () => {
  it('reads the document, says what it found and proposes periods from its deadlines', async () => {
    const before = tb.fake.messagesTo(LEADER).length;
    tb.fake.sendDocument({
      userId: LEADER,
      fileName: 'thang-thanh-nien-2028.txt',
      content: Buffer.from(PLAN, 'utf8'),
      mimeType: 'text/plain',
    });
    await tb.fake.waitFor(() => tb.fake.messagesTo(LEADER).length > before);
    await tb.settle();
    const reply = tb.fake.messagesTo(LEADER).slice(before);
    const text = textOf(reply);
    expect(text).toContain('Tháng Thanh niên');
    expect(text).toContain('banphongtrao@example.org');
    expect(text).toContain('15/04/2028');
    expect(
      reply
        .at(-1)
        ?.buttons?.flat()
        .map((b) => b.data),
    ).toEqual(['import:confirm', 'import:cancel']);
  });

  it('creates the periods once the leader confirms, and they can be used at once', async () => {
    const done = textOf(await tb.press(LEADER, 'import:confirm'));
    expect(done).toMatch(/Đã tạo 1 kỳ báo cáo/);
    const periods = await tb.bot.app.stores.periods.list();
    const imported = periods.find((p) => p.unitDeadline.startsWith('2028-04-15'));
    expect(imported).toBeDefined();
    expect(imported?.provinceDeadline?.startsWith('2028-04-20')).toBe(true);
    expect(textOf(await tb.say(LEADER, `/tinhhinh ${imported?.id}`))).toContain('15/04/2028');
  });

  it('refuses a plan document from an officer, and a unit list from a leader', async () => {
    await tb.enrol(8002, 'HD01');
    const before = tb.fake.messagesTo(8002).length;
    tb.fake.sendDocument({ userId: 8002, fileName: 'plan.txt', content: Buffer.from(PLAN) });
    await tb.fake.waitFor(() => tb.fake.messagesTo(8002).length > before);
    expect(tb.fake.messagesTo(8002).at(-1)?.text).toMatch(/Xin lỗi/);
  });

  it('imports a unit list sent by an admin as a CSV file', async () => {
    const before = tb.fake.messagesTo(ADMIN_ID).length;
    tb.fake.sendDocument({
      userId: ADMIN_ID,
      fileName: 'donvi.csv',
      content: Buffer.from('code,name\nX01,Đoàn trường A\nX02,Đoàn trường B\n'),
    });
    await tb.fake.waitFor(() => tb.fake.messagesTo(ADMIN_ID).length > before);
    await tb.settle();
    expect(tb.fake.messagesTo(ADMIN_ID).at(-1)?.text).toContain('Đã nhập 2 đơn vị');
    expect((await tb.bot.app.stores.units.get('X02'))?.name).toBe('Đoàn trường B');
  });

  it('refuses a unit list whose parent unit does not exist, adding nothing', async () => {
    const before = tb.fake.messagesTo(ADMIN_ID).length;
    tb.fake.sendDocument({ userId: ADMIN_ID, fileName: 'con.csv', content: Buffer.from('code,name,parent\nY01,Chi đoàn Y,KHONGCO\n') });
    await tb.fake.waitFor(() => tb.fake.messagesTo(ADMIN_ID).length > before);
    await tb.settle();
    expect(tb.fake.messagesTo(ADMIN_ID).at(-1)?.text).toContain('KHONGCO');
    expect(await tb.bot.app.stores.units.get('Y01')).toBeNull();
  });
});
