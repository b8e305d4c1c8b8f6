import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Translator } from '../../src/i18n/translator.ts';
import { TelegramTestBot, textOf, inviteCodeIn, ADMIN_ID } from '../support/telegram-test-bot.ts';
import { ZaloTestBot, ZALO_ADMIN_ID, numberOf, startCodeIn, zaloTextOf } from '../support/zalo-test-bot.ts';
import type { Stores } from '../../src/store/stores.ts';
import ExcelJS from 'exceljs';

const t = Translator.fromDirectory('locales');
const vi = (key: string, params?: Record<string, string | number>) => t.t('vi', key, params);
const PERIOD = '6thang-2027';
/** Three districts of 20 communes each (60 reporting units: more than /tinhhinh lists one by one). */
const UNITS = ['HD1', 'HD2', 'HD3'].flatMap((d) => [
  `${d}, Huyện ${d}`,
  ...Array.from({ length: 20 }, (_, i) => `${d}X${i + 1}, Xã ${i + 1} ${d}, ${d}`),
]);
/** Reported: every commune of HD1, half of HD2, none of HD3. */
const REPORTED = [...Array.from({ length: 20 }, (_, i) => `HD1X${i + 1}`), ...Array.from({ length: 10 }, (_, i) => `HD2X${i + 1}`)];

async function submitAll(stores: Stores): Promise<void> {
  for (const unitCode of REPORTED) {
    await stores.reports.submit({
      periodId: PERIOD,
      unitCode,
      answers: { propaganda_sessions: 2 },
      submittedBy: { personId: 'x', name: 'Cán bộ', channel: 'telegram' },
      submittedAt: new Date().toISOString(),
      late: false,
    });
  }
}

describe('on Telegram: a large tree opened with buttons, a report reviewed with buttons', () => {
  let tb: TelegramTestBot;
  const LEADER = 9501;
  const OFFICER = 9502;
  const DISTRICT_LEADER = 9503;

  beforeAll(async () => {
    tb = await TelegramTestBot.start();
    await tb.say(ADMIN_ID, `/donvi nhap\n${UNITS.join('\n')}`, 'Admin');
    await submitAll(tb.bot.app.stores);
    await tb.enrol(LEADER, 'TINH', 'lanhdao');
    await tb.enrol(OFFICER, 'HD3X1');
    await tb.say(DISTRICT_LEADER, `/start ${inviteCodeIn(await tb.say(ADMIN_ID, '/moi HD3 lanhdao', 'Admin'))}`, 'Lãnh đạo HD3');
  });
  afterAll(async () => {
    await tb?.close();
  });

  it('/tinhhinh shows each district with x/y, least complete first, as buttons; pressing one opens it', async () => {
    const [status] = await tb.say(LEADER, '/tinhhinh');
    expect(status?.text).toContain(vi('tree.completeness', { reported: 30, total: 60, percent: 50, onTime: 30, late: 0 }));
    const labels = status?.buttons?.flat().map((b) => b.text) ?? [];
    expect(labels).toEqual([
      vi('tree.child', { code: 'HD3', name: 'Huyện HD3', reported: 0, total: 20, percent: 0 }),
      vi('tree.child', { code: 'HD2', name: 'Huyện HD2', reported: 10, total: 20, percent: 50 }),
      vi('tree.child', { code: 'HD1', name: 'Huyện HD1', reported: 20, total: 20, percent: 100 }),
    ]);
    const data = status?.buttons?.flat()[1]?.data ?? '';
    const opened = textOf(await tb.press(LEADER, data));
    expect(opened).toContain(vi('tree.scope_line', { code: 'HD2', name: 'Huyện HD2' }));
    expect(opened).toContain(vi('status.missing_heading', { count: 10 }));
    expect(opened).toContain('HD2X11');
    expect(opened).not.toContain('HD3X1 ');
  });

  it('/tonghop on the large tree totals from the roll-ups, and the district leader sees only its own', async () => {
    expect(textOf(await tb.say(LEADER, '/tonghop'))).toContain(`${vi('form.qttn.propaganda_sessions.label')}: 60`);
    const district = textOf(await tb.say(DISTRICT_LEADER, '/tinhhinh'));
    expect(district).toContain(vi('status.completeness', { reported: 0, total: 20, percent: 0, onTime: 0, late: 0 }));
  });

  it('the district leader gets "HD3X1 vừa gửi báo cáo" with buttons; Trả lại asks for the comment and tells the officer', async () => {
    await tb.say(OFFICER, `/baocao ${PERIOD}`);
    for (const answer of ['1', '10', '0', '0', '0', '0', '0', '0', 'không', 'bỏ qua', 'bỏ qua', 'bỏ qua']) await tb.say(OFFICER, answer);
    await tb.say(OFFICER, 'gửi');
    const notice = tb.fake.messagesTo(DISTRICT_LEADER).at(-1);
    expect(notice?.text).toContain('HD3X1 – Xã 1 HD3');
    expect(tb.fake.messagesTo(LEADER).some((m) => m.text?.includes('HD3X1 – Xã 1 HD3'))).toBe(false);
    const back = notice?.buttons?.flat().find((b) => b.text === vi('review.choice_return'));
    expect(textOf(await tb.press(DISTRICT_LEADER, back?.data ?? ''))).toContain(vi('review.ask_comment', { code: 'HD3X1' }));
    await tb.say(DISTRICT_LEADER, 'Thiếu số liệu câu lạc bộ');
    const told = tb.fake.messagesTo(OFFICER).at(-1)?.text ?? '';
    expect(told).toContain('Thiếu số liệu câu lạc bộ');
    expect(told).toContain(`/baocao ${PERIOD}`);
    const audit = await tb.bot.app.stores.reports.reviewAudit(PERIOD, 'HD3X1');
    expect(audit).toEqual([
      expect.objectContaining({
        revision: 1,
        state: 'returned',
        comment: 'Thiếu số liệu câu lạc bộ',
        by: expect.objectContaining({ unitCode: 'HD3' }),
      }),
    ]);
  });
});

