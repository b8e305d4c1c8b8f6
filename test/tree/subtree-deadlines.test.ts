import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { openConsoleSession, text, type ConsoleSession } from '../e2e/console-session.ts';
import { addTwoDistricts, joinAs, reportAnswers, typeAs } from './tree-console.ts';

const PERIOD = '6thang-2027';
const PERIOD_TITLE = 'Báo cáo công tác quốc tế thanh niên 6 tháng đầu năm 2027';

/** The first line of a text (the terminal prints each line of a reply on its own). */
const firstLine = (key: string, params: Record<string, string>) => text(key, params).split('\n')[0]!;

const REPORT = reportAnswers();

/**
 * /giahan by a leader or admin of a unit below the province, in the terminal:
 * TINH → HD01 → XA01, XA02; TINH → HD02 → XA03. The common deadline of 6thang-2027 is 10/06/2027.
 */
describe('a deadline set for a subtree', () => {
  let chat: ConsoleSession;

  const as = (who: string, ...lines: string[]): Promise<string> => typeAs(chat, who, ...lines);
  const join = (unit: string, role: string, who: string): Promise<void> => joinAs(chat, unit, role, who);

  beforeAll(async () => {
    chat = await openConsoleSession('tree-subtree-deadline');
    await addTwoDistricts(chat);
    await join('TINH', 'lanhdao', 'lanh');
    await join('HD01', 'lanhdao', 'huyen');
    await join('HD01', 'quantri', 'qthuyen');
    await join('XA01', 'lanhdao', 'xalead');
    await join('XA01', 'canbo', 'an');
    await join('XA02', 'canbo', 'binh');
    await join('XA03', 'canbo', 'cuong');
  }, 90_000);

  afterAll(async () => {
    await chat?.close();
  });

  it('who may set which deadline: own subtree only, never later than what the own unit owes; the province as before', async () => {
    // Later than the 10/06 that HD01 owes the province: refused, with the reason.
    expect(await as('huyen', `/giahan ${PERIOD} 20/6/2027`)).toContain(
      text('reminders.extend.after_own_deadline', { deadline: '20/06/2027', code: 'HD01', own: 'HD01', owed: '10/06/2027' }),
    );
    expect(await as('huyen', `/giahan XA03 ${PERIOD} 5/6/2027`)).toContain(text('tree.outside_scope', { code: 'XA03' }));
    expect(await as('an', `/giahan ${PERIOD} 5/6/2027`)).toContain(text('core.errors.not_allowed', { command: 'giahan' }));
    expect(await chat.bot.app.stores.periods.get(PERIOD)).not.toHaveProperty('subtreeDeadlines');

    const district = await as('huyen', `/giahan ${PERIOD} 8/6/2027`);
    expect(district).toContain(
      firstLine('reminders.extend.done_subtree', {
        period: PERIOD_TITLE,
        code: 'HD01',
        name: 'Huyện Đoàn A',
        deadline: '08/06/2027',
        owed: '10/06/2027',
        closes: '10/07/2027 23:59',
      }),
    );
    // A commune leader is bound by the 08/06 its district set.
    expect(await as('xalead', `/giahan ${PERIOD} 9/6/2027`)).toContain(
      text('reminders.extend.after_own_deadline', { deadline: '09/06/2027', code: 'XA01', own: 'XA01', owed: '08/06/2027' }),
    );
    // An admin of the district sets one commune's deadline.
    // XA01 reports itself: the reply speaks of XA01's own deadline, not of units below it and an
    // unchanged deadline upward.
    const commune = await as('qthuyen', `/giahan XA01 ${PERIOD} 7/6/2027`);
    expect(commune).toContain(
      firstLine('reminders.extend.done_unit', {
        period: PERIOD_TITLE,
        code: 'XA01',
        name: 'Đoàn xã Một',
        deadline: '07/06/2027',
        closes: '10/07/2027 23:59',
      }),
    );
    expect(commune).not.toContain('08/06/2027');
    // XA01 reports itself: the 07/06 its district gave it is its own deadline, which its leader may
    // neither move later (even within the 08/06 of the district's units) nor remove.
    expect(await as('xalead', `/giahan ${PERIOD} 8/6/2027`)).toContain(
      text('reminders.extend.after_own_deadline', { deadline: '08/06/2027', code: 'XA01', own: 'XA01', owed: '07/06/2027' }),
    );
    expect(await as('xalead', `/giahan ${PERIOD} bỏ`)).toContain(
      text('reminders.extend.own_deadline_remove', { code: 'XA01', deadline: '07/06/2027' }),
    );
    expect((await chat.bot.app.stores.periods.get(PERIOD))?.subtreeDeadlines?.XA01).toEqual({
      at: '2027-06-07T23:59:59+07:00',
      dateOnly: true,
    });

    // The province moves the common deadline exactly as before; the subtree deadlines stay.
    expect(await as('lanh', `/giahan ${PERIOD} 20/6/2027`)).toContain(
      firstLine('reminders.extend.done', { period: PERIOD_TITLE, deadline: '20/06/2027', closes: '20/07/2027 23:59' }),
    );
    // The province may set a subtree deadline later than the common one.
    expect(await as('lanh', `/giahan HD02 ${PERIOD} 25/6/2027`)).toContain('25/06/2027');
    const period = await chat.bot.app.stores.periods.get(PERIOD);
    expect(period).toMatchObject({
      unitDeadline: '2027-06-20T23:59:59+07:00',
      closes: '2027-07-25T23:59:59+07:00',
      subtreeDeadlines: {
        HD01: { at: '2027-06-08T23:59:59+07:00', dateOnly: true },
        XA01: { at: '2027-06-07T23:59:59+07:00', dateOnly: true },
        HD02: { at: '2027-06-25T23:59:59+07:00', dateOnly: true },
      },
    });
  });

  it('/lich, /baocao, /tinhhinh and /nhacnho show each unit its own deadline', async () => {
    expect(await as('an', '/lich')).toContain(`(${PERIOD}) — hạn 07/06/2027`);
    expect(await as('binh', '/lich')).toContain(`(${PERIOD}) — hạn 08/06/2027`);
    expect(await as('cuong', '/lich')).toContain(`(${PERIOD}) — hạn 25/06/2027`);
    const district = await as('huyen', '/lich');
    expect(district).toContain(`(${PERIOD}) — hạn 20/06/2027`);
    expect(district).toContain(text('reminders.deadlines.subtree', { unit: 'HD01', deadline: '08/06/2027' }));

    const intro = await as('binh', `/baocao ${PERIOD}`, '/huy');
    expect(intro).toContain(`Hạn nộp: 08/06/2027`);
    expect(await as('huyen', `/tinhhinh ${PERIOD}`)).toContain(text('status.deadline', { deadline: '08/06/2027' }));

    const nudged = await as('huyen', `/nhacnho ${PERIOD}`);
    expect(nudged).toMatch(/\[→ an\][^]*?Hạn nộp: 07\/06\/2027/);
    expect(nudged).toMatch(/\[→ binh\][^]*?Hạn nộp: 08\/06\/2027/);
  });

  it('/trogiup tells a district leader what /giahan does for them', async () => {
    expect(await as('huyen', '/trogiup')).toContain(text('reminders.commands.extend_subtree'));
    expect(await as('lanh', '/trogiup')).toContain(text('reminders.commands.extend'));
  });

  it('a report is judged late against the deadline of its subtree, and /tinhhinh counts it late', async () => {
    // The commune's deadline passed yesterday, while the common one is still weeks away.
    const yesterday = DateTime.now().setZone('Asia/Ho_Chi_Minh').minus({ days: 1 }).endOf('day').set({ millisecond: 0 });
    await chat.bot.app.stores.periods.setSubtreeDeadline(PERIOD, 'XA02', {
      at: yesterday.toISO({ suppressMilliseconds: true })!,
      dateOnly: true,
    });
    const out = await as('binh', `/baocao ${PERIOD}`, ...REPORT);
    expect(out).toContain(`nộp trễ hạn (hạn ${yesterday.toFormat('dd/MM/yyyy')})`);
    expect(await chat.bot.app.stores.reports.latest(PERIOD, 'XA02')).toMatchObject({ late: true });
    expect(await as('huyen', `/tinhhinh ${PERIOD}`)).toContain(
      text('status.completeness', { reported: 1, total: 2, percent: 50, onTime: 0, late: 1 }),
    );
  });
});
