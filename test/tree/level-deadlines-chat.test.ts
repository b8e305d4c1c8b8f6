import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Queue } from 'bullmq';
import { openConsoleSession, text, type ConsoleSession } from '../e2e/console-session.ts';
import { joinAs, typeAs } from './tree-console.ts';
import { connectTestRedis } from '../support/redis.ts';
import type { MomentJob } from '../../src/reminders/reminder-scheduler.ts';

const PERIOD = '87-kh-tdtn-1';
const TITLE = 'Báo cáo kết quả chương trình Xuân tình nguyện';

/**
 * Level deadlines for a period created in chat (a plan document sent with /tep, deadline 20/02/2027),
 * in the terminal: TINH → HD01 → XA01; TINH → DK02.
 */
describe('a deadline per level set in chat', () => {
  let chat: ConsoleSession;

  const as = (who: string, ...lines: string[]): Promise<string> => typeAs(chat, who, ...lines);
  const join = (unit: string, role: string, who: string): Promise<void> => joinAs(chat, unit, role, who);
  /** The delayed reminder jobs of the period's current version, by offset. */
  const plannedOffsets = async (): Promise<string[]> => {
    const version = (await chat.bot.app.stores.periods.get(PERIOD))!.version;
    const connection = connectTestRedis();
    const queue = new Queue<MomentJob>('reminders', { connection, prefix: chat.bot.app.stores.keys.bull() });
    try {
      const jobs = await queue.getJobs(['delayed', 'wait']);
      return jobs
        .filter((j) => j?.data.periodId === PERIOD && j.data.version === version && j.data.kind === 'reminder')
        .map((j) => j!.data.offset)
        .sort();
    } finally {
      await queue.close();
      await connection.quit();
    }
  };

  beforeAll(async () => {
    chat = await openConsoleSession('tree-level-chat');
    await chat.type('/tep test/plans/fixtures/xuan-tinh-nguyen-2027.txt');
    await chat.type('1');
    await chat.type('/donvi them HD01 Huyện Đoàn A');
    await chat.type('/donvi them XA01 Đoàn xã Một HD01');
    await chat.type('/donvi them DK02 Đoàn khối Hai');
    await join('TINH', 'lanhdao', 'lanh');
    await join('XA01', 'canbo', 'an');
    await join('DK02', 'canbo', 'dung');
  }, 90_000);

  afterAll(async () => {
    await chat?.close();
  });

  it('an admin gives level 2 its own deadline; a leader may not, nor a date after the common one', async () => {
    const period = await chat.bot.app.stores.periods.get(PERIOD);
    expect(period).toMatchObject({ planId: '87-kh-tdtn', unitDeadline: '2027-02-20T23:59:59+07:00' });
    expect(period).not.toHaveProperty('levelDeadlines');

    expect(await as('lanh', `/giahan ${PERIOD} cấp 2 10/02/2027`)).toContain(text('reminders.extend.level_admin_only'));
    expect(await as('admin', `/giahan ${PERIOD} cấp 2 25/02/2027`)).toContain(
      text('reminders.extend.level_after_common', { depth: 2, deadline: '25/02/2027', common: '20/02/2027' }),
    );
    expect(await as('admin', `/giahan ${PERIOD} cap 2 10/02/2027`)).toContain(
      text('reminders.extend.level_done', { period: TITLE, depth: 2, deadline: '10/02/2027', common: '20/02/2027', count: 1 }).split(
        '\n',
      )[0]!,
    );
    expect((await chat.bot.app.stores.periods.get(PERIOD))?.levelDeadlines).toEqual({
      '2': { at: '2027-02-10T23:59:59+07:00', dateOnly: true },
    });
  });

  it('the commune sees its level’s deadline, the unit under the province the common one; /kehoach lists it; reminders get the level’s lane', async () => {
    expect(await as('an', '/lich')).toContain(`(${PERIOD}) — hạn 10/02/2027`);
    expect(await as('dung', '/lich')).toContain(`(${PERIOD}) — hạn 20/02/2027`);
    expect(await as('admin', '/kehoach')).toContain(
      text('plans.list.levels', { levels: text('plans.list.level', { depth: 2, deadline: '10/02/2027' }) }),
    );
    const offsets = await plannedOffsets();
    expect(offsets).toContain('-P1D@2');
    expect(offsets).toContain('-P1D');
  });

  it('"bỏ" removes a level’s or a branch’s deadline; the common deadline cannot be removed', async () => {
    expect(await as('admin', `/giahan ${PERIOD} bỏ`)).toContain(text('reminders.extend.remove_common'));
    expect(await as('admin', `/giahan HD01 ${PERIOD} 15/02/2027`)).toContain('HD01 – Huyện Đoàn A: 15/02/2027');
    expect(await as('an', '/lich')).toContain(`(${PERIOD}) — hạn 15/02/2027`);
    expect(await as('admin', `/giahan HD01 ${PERIOD} bỏ`)).toContain(
      text('reminders.extend.subtree_removed', { period: TITLE, code: 'HD01' }),
    );
    expect(await as('admin', `/giahan HD01 ${PERIOD} bỏ`)).toContain(
      text('reminders.extend.subtree_none', { period: TITLE, code: 'HD01' }),
    );
    expect(await as('admin', `/giahan ${PERIOD} cấp 2 bỏ`)).toContain(
      text('reminders.extend.level_removed', { period: TITLE, depth: 2, common: '20/02/2027' }).split('\n')[0]!,
    );
    expect(await as('an', '/lich')).toContain(`(${PERIOD}) — hạn 20/02/2027`);
    expect(await plannedOffsets()).not.toContain('-P1D@2');
  });
});
