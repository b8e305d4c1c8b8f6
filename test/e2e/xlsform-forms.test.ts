import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormSpec } from '../../src/flow/form-spec.ts';
import { sayText } from '../../src/flow/form-text.ts';
import { readXlsx } from '../../src/xlsform/read-xlsx.ts';
import { TelegramTestBot, textOf } from '../support/telegram-test-bot.ts';
import { tempPlans } from '../plans/support.ts';
import { buildXlsx } from '../forms/workbook.ts';

/**
 * Forms as workbooks, through the real Telegram adapter: /mau sends the plan's form as .xlsx, the same
 * file sent back is previewed and confirmed as the next revision of the same form, a revision made while
 * an officer is half-way keeps the answers of questions whose name stayed, a bad workbook changes
 * nothing, and a plan document with targets comes back with a draft form that becomes the plan's form.
 */
const LEADER = 9101;
const OFFICER = 9102;
const plans = tempPlans([
  {
    id: 'ttn-2027',
    title: 'Kế hoạch Tháng Thanh niên năm 2027',
    periods: [{ id: 'ttn-bao-cao', title: 'Báo cáo Tháng Thanh niên', hoursAhead: 24 * 30 }],
  },
]);
const XLSX = /\.xlsx$/;

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

function view(form: FormSpec) {
  const vi = (key: string) => tb.bot.app.translator.t('vi', key);
  return form.questions.map((q) => ({
    id: q.id,
    type: q.type,
    required: q.required,
    prompt: sayText(q.prompt, vi),
    ...('min' in q ? { min: q.min, max: q.max } : {}),
  }));
}

