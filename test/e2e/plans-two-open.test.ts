import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SentMessage } from '../support/fake-telegram/fake-telegram-server.ts';
import { ADMIN_ID, TelegramTestBot, textOf } from '../support/telegram-test-bot.ts';
import { eventually, localTime, queueDrained, remindersTo, secondsAhead } from '../reminders/support.ts';
import { tempPlans } from '../plans/support.ts';
import { Queue } from 'bullmq';
import { connectTestRedis } from '../support/redis.ts';

/**
 * Two plans open at once (Tháng Thanh niên and the summer volunteer campaign), each with its own
 * period, form answers, status, totals and reminders: one officer reports for both, the leader is
 * asked which plan's period when a command names none, and reminders name their plan and go out once.
 */
const OFFICER = 2001; // HD01 reports for both plans
const LATE_OFFICER = 2002; // HD02 reports for neither
const LEADER = 3000;
const plans = tempPlans([
  {
    id: 'ttn-2027',
    title: 'Kế hoạch Tháng Thanh niên năm 2027',
    periods: [{ id: 'ttn-thang3', title: 'Báo cáo Tháng Thanh niên', hoursAhead: 24, reminders: ['-PT2S'], summaries: [] }],
  },
  {
    id: 'mhx-2027',
    title: 'Kế hoạch Chiến dịch Thanh niên tình nguyện hè 2027',
    periods: [{ id: 'mhx-dot1', title: 'Báo cáo Chiến dịch hè đợt 1', hoursAhead: 48, reminders: ['-PT2S'], summaries: [] }],
  },
]);

let tb: TelegramTestBot;
beforeAll(async () => {
  tb = await TelegramTestBot.start(plans.env);
  await tb.enrol(OFFICER, 'HD01');
  await tb.enrol(LATE_OFFICER, 'HD02');
  await tb.enrol(LEADER, 'TINH', 'lanhdao');
});
afterAll(async () => {
  await tb?.close();
  plans.cleanup();
});

const buttonsOf = (messages: SentMessage[]) => messages.flatMap((m) => m.buttons ?? []).flat();

async function report(first: SentMessage[], answers: string[]): Promise<string> {
  expect(textOf(first)).toContain('Câu 1/2');
  for (const answer of answers) await tb.say(OFFICER, answer);
  return textOf(await tb.press(OFFICER, 'submit'));
}