describe('on Zalo: the same tree opened by typing a number', () => {
  let zb: ZaloTestBot;
  const LEADER = 'zl1';

  beforeAll(async () => {
    zb = await ZaloTestBot.start();
    await zb.say(ZALO_ADMIN_ID, `/donvi nhap\n${UNITS.join('\n')}`);
    await submitAll(zb.bot.app.stores);
    const code = startCodeIn(zaloTextOf(await zb.say(ZALO_ADMIN_ID, '/moi TINH lanhdao')));
    await zb.say(LEADER, `/start ${code}`);
  });
  afterAll(async () => {
    await zb?.close();
  });

  it('lists the districts as numbered lines; the number opens one', async () => {
    const status = zaloTextOf(await zb.say(LEADER, '/tinhhinh'));
    expect(status).not.toMatch(/bấm|nút/i);
    const line = numberOf(status, 'HD2 – Huyện HD2');
    const opened = zaloTextOf(await zb.say(LEADER, line));
    expect(opened).toContain(vi('tree.scope_line', { code: 'HD2', name: 'Huyện HD2' }));
    expect(opened).toContain(vi('status.completeness', { reported: 10, total: 20, percent: 50, onTime: 10, late: 0 }));
  });
});

describe('a unit list sent as a workbook', () => {
  let tb: TelegramTestBot;
  beforeAll(async () => {
    tb = await TelegramTestBot.start();
  });
  afterAll(async () => {
    await tb?.close();
  });

  it('imports code, name and parent from the first sheet of an .xlsx', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Đơn vị');
    sheet.addRows([
      ['Mã', 'Tên đơn vị', 'Cấp trên'],
      ['XA01', 'Đoàn xã Một', 'HD01'],
      ['HD01', 'Huyện Đoàn A'],
    ]);
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    await tb.say(ADMIN_ID, '/trogiup', 'Admin');
    const before = tb.fake.messagesTo(ADMIN_ID).length;
    tb.fake.sendDocument({ userId: ADMIN_ID, fileName: 'don-vi.xlsx', content });
    await tb.fake.waitFor(() => tb.fake.messagesTo(ADMIN_ID).length > before);
    await tb.settle();
    expect(textOf(tb.fake.messagesTo(ADMIN_ID).slice(before))).toContain(vi('units.imported_all', { added: 2 }));
    expect(await tb.bot.app.stores.units.get('XA01')).toMatchObject({ parentCode: 'HD01' });
  });
});
