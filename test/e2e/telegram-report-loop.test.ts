import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Translator } from '../../src/i18n/translator.ts';
import { ADMIN_ID, TelegramTestBot, inviteCodeIn, textOf } from '../support/telegram-test-bot.ts';

/**
 * The whole story of the report loop on Telegram, through telegraf over real HTTP against a fake
 * Bot API and a real Redis: an admin sets up 4 units and invites people, 3 officers report (one
 * makes mistakes and edits an answer), the leader reads status and totals, an officer is refused.
 */
const LEADER_ID = 3000;
const OFFICERS = [
  { id: 2001, unit: 'HD01', name: 'Huyện Đoàn Ninh Hải' },
  { id: 2002, unit: 'HD02', name: 'Huyện Đoàn Ninh Phước' },
  { id: 2003, unit: 'HD03', name: 'Thành Đoàn Phan Rang' },
];
const MISSING_UNIT = { unit: 'HD04', name: 'Đoàn Khối Doanh nghiệp' };
const t = Translator.fromDirectory('locales');
const label = (id: string) => t.t('vi', `form.qttn.${id}.label`);

/** The figures each officer finally submits (numeric questions only), for the expected totals. */
const FINAL_FIGURES: Record<number, Record<string, number>> = {
  2001: {
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
  2002: {
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
  2003: {
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

let tb: TelegramTestBot;
beforeAll(async () => {
  tb = await TelegramTestBot.start();
});
afterAll(async () => {
  await tb?.close();
});

async function answerAll(userId: number, answers: string[]): Promise<string> {
  let last = '';
  for (const answer of answers) last = textOf(await tb.say(userId, answer));
  return last;
}

describe('report loop on Telegram', () => {
  const codes = new Map<number, string>();

  it('lets the admin create units and invite officers and a leader', async () => {
    expect(textOf(await tb.say(ADMIN_ID, '/start', 'Admin'))).toContain('/donvi');
    for (const unit of [...OFFICERS, MISSING_UNIT]) {
      expect(textOf(await tb.say(ADMIN_ID, `/donvi them ${unit.unit} ${unit.name}`))).toContain(unit.unit);
    }
    expect(textOf(await tb.say(ADMIN_ID, '/donvi ds'))).toContain('(4)');
    for (const officer of OFFICERS) codes.set(officer.id, inviteCodeIn(await tb.say(ADMIN_ID, `/moi ${officer.unit}`)));
    codes.set(LEADER_ID, inviteCodeIn(await tb.say(ADMIN_ID, '/moi TINH lanhdao')));
    expect(new Set(codes.values()).size).toBe(4);
  });

  it('links each person who opens an invite, once', async () => {
    for (const officer of OFFICERS) {
      const reply = textOf(await tb.say(officer.id, `/start ${codes.get(officer.id)}`, `Cán bộ ${officer.unit}`));
      expect(reply).toContain(officer.name);
    }
    expect(textOf(await tb.say(LEADER_ID, `/start ${codes.get(LEADER_ID)}`, 'Lãnh đạo'))).toContain('lãnh đạo');
    // A used code cannot be used again.
    expect(textOf(await tb.say(4444, `/start ${codes.get(2001)}`))).toMatch(/không đúng|đã được dùng/);
  });

  it('guides the first officer through the form, with mistakes and an edit before submitting', async () => {
    const officer = 2001;
    const pick = await tb.say(officer, '/baocao');
    const periodButton = pick
      .flatMap((m) => m.buttons ?? [])
      .flat()
      .find((b) => b.data === 'period:6thang-2027');
    expect(periodButton).toBeDefined();
    expect(textOf(await tb.press(officer, 'period:6thang-2027'))).toContain(t.t('vi', 'form.qttn.propaganda_sessions.prompt'));

    const invalid = textOf(await tb.say(officer, 'abc'));
    expect(invalid).toContain('không phải là một số');
    expect(invalid).toContain(t.t('vi', 'form.qttn.propaganda_sessions.prompt'));
    await answerAll(officer, ['12 buổi', '1.200']);
    expect(textOf(await tb.say(officer, '-1'))).toContain('từ 0 trở lên');
    await answerAll(officer, ['2', 'mười hai', '0', '5', '8', '3', '1,5']);
    await tb.press(officer, 'yes');
    const review = await answerAll(officer, ['Giao lưu với thanh niên Lào', 'bỏ qua', 'bỏ qua']);
    expect(review).toContain(`${label('clubs')}: 2`);

    await tb.press(officer, 'edit');
    expect(textOf(await tb.press(officer, 'edit:clubs'))).toContain(t.t('vi', 'form.qttn.clubs.prompt'));
    const reviewAgain = textOf(await tb.say(officer, '3'));
    expect(reviewAgain).toContain(`${label('clubs')}: 3`);
    expect(reviewAgain).toContain(`${label('propaganda_participants')}: 1.200`);

    const done = textOf(await tb.press(officer, 'submit'));
    expect(done).toMatch(/Đã lưu báo cáo .* lúc \d\d\/\d\d\/\d{4} \d\d:\d\d/);
  });

  it('takes the reports of two more officers', async () => {
    await tb.say(2002, '/baocao');
    await tb.press(2002, 'period:6thang-2027');
    await answerAll(2002, ['4', '300', '0', '2', '40', '1, 2', '2', '0', '1', '0', 'không', 'bỏ qua', 'bỏ qua', 'bỏ qua']);
    expect(textOf(await tb.say(2002, 'gửi'))).toContain('Đã lưu báo cáo');

    await tb.say(2003, '/baocao');
    await tb.say(2003, '1');
    await answerAll(2003, ['0', '1', '20', '1', '15', '1', '0', '6', '2', '2,25', 'có', 'bỏ qua', 'bỏ qua', 'bỏ qua']);
    expect(textOf(await tb.say(2003, 'gửi'))).toContain('Đã lưu báo cáo');
  });

  it('shows the leader 3 of 4 units reported and names the missing one', async () => {
    const status = textOf(await tb.say(LEADER_ID, '/tinhhinh'));
    expect(status).toContain('3/4');
    expect(status).toContain(MISSING_UNIT.name);
    for (const officer of OFFICERS) expect(status).toContain(officer.name);
  });

  it('gives totals equal to the sums of what was entered', async () => {
    const summary = textOf(await tb.say(LEADER_ID, '/tonghop'));
    const ids = new Set(Object.values(FINAL_FIGURES).flatMap((f) => Object.keys(f)));
    for (const id of ids) {
      const total = Object.values(FINAL_FIGURES).reduce((sum, f) => sum + (f[id] ?? 0), 0);
      const shown = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(total);
      expect(summary).toContain(`${label(id)}: ${shown}`);
    }
  });

  it('refuses the leader commands to an officer, politely', async () => {
    for (const command of ['/tinhhinh', '/tonghop', '/moi HD01']) {
      const reply = textOf(await tb.say(2001, command));
      expect(reply).toMatch(/Xin lỗi, lệnh .* chỉ dành cho/);
      expect(reply).not.toContain('3/4');
    }
  });
});
