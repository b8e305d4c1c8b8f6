import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConsoleSession, text, type ConsoleSession } from '../e2e/console-session.ts';
import { joinAs, reportAnswers, typeAs } from './tree-console.ts';

const PERIOD_TITLE = 'Báo cáo công tác quốc tế thanh niên 6 tháng đầu năm 2027';

const REPORT = reportAnswers;

/** Review in the terminal: TINH → HD01 → XA01, XA02; leaders of TINH and of HD01, officers of XA01 and HD01. */
describe('a report reviewed by the leaders of the unit above', () => {
  let chat: ConsoleSession;

  const as = (who: string, ...lines: string[]): Promise<string> => typeAs(chat, who, ...lines);
  const join = (unit: string, role: string, who: string): Promise<void> => joinAs(chat, unit, role, who);

  beforeAll(async () => {
    chat = await openConsoleSession('tree-review');
    await chat.type('/donvi them HD01 Huyện Đoàn A');
    await chat.type('/donvi them XA01 Đoàn xã Một HD01');
    await chat.type('/donvi them XA02 Đoàn xã Hai HD01');
    await join('TINH', 'lanhdao', 'lanh');
    await join('HD01', 'lanhdao', 'huyen');
    await join('XA01', 'canbo', 'an');
  }, 90_000);

  afterAll(async () => {
    await chat?.close();
  });

  it('tells the leaders of the unit above, not the province, with Duyệt / Trả lại as numbered lines', async () => {
    const out = await as('an', '/baocao 6thang-2027', ...REPORT(5));
    expect(out).toMatch(/\[→ huyen\][^\n]*\n?[^\n]*XA01 – Đoàn xã Một/);
    expect(out).not.toContain('[→ lanh]');
    expect(out).toContain(text('review.choice_return'));
  });

  it('a returned report goes back to its officers with the comment; the leader typed the comment after picking "Trả lại"', async () => {
    const status = await as('huyen', '/tinhhinh');
    expect(status).toContain(text('review.mark_waiting'));
    expect(status).toContain(text('review.counts', { accepted: 0, pending: 1, returned: 0 }));
    expect(await as('an', '/duyet XA01 ok')).toContain(text('core.errors.not_allowed', { command: 'duyet' }));
    const out = await as('huyen', '/duyet', '1', '2', 'Số buổi tuyên truyền chưa đúng');
    expect(out).toContain(text('review.waiting_heading', { count: 1, period: PERIOD_TITLE }));
    expect(out).toContain(text('review.ask_comment', { code: 'XA01' }));
    expect(out).toContain('[→ an]');
    expect(out).toContain('Ý kiến: Số buổi tuyên truyền chưa đúng');
    expect(await as('huyen', '/tinhhinh')).toContain(text('review.counts', { accepted: 0, pending: 0, returned: 1 }));
  });

  it('/baocao reopens the returned report prefilled; the resend is a new revision, waiting again, then accepted', async () => {
    const reopened = await as('an', '/baocao 6thang-2027');
    expect(reopened).toContain(text('report.prefilled', { revision: 1, at: '' }).split(',')[0]!);
    await as('an', '3', ...REPORT(3).slice(1));
    expect(await as('huyen', '/duyet XA01 lichsu')).toContain('Số buổi tuyên truyền chưa đúng');
    expect(await as('huyen', '/duyet XA01 1 ok')).toContain(text('review.outdated', { code: 'XA01' }));
    const accepted = await as('huyen', '/duyet XA01 ok');
    expect(accepted).toContain(text('review.accepted_done', { code: 'XA01', period: PERIOD_TITLE, revision: 2 }));
    expect(accepted).toContain('[→ an]');
    const history = await as('huyen', '/duyet XA01 lichsu');
    expect(history).toMatch(/Lần 1: trả lại bởi huyen \(HD01\)[^\n]*Số buổi tuyên truyền chưa đúng/);
    expect(history).toMatch(/Lần 2: duyệt bởi huyen \(HD01\)/);
  });

  it('totals say whether they count accepted reports only or every report', async () => {
    const all = await as('lanh', '/tonghop');
    expect(all).toContain(text('review.totals_note_all'));
    const accepted = await as('lanh', '/tonghop duyet');
    expect(accepted).toContain(text('review.totals_note_accepted'));
    expect(accepted).toContain(text('review.counts', { accepted: 1, pending: 0, returned: 0 }));
  });

  it('a leader of the unit itself, or of another branch, cannot review it', async () => {
    await join('XA02', 'lanhdao', 'xa2');
    expect(await as('xa2', '/duyet XA01 ok')).toContain(text('review.not_yours', { code: 'XA01' }));
    await join('XA01', 'lanhdao', 'xa1');
    expect(await as('xa1', '/duyet XA01 ok')).toContain(text('review.not_yours', { code: 'XA01' }));
  });

  it('a figure 10× the previous period of the same plan is confirmed, not refused (Có / Sửa as numbered lines)', async () => {
    const out = await as('an', '/baocao canam-2027', '30');
    expect(out).toContain(text('history.confirm_previous', { previous: '5', value: '30' }));
    expect(out).toContain(`1. ${text('history.choice_yes')}`);
    expect(await as('an', 'có')).toContain('Câu 2/');
    const session = await chat.bot.app.stores.sessions.read('console', 'an');
    expect(JSON.stringify(session)).toContain('"propaganda_sessions":30');
    await as('an', '/huy');
  });

  it('an officer of the unit above reports for a unit below that cannot, marked as such', async () => {
    await join('HD01', 'canbo', 'hdcb');
    expect(await as('hdcb', '/baocao')).toContain(text('behalf.parent_unit', { examples: 'XA01, XA02' }));
    expect(await as('hdcb', '/baocao thay XA09')).toContain(text('behalf.usage', { examples: 'XA01, XA02' }));
    const out = await as('hdcb', '/baocao thay XA02 6thang-2027', ...REPORT(4));
    expect(out).toContain('Đoàn xã Hai');
    expect(out).toMatch(/\[→ huyen\][^\n]*\n?[^\n]*XA02 – Đoàn xã Hai/);
    const latest = await chat.bot.app.stores.reports.latest('6thang-2027', 'XA02');
    expect(latest).toMatchObject({ unitCode: 'XA02', onBehalfOf: 'HD01', answers: { propaganda_sessions: 4 } });
    expect(await as('huyen', '/tinhhinh')).toMatch(
      new RegExp(`XA02 – Đoàn xã Hai.*${text('behalf.mark', { unit: 'HD01' }).replace(/[()]/g, '\\$&')}`),
    );
    expect(await as('huyen', '/duyet XA02')).toContain(text('behalf.marked', { unit: 'HD01' }));
  });
});