describe('two plans open at once', () => {
  it('lists the open periods of both plans, nearest deadline first, and takes a report for each', async () => {
    const pick = await tb.say(OFFICER, '/baocao');
    const buttons = buttonsOf(pick);
    expect(buttons.map((b) => b.data)).toEqual(['period:ttn-thang3', 'period:mhx-dot1']);
    expect(buttons[0]!.text).toContain('[Kế hoạch Tháng Thanh niên năm 2027]');
    expect(buttons[1]!.text).toMatch(/^\[Kế hoạch Chiến dịch Thanh niên/u);

    expect(await report(await tb.press(OFFICER, 'period:ttn-thang3'), ['3', '5'])).toContain('Đã lưu báo cáo "Báo cáo Tháng Thanh niên"');
    // Named by the plan's title words: straight to that plan's period.
    expect(await report(await tb.say(OFFICER, '/baocao chiến dịch thanh niên tình nguyện hè 2027'), ['7', '1'])).toContain(
      'Báo cáo Chiến dịch hè đợt 1',
    );
  });

  it('asks the leader which plan when a command names no period, then shows that plan only', async () => {
    const asked = await tb.say(LEADER, '/tinhhinh');
    expect(buttonsOf(asked).map((b) => b.data)).toEqual(['cmdperiod:ttn-thang3', 'cmdperiod:mhx-dot1']);
    const status = textOf(await tb.press(LEADER, 'cmdperiod:mhx-dot1'));
    expect(status).toContain('Kế hoạch: Kế hoạch Chiến dịch Thanh niên tình nguyện hè 2027');
    expect(status).toContain('1/2');
    expect(status).not.toContain('Tháng Thanh niên');
  });

  it('shows an officer the deadlines of both plans under their names', async () => {
    const text = textOf(await tb.say(OFFICER, '/lich'));
    const order = [
      'Kế hoạch: Kế hoạch Tháng Thanh niên năm 2027',
      'Báo cáo Tháng Thanh niên (ttn-thang3)',
      'Kế hoạch: Kế hoạch Chiến dịch Thanh niên tình nguyện hè 2027',
      'Báo cáo Chiến dịch hè đợt 1 (mhx-dot1)',
    ].map((part) => text.indexOf(part));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('totals each plan from its own reports', async () => {
    const ttn = textOf(await tb.say(LEADER, '/tonghop ttn-thang3'));
    const mhx = textOf(await tb.say(LEADER, '/tonghop mhx'));
    expect(ttn).toContain('Kế hoạch: Kế hoạch Tháng Thanh niên năm 2027');
    expect(ttn).toMatch(/: 3\b/u);
    expect(ttn).not.toMatch(/: 7\b/u);
    expect(mhx).toMatch(/: 7\b/u);
    expect(mhx).not.toMatch(/: 3\b/u);
  });

  it('reminds the unit that has not reported once per plan, each reminder naming its plan', async () => {
    const deadline = localTime(secondsAhead(5_000));
    expect(textOf(await tb.say(LEADER, `/giahan ttn-thang3 ${deadline}`))).toContain('Đã dời hạn');
    expect(textOf(await tb.say(LEADER, `/giahan mhx-dot1 ${deadline}`))).toContain('Đã dời hạn');
    await eventually('a reminder of each plan', () => remindersTo([tb.fake], LATE_OFFICER).length >= 2);
    await queueDrained(tb.prefix, 'ttn-thang3');
    await queueDrained(tb.prefix, 'mhx-dot1');
    await tb.settle();
    const got = remindersTo([tb.fake], LATE_OFFICER).map((m) => m.text ?? '');
    expect(got).toHaveLength(2);
    expect(got.filter((t) => t.includes('Kế hoạch: Kế hoạch Tháng Thanh niên năm 2027'))).toHaveLength(1);
    expect(got.filter((t) => t.includes('Kế hoạch: Kế hoạch Chiến dịch Thanh niên tình nguyện hè 2027'))).toHaveLength(1);
    expect(remindersTo([tb.fake], OFFICER)).toHaveLength(0);
  });
});

describe('/kehoach', () => {
  it('lists every plan with its periods and state', async () => {
    const text = textOf(await tb.say(LEADER, '/kehoach'));
    expect(text).toContain('Kế hoạch Tháng Thanh niên năm 2027 (ttn-2027) — đang thực hiện');
    expect(text).toContain('mhx-dot1: Báo cáo Chiến dịch hè đợt 1');
  });

  it('lets an admin close a plan: no reports, no reminders (even one already planned), its data kept', async () => {
    expect(textOf(await tb.say(LEADER, '/kehoach dong mhx-2027'))).toContain('chỉ dành cho quản trị viên');
    // A reminder of the plan is planned two seconds from now, then the plan is closed before it is due.
    await tb.say(LEADER, `/giahan mhx-dot1 ${localTime(secondsAhead(4_000))}`);
    const before = remindersTo([tb.fake], LATE_OFFICER).length;
    expect(textOf(await tb.say(ADMIN_ID, '/kehoach dong mhx-2027'))).toContain('Đã đóng kế hoạch');
    await queueDrained(tb.prefix, 'mhx-dot1');
    await tb.settle();
    expect(remindersTo([tb.fake], LATE_OFFICER)).toHaveLength(before);
    // The job did run, and stood down because the plan is closed.
    const connection = connectTestRedis();
    const queue = new Queue('reminders', { connection, prefix: `${tb.prefix}bull` });
    const done = await queue.getJobs(['completed']);
    const latest = done.filter((j) => j.data.periodId === 'mhx-dot1').sort((a, b) => b.data.version - a.data.version)[0];
    expect(latest?.returnvalue).toEqual({ status: 'skipped', reason: 'archived' });
    await queue.close();
    await connection.quit();
    // Only the other plan takes reports; the closed one's figures are still there.
    expect(textOf(await tb.say(LATE_OFFICER, '/baocao'))).toContain('Báo cáo Tháng Thanh niên');
    await tb.say(LATE_OFFICER, '/huy');
    expect(textOf(await tb.say(LEADER, '/tonghop mhx-dot1'))).toMatch(/: 7\b/u);
    expect(textOf(await tb.say(LEADER, '/kehoach'))).toContain('(mhx-2027) — đã đóng (lưu trữ)');
  });
});
