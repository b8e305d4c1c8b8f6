import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Translator } from '../../src/i18n/translator.ts';
import { ZALO_ADMIN_ID, ZaloTestBot, numberOf, startCodeIn, zaloTextOf } from '../support/zalo-test-bot.ts';

/**
 * The report-loop story of issue 2 again, on Zalo: the Zalo adapter over real HTTP against a fake
 * Zalo Bot API on loopback (long polling) and a real Redis. Zalo has no buttons and no deep links:
 * choices are numbered lines answered by number or by words, invites say to send "/start CODE",
 * and commands also work as bare Vietnamese words ("báo cáo", "hủy", "tình hình").
 */
const LEADER_ID = 'zl3000';
const OFFICERS = [
  { id: 'zo2001', unit: 'HD01', name: 'Huyện Đoàn Ninh Hải' },
  { id: 'zo2002', unit: 'HD02', name: 'Huyện Đoàn Ninh Phước' },
  { id: 'zo2003', unit: 'HD03', name: 'Thành Đoàn Phan Rang' },
] as const;
const MISSING_UNIT = { unit: 'HD04', name: 'Đoàn Khối Doanh nghiệp' };
const PERIOD_TITLE = 'Báo cáo công tác quốc tế thanh niên 6 tháng đầu năm 2027';
const t = Translator.fromDirectory('locales');
const label = (id: string) => t.t('vi', `form.qttn.${id}.label`);
const prompt = (id: string) => t.t('vi', `form.qttn.${id}.prompt`);

/** The figures each officer finally submits (numeric questions only), for the expected totals. */
const FINAL_FIGURES: Record<string, Record<string, number>> = {
  zo2001: {
    propaganda_sessions: 12,
    propaganda_participants: 1200,
    clubs: 3,
    club_members: 12,
    exchange_activities: 0,
    youth_abroad: 5,
    event_volunteers: 8,
    english_olympiad: 3,
    international_resources: 1.5,
  },
  zo2002: {
    propaganda_sessions: 4,
    propaganda_participants: 300,
    clubs: 0,
    exchange_activities: 2,
    exchange_participants: 40,
    youth_abroad: 2,
    event_volunteers: 0,
    english_olympiad: 1,
    international_resources: 0,
  },
  zo2003: {
    propaganda_sessions: 0,
    clubs: 1,
    club_members: 20,
    exchange_activities: 1,
    exchange_participants: 15,
    youth_abroad: 0,
    event_volunteers: 6,
    english_olympiad: 2,
    international_resources: 2.25,
  },
};

let zb: ZaloTestBot;
beforeAll(async () => {
  zb = await ZaloTestBot.start();
});
afterAll(async () => {
  await zb?.close();
});

const say = async (userId: string, text: string): Promise<string> => zaloTextOf(await zb.say(userId, text));

async function answerAll(userId: string, answers: string[]): Promise<string> {
  let last = '';
  for (const answer of answers) last = await say(userId, answer);
  return last;
}

/** Starts a report with the bare words and picks the six-month period by its number. */
async function startSixMonthReport(userId: string, start: string): Promise<string> {
  const pick = await say(userId, start);
  expect(pick).toContain(t.t('vi', 'zalo.choices.hint'));
  return say(userId, numberOf(pick, PERIOD_TITLE));
}