async function send(userId: number, fileName: string, content: Buffer) {
  const before = tb.fake.messagesTo(userId).length;
  tb.fake.sendDocument({ userId, fileName, content, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  await tb.fake.waitFor(() => tb.fake.messagesTo(userId).length > before);
  await tb.settle();
  return tb.fake.messagesTo(userId).slice(before);
}

describe('report forms as workbooks in chat', () => {
  let template: Buffer;

  it('/mau sends the plan’s form as an XLSForm workbook', async () => {
    const reply = await tb.say(LEADER, '/mau ttn-2027');
    const file = reply.find((m) => m.document);
    expect(file?.document?.fileName).toBe('mini.xlsx');
    template = file!.document!.content;
    const book = await readXlsx(template);
    expect(book.sheets.map((s) => s.name)).toEqual(['survey', 'choices', 'settings']);
    expect(textOf(reply)).toContain('gửi lại tệp .xlsx cho bot');
  });

  it('takes the same file back as the next revision of the same form, after a preview', async () => {
    const before = view(tb.bot.app.forms.get('mini')!);
    const preview = await send(LEADER, 'mini.xlsx', template);
    const text = textOf(preview);
    expect(text).toContain('Biểu mẫu «Báo cáo công tác quốc tế thanh niên» (mã mini, phiên bản 1), 2 câu hỏi:');
    expect(text).toContain('1. clubs — ');
    expect(text).toContain('phiên bản mới của biểu mẫu mini (phiên bản 1 → 2), dùng cho kế hoạch: ttn-2027');
    expect(text).toContain('Giữ câu trả lời đã nhập của các câu: clubs, propaganda_sessions.');
    expect(textOf(await tb.press(LEADER, 'form:confirm'))).toContain('phiên bản 2');
    const after = tb.bot.app.forms.get('mini')!;
    expect(after.revision).toBe(2);
    expect(view(after)).toEqual(before);
  });

  it('refuses a bad workbook whole, naming sheet, row and column, and changes nothing', async () => {
    const bad = await buildXlsx({
      survey: [
        ['type', 'name', 'label', 'relevant'],
        ['integer', 'clubs', 'Số câu lạc bộ?'],
        ['integer', 'members', 'Số thành viên?', '${so_doan_vien} > 0'],
      ],
      settings: [
        ['form_id', 'version'],
        ['mini', 3],
      ],
    });
    const text = textOf(await send(LEADER, 'mini-sai.xlsx', bad));
    expect(text).toContain('có 1 lỗi cần sửa');
    expect(text).toContain('survey, dòng 3, cột relevant: không có câu hỏi tên ${so_doan_vien}');
    expect(tb.bot.app.forms.get('mini')!.revision).toBe(2);
  });

  it('a revision while an officer is half-way keeps the answers of questions whose name stayed', async () => {
    await tb.say(OFFICER, '/baocao ttn-bao-cao');
    await tb.say(OFFICER, '7');
    const revised = await buildXlsx({
      survey: [
        ['type', 'name', 'label', 'required', 'constraint', 'constraint_message', 'target'],
        ['integer', 'clubs', 'Số câu lạc bộ?', 'yes', undefined, undefined, 2],
        ['integer', 'members', 'Số thành viên các câu lạc bộ?', 'yes', '. >= ${clubs}', 'Số thành viên không thể ít hơn số câu lạc bộ.'],
      ],
      settings: [
        ['form_title', 'form_id', 'version'],
        ['Báo cáo câu lạc bộ', 'mini', 3],
      ],
    });
    expect(textOf(await send(LEADER, 'mini.xlsx', revised))).toContain('Bỏ các câu: propaganda_sessions.');
    await tb.press(LEADER, 'form:confirm');
    const next = textOf(await tb.say(OFFICER, '5'));
    expect(next).toContain('Số thành viên không thể ít hơn số câu lạc bộ.');
    const review = textOf(await tb.say(OFFICER, '40'));
    expect(review).toContain('Số câu lạc bộ?: 7');
    expect(review).toContain('Số thành viên các câu lạc bộ?: 40');
    await tb.say(OFFICER, 'gửi');
    const latest = await tb.bot.app.stores.reports.latest('ttn-bao-cao', 'HD01');
    expect(latest?.answers).toEqual({ clubs: 7, members: 40 });
    expect(textOf(await tb.say(LEADER, '/tonghop ttn-bao-cao'))).toMatch(/Số câu lạc bộ\?: 7\/\d+/);
  });

  it('a plan document with targets comes with a draft form, which becomes the plan’s form once sent back', async () => {
    const plan = readFileSync(new URL('../plans/fixtures/xuan-tinh-nguyen-2027.txt', import.meta.url), 'utf8').replace(
      '2. Tạo không khí vui tươi, phấn khởi đón Xuân.',
      '2. Mỗi huyện đoàn tổ chức ít nhất 03 chương trình Chợ Tết 0 đồng.\n3. Phấn đấu toàn tỉnh trao ít nhất 2.000 phần quà Tết.',
    );
    await send(LEADER, 'xuan-tinh-nguyen.txt', Buffer.from(plan));
    const created = await tb.press(LEADER, 'import:confirm:mini');
    const draft = created.find((m) => m.document && XLSX.test(m.document.fileName));
    expect(draft?.document?.fileName).toBe('87-kh-tdtn-bao-cao.xlsx');
    expect(draft?.caption).toContain('2 chỉ tiêu');
    const preview = textOf(await send(LEADER, draft!.document!.fileName, draft!.document!.content));
    expect(preview).toContain('chỉ tiêu 3/đơn vị');
    expect(preview).toContain('chỉ tiêu toàn tỉnh 2.000');
    expect(textOf(await tb.press(LEADER, 'form:plan:87-kh-tdtn'))).toContain('Đã áp dụng biểu mẫu 87-kh-tdtn-bao-cao');
    expect((await tb.bot.app.stores.plans.get('87-kh-tdtn'))?.formId).toBe('87-kh-tdtn-bao-cao');
  });

  it('refuses a form from a leader of a unit below the province (a form is the same for every unit)', async () => {
    await tb.enrol(9103, 'HD02', 'lanhdao');
    const text = textOf(await send(9103, 'mini.xlsx', template));
    expect(text).toContain('chỉ lãnh đạo, quản trị cấp tỉnh mới thay được');
    expect(tb.bot.app.forms.get('mini')?.revision).toBe(3);
  });

  it('keeps uploaded forms across a restart', async () => {
    await tb.restart();
    expect(tb.bot.app.forms.get('mini')?.revision).toBe(3);
    expect(tb.bot.app.forms.get('87-kh-tdtn-bao-cao')).toBeDefined();
  });
});
