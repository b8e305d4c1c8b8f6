import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TelegramTestBot, textOf } from '../support/telegram-test-bot.ts';
import { tempPlans } from '../plans/support.ts';

/**
 * A plan created in chat: a leader sends the Xuân tình nguyện plan while the Tháng Thanh niên bundle
 * runs; on confirmation (choosing the form) it is a plan with its period, its form, its reminders
 * and its text for questions, at once and after a restart.
 */
const LEADER = 8001;
const OFFICER = 8002;
const DOCUMENT = readFileSync(new URL('../plans/fixtures/xuan-tinh-nguyen-2027.txt', import.meta.url));
const plans = tempPlans([
  {
    id: 'ttn-2027',
    title: 'Kế hoạch Tháng Thanh niên năm 2027',
    document: readFileSync(new URL('../plans/fixtures/thang-thanh-nien-2027.txt', import.meta.url), 'utf8'),
    periods: [{ id: 'ttn-bao-cao', title: 'Báo cáo Tháng Thanh niên', hoursAhead: 24 * 30 }],
  },
]);

let tb: TelegramTestBot;
beforeAll(async () => {
  tb = await TelegramTestBot.start(plans.env);
  await tb.enrol(LEADER, 'TINH', 'lanhdao');
  await tb.enrol(OFFICER, 'HD01');
});
afterAll(async () => {
  await tb?.close();
  plans.cleanup();
});

const QUESTION = 'Hạn nộp báo cáo Xuân tình nguyện của huyện đoàn là ngày nào?';

describe('a plan created in chat', () => {
  it('proposes the plan with its period and asks which form its reports use', async () => {
    const before = tb.fake.messagesTo(LEADER).length;
    tb.fake.sendDocument({ userId: LEADER, fileName: 'xuan-tinh-nguyen.txt', content: DOCUMENT, mimeType: 'text/plain' });
    await tb.fake.waitFor(() =>
      tb.fake
        .messagesTo(LEADER)
        .slice(before)
        .some((m) => (m.buttons?.length ?? 0) > 0),
    );
    await tb.settle();
    const reply = tb.fake.messagesTo(LEADER).slice(before);
    expect(textOf(reply)).toContain('Đề xuất tạo kế hoạch «Tổ chức chương trình Xuân tình nguyện năm 2027»');
    expect(textOf(reply)).toContain('20/02/2027');
    // One proposal, with both levels' deadlines: the units' to the province, the province's to the centre.
    expect(textOf(reply)).toContain('hạn 20/02/2027; tỉnh nộp Trung ương trước 28/02/2027');
    expect(textOf(reply)).not.toContain('Xác nhận để tạo các kỳ báo cáo');
    expect(
      reply
        .at(-1)
        ?.buttons?.flat()
        .map((b) => b.data),
    ).toEqual(['import:confirm:mini', 'import:confirm:qttn-report', 'import:cancel']);
  });

  it('creates it on confirmation: its period, its form, answers from its text naming it', async () => {
    const done = textOf(await tb.press(LEADER, 'import:confirm:mini'));
    expect(done).toContain('kế hoạch mới «Tổ chức chương trình Xuân tình nguyện năm 2027» (mã 87-kh-tdtn)');
    const plan = await tb.bot.app.stores.plans.get('87-kh-tdtn');
    expect(plan).toMatchObject({ source: 'chat', formId: 'mini', state: 'active', number: '87-KH/TĐTN' });
    const periods = (await tb.bot.app.stores.periods.list()).filter((p) => p.planId === '87-kh-tdtn');
    expect(periods.map((p) => p.id)).toEqual(['87-kh-tdtn-1']);
    expect(periods[0]!.unitDeadline.startsWith('2027-02-20')).toBe(true);
    expect(textOf(await tb.say(OFFICER, `/hoi ${QUESTION}`))).toMatch(/20\/02\/2027.*— KH 87-KH\/TĐTN, Mục III\.2/su);
  });

  it('is still there after a restart: answered from its kept text, reported with its own form', async () => {
    await tb.restart();
    expect(textOf(await tb.say(OFFICER, `/hoi ${QUESTION}`))).toMatch(/20\/02\/2027.*— KH 87-KH\/TĐTN, Mục III\.2/su);
    // The bundle's own question still goes to the bundle.
    expect(textOf(await tb.say(OFFICER, '/hoi Hạn nộp báo cáo Tháng Thanh niên của huyện đoàn?'))).toContain('15/4/2027');
    const first = textOf(await tb.say(OFFICER, '/baocao 87-kh-tdtn-1'));
    expect(first).toContain('Câu 1/2');
  });

  it('proposes a monthly report stated once in the document as a series of periods', async () => {
    const monthly = [
      'TỈNH ĐOÀN BÌNH AN',
      'Số: 12-KH/TĐTN',
      'Bình An, ngày 05 tháng 01 năm 2027',
      '',
      'KẾ HOẠCH',
      'Chế độ thông tin, báo cáo công tác Đoàn năm 2027',
      '',
      'I. TỔ CHỨC THỰC HIỆN',
      '1. Huyện, thành Đoàn và Đoàn trực thuộc',
      '- Báo cáo tháng gửi về Văn phòng Tỉnh Đoàn trước ngày 20 hằng tháng.',
      '',
    ].join('\n');
    const before = tb.fake.messagesTo(LEADER).length;
    tb.fake.sendDocument({ userId: LEADER, fileName: 'bao-cao-thang.txt', content: Buffer.from(monthly), mimeType: 'text/plain' });
    await tb.fake.waitFor(() =>
      tb.fake
        .messagesTo(LEADER)
        .slice(before)
        .some((m) => (m.buttons?.length ?? 0) > 0),
    );
    await tb.settle();
    const proposal = textOf(tb.fake.messagesTo(LEADER).slice(before));
    expect(proposal).toContain('Báo cáo tháng: 12 kỳ, hạn từ 20/01/2027 đến 20/12/2027');
    // The series is the proposal: no "nothing to propose" line beside it.
    expect(proposal).not.toContain('Chưa đề xuất được kỳ báo cáo nào');
    expect(textOf(await tb.press(LEADER, 'import:confirm:qttn-report'))).toContain('Đã tạo 12 kỳ báo cáo');
    const periods = (await tb.bot.app.stores.periods.list()).filter((p) => p.planId === '12-kh-tdtn');
    expect(periods.map((p) => p.id).slice(0, 2)).toEqual(['12-kh-tdtn-thang-2027-01', '12-kh-tdtn-thang-2027-02']);
    expect(periods[1]!.unitDeadline.startsWith('2027-02-20')).toBe(true);
    expect(periods[1]!.opens?.startsWith('2027-02-01')).toBe(true);
  });
});
