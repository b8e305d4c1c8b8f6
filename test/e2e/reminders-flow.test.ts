import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Translator } from '../../src/i18n/translator.ts';
import type { AnswerMap } from '../../src/core/domain/types.ts';
import { ADMIN_ID, TelegramTestBot, textOf } from '../support/telegram-test-bot.ts';
import { eventually, localTime, messagesStarting, queueDrained, remindersTo, secondsAhead, tempBundle } from '../reminders/support.ts';

/**
 * Reminders and the group summary end to end on Telegram (real Redis, real BullMQ, fake Bot API):
 * a deadline seconds away set with /giahan, then moved again before it; the units that reported get
 * nothing, the others' officers get each reminder once in their language, leaders get the escalation,
 * the group gets one summary at the (new) deadline with the right totals.
 */
const GROUP_ID = -100500;
const LEADER = 3000;
const REPORTED = 2001; // HD01 reported
const OFFICERS = [2002, 2003, 2004]; // HD02; HD03 (two officers, 2004 reads English)
const bundle = tempBundle([{ id: 'r1', reminders: ['-PT4S', '-PT2S', 'PT0S', 'PT2S'], summaries: ['PT0S'] }]);
const t = Translator.fromDirectory('locales');
const label = (id: string) => t.t('vi', `form.qttn.${id}.label`);

let tb: TelegramTestBot;
beforeAll(async () => {
  tb = await TelegramTestBot.start(bundle.env);
  await tb.enrol(REPORTED, 'HD01');
  await tb.enrol(2002, 'HD02');
  await tb.enrol(2003, 'HD03');
  await tb.enrol(2004, 'HD03');
  await tb.say(ADMIN_ID, '/donvi them HD04 Đoàn Khối');
  await tb.enrol(LEADER, 'TINH', 'lanhdao');
  await tb.say(2004, '/ngonngu en');
  await tb.sayInGroup(ADMIN_ID, GROUP_ID, '/nhom');
  await submit('HD01', { propaganda_sessions: 12, propaganda_participants: 1200, clubs: 3, club_members: 30 });
  await submit('HD04', { propaganda_sessions: 4, propaganda_participants: 300, clubs: 0 });
});
afterAll(async () => {
  await tb?.close();
  bundle.cleanup();
});

async function submit(unitCode: string, answers: AnswerMap): Promise<void> {
  await tb.bot.app.stores.reports.submit({
    periodId: 'r1',
    unitCode,
    answers,
    submittedBy: { personId: 'test', name: 'Test', channel: 'telegram' },
    submittedAt: new Date().toISOString(),
    late: false,
  });
}

const fakes = () => [tb.fake];

describe('scheduled reminders and summaries', () => {
  it('reminds only the missing units, once per offset, across a deadline moved twice', async () => {
    const first = secondsAhead(7_000);
    expect(textOf(await tb.say(LEADER, `/giahan r1 ${localTime(first)}`))).toContain('Đã dời hạn');
    // The first two reminders of the first deadline go out...
    await eventually('two reminders to each officer', () => OFFICERS.every((id) => remindersTo(fakes(), id).length >= 2));
    // ...then the deadline moves: those two offsets are not sent again, the rest follow the new deadline.
    const second = secondsAhead(6_000);
    expect(textOf(await tb.say(LEADER, `/giahan r1 ${localTime(second)}`))).toContain(localTime(second).slice(11, 16));
    await eventually('the escalation to the leader', () => messagesStarting(fakes(), LEADER, '🔔').length > 0, 15_000);
    await queueDrained(tb.prefix, 'r1');
    await tb.settle();

    for (const id of OFFICERS) {
      const got = remindersTo(fakes(), id);
      expect(got, `officer ${id}`).toHaveLength(4);
      expect(got[2]!.at).toBeGreaterThanOrEqual(second - 50); // PT0S at the new deadline, not the old one
      expect(got[3]!.at).toBeGreaterThanOrEqual(second + 2_000 - 50);
    }
    expect(remindersTo(fakes(), REPORTED)).toHaveLength(0);
    const vi = remindersTo(fakes(), 2002);
    expect(vi[0]!.text).toContain('Báo cáo thử r1');
    expect(vi[0]!.buttons?.flat()).toEqual([{ text: '📝 Báo cáo ngay', data: 'report:r1' }]);
    expect(vi[3]!.text).toMatch(/^⚠️ Quá hạn/u);
    expect(remindersTo(fakes(), 2004)[0]!.text).toContain('Report reminder: Test report r1');

    const escalations = messagesStarting(fakes(), LEADER, '🔔');
    expect(escalations).toHaveLength(1);
    expect(escalations[0]!.text).toContain('2/4');
    expect(escalations[0]!.text).toMatch(/HD02.*\n.*HD03/);
    expect(escalations[0]!.text).not.toContain('HD01');

    const summaries = messagesStarting(fakes(), GROUP_ID, '📊 Tổng hợp tự động');
    expect(summaries).toHaveLength(1);
    expect(summaries[0]!.at).toBeGreaterThanOrEqual(second - 50);
    expect(summaries[0]!.text).toContain('2/4');
    expect(summaries[0]!.text).toContain(`${label('propaganda_sessions')}: 16`);
    expect(summaries[0]!.text).toContain(`${label('propaganda_participants')}: 1.500`);
  });

  it('starts the report from the reminder button', async () => {
    expect(textOf(await tb.press(2002, 'report:r1'))).toContain('📝');
    await tb.say(2002, '/huy');
  });

  it('shows each officer the unit deadlines with /lich', async () => {
    expect(textOf(await tb.say(2002, '/lich'))).toContain('chưa báo cáo, đã quá hạn');
    expect(textOf(await tb.say(REPORTED, '/lich'))).toContain('đã báo cáo lúc');
    expect(textOf(await tb.say(LEADER, '/lich'))).toContain('2/4');
  });

  it('nudges the missing units now with /nhacnho, not twice within a minute', async () => {
    const before = OFFICERS.map((id) => remindersTo(fakes(), id).length);
    expect(textOf(await tb.say(LEADER, '/nhacnho r1'))).toContain('Đã nhắc 3 cán bộ của 2 đơn vị');
    await tb.settle();
    expect(OFFICERS.map((id) => remindersTo(fakes(), id).length)).toEqual(before.map((n) => n + 1));
    expect(textOf(await tb.say(LEADER, '/nhacnho r1'))).toContain('vừa được nhắc');
    await tb.settle();
    expect(OFFICERS.map((id) => remindersTo(fakes(), id).length)).toEqual(before.map((n) => n + 1));
    expect(remindersTo(fakes(), REPORTED)).toHaveLength(0);
  });

  it('refuses /giahan to officers and explains its use to leaders', async () => {
    expect(textOf(await tb.say(2002, '/giahan r1 2030-01-01'))).toMatch(/Xin lỗi/);
    expect(textOf(await tb.say(LEADER, '/giahan r1 hôm nay'))).toContain('Cách dùng');
    expect(textOf(await tb.say(LEADER, '/giahan r1 01/01/2020'))).toContain('đã qua');
  });
});