describe('report loop on Zalo', () => {
  const codes = new Map<string, string>();

  it('lets the admin create units and invite people with a "/start CODE" message, as Zalo has no deep links', async () => {
    expect(await say(ZALO_ADMIN_ID, '/start')).toContain('/donvi');
    for (const unit of [...OFFICERS, MISSING_UNIT]) {
      expect(await say(ZALO_ADMIN_ID, `/donvi them ${unit.unit} ${unit.name}`)).toContain(unit.unit);
    }
    expect(await say(ZALO_ADMIN_ID, '/donvi ds')).toContain('(4)');
    for (const officer of OFFICERS) {
      const invite = await say(ZALO_ADMIN_ID, `/moi ${officer.unit}`);
      expect(invite).not.toMatch(/https?:\/\//);
      expect(invite).toContain('Zalo');
      codes.set(officer.id, startCodeIn(invite));
    }
    codes.set(LEADER_ID, startCodeIn(await say(ZALO_ADMIN_ID, '/moi TINH lanhdao')));
    expect(new Set(codes.values()).size).toBe(4);
  });

  it('links each person who sends "/start CODE", once', async () => {
    for (const officer of OFFICERS) {
      expect(zaloTextOf(await zb.say(officer.id, `/start ${codes.get(officer.id)}`, `Cán bộ ${officer.unit}`))).toContain(officer.name);
    }
    expect(zaloTextOf(await zb.say(LEADER_ID, `/start ${codes.get(LEADER_ID)}`, 'Lãnh đạo'))).toContain('lãnh đạo');
    expect(await say('zx4444', `/start ${codes.get('zo2001')}`)).toMatch(/không đúng|đã được dùng/);
  });

  it('guides the first officer with numbered choices, mistakes, a pause with "hủy", and an edit before "gửi"', async () => {
    const officer = 'zo2001';
    expect(await startSixMonthReport(officer, 'báo cáo')).toContain(prompt('propaganda_sessions'));

    const invalid = await say(officer, 'abc');
    expect(invalid).toContain('không phải là một số');
    expect(invalid).toContain(prompt('propaganda_sessions'));
    await answerAll(officer, ['12 buổi', '1.200']);
    expect(await say(officer, '-1')).toContain('từ 0 trở lên');
    const yesNo = await answerAll(officer, ['2', 'mười hai', '0', '5', '8', '3', '1,5']);
    expect(yesNo).toMatch(/^1\. Có$/m);
    expect(yesNo).toMatch(/^2\. Không$/m);
    expect(await say(officer, 'có')).toContain(prompt('highlights'));

    // Bare words: "hủy" pauses without losing anything, "báo cáo" resumes at the same question.
    expect(await say(officer, 'hủy')).toContain('Đã tạm dừng');
    expect(await say(officer, 'báo cáo')).toContain(prompt('highlights'));

    const review = await answerAll(officer, ['Giao lưu với thanh niên Lào', 'bỏ qua', 'bỏ qua']);
    expect(review).toContain(`${label('clubs')}: 2`);
    expect(review).toMatch(/^1\. Gửi báo cáo$/m);

    const pickEdit = await say(officer, 'sửa');
    expect(await say(officer, numberOf(pickEdit, label('clubs')))).toContain(prompt('clubs'));
    const reviewAgain = await say(officer, '3');
    expect(reviewAgain).toContain(`${label('clubs')}: 3`);
    expect(reviewAgain).toContain(`${label('propaganda_participants')}: 1.200`);

    expect(await say(officer, 'gửi')).toMatch(/Đã lưu báo cáo .* lúc \d\d\/\d\d\/\d{4} \d\d:\d\d/);
  });

  it('takes two more reports, choices answered by words and by number', async () => {
    await startSixMonthReport('zo2002', '/baocao');
    const countries = await answerAll('zo2002', ['4', '300', '0', '2', '40']);
    expect(countries).toContain(prompt('exchange_countries'));
    const yesNo = await answerAll('zo2002', ['Lào, Campuchia', '2', '0', '1', '0']);
    await answerAll('zo2002', [numberOf(yesNo, 'Không'), 'bỏ qua', 'bỏ qua', 'bỏ qua']);
    expect(await say('zo2002', 'gửi')).toContain('Đã lưu báo cáo');

    // The period named by words found in only one choice.
    expect(await say('zo2003', 'bao cao')).toContain(PERIOD_TITLE);
    expect(await say('zo2003', 'năm 2027')).toContain(t.t('vi', 'report.pick_period_again'));
    expect(await say('zo2003', '6 tháng')).toContain(prompt('propaganda_sessions'));
    const review = await answerAll('zo2003', ['0', '1', '20', '1', '15', '1', '0', '6', '2', '2,25', 'có', 'bỏ qua', 'bỏ qua', 'bỏ qua']);
    expect(await say('zo2003', numberOf(review, 'Gửi báo cáo'))).toContain('Đã lưu báo cáo');
  }, 60_000);

  it('shows the leader 3 of 4 units reported and names the missing one', async () => {
    for (const command of ['/tinhhinh', 'tình hình']) {
      const status = await say(LEADER_ID, command);
      expect(status).toContain('3/4');
      expect(status).toContain(MISSING_UNIT.name);
      for (const officer of OFFICERS) expect(status).toContain(officer.name);
    }
  });

  it('gives totals equal to the sums of what was entered', async () => {
    const summary = await say(LEADER_ID, 'tổng hợp');
    const ids = new Set(Object.values(FINAL_FIGURES).flatMap((f) => Object.keys(f)));
    for (const id of ids) {
      const total = Object.values(FINAL_FIGURES).reduce((sum, f) => sum + (f[id] ?? 0), 0);
      const shown = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(total);
      expect(summary).toContain(`${label(id)}: ${shown}`);
    }
  });

  it('refuses the leader commands to an officer, politely', async () => {
    for (const command of ['/tinhhinh', '/tonghop', '/moi HD01', 'tình hình']) {
      const reply = await say('zo2001', command);
      expect(reply).toMatch(/Xin lỗi, lệnh .* chỉ dành cho/);
      expect(reply).not.toContain('3/4');
    }
  });

  it('answers pictures, stickers and other messages politely', async () => {
    const polite = t.t('vi', 'core.errors.unsupported_nofiles');
    expect(zaloTextOf(await zb.sendOther('image', { userId: 'zo2001' }))).toBe(polite);
    expect(zaloTextOf(await zb.sendOther('sticker', { userId: 'zo2002' }))).toBe(polite);
    expect(zaloTextOf(await zb.sendOther('unsupported', { userId: 'zx5555' }))).toBe(polite);
  });

  it('words every message it sent on Zalo for a channel without buttons: no «bấm», no «nút», no «Xong» option', async () => {
    const texts = zb.zalo.sent.map((record) => record.text ?? '');
    expect(texts.length).toBeGreaterThan(50);
    const misfits = texts.filter((text) => /bấm|nút|\bpress|\bbutton|\d+\. Xong\b/iu.test(text));
    expect(misfits).toEqual([]);
  });
});
