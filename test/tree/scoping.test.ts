import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConsoleSession, text, type ConsoleSession } from '../e2e/console-session.ts';
import { addTwoDistricts, joinAs, typeAs } from './tree-console.ts';

/**
 * The role × command × unit matrix on a three-level tree, in the terminal:
 * TINH → HD01 → XA01, XA02; TINH → HD02 → XA03.
 */
describe('a leader or admin of a unit acts on its subtree only', () => {
  let chat: ConsoleSession;

  const as = (who: string, ...lines: string[]): Promise<string> => typeAs(chat, who, ...lines);
  const join = (unit: string, role: string, who: string): Promise<void> => joinAs(chat, unit, role, who);
  const submit = async (unitCode: string): Promise<void> => {
    await chat.bot.app.stores.reports.submit({
      periodId: '6thang-2027',
      unitCode,
      answers: { propaganda_sessions: 3 },
      submittedBy: { personId: 'p-test', name: `cán bộ ${unitCode}`, channel: 'console' },
      submittedAt: new Date().toISOString(),
      late: false,
    });
  };

  beforeAll(async () => {
    chat = await openConsoleSession('tree-scope');
    await addTwoDistricts(chat);
    await join('TINH', 'lanhdao', 'lanh');
    await join('HD01', 'lanhdao', 'huyen');
    await join('HD01', 'quantri', 'qthuyen');
    await join('XA01', 'canbo', 'an');
    await join('XA02', 'canbo', 'binh');
    await join('XA03', 'canbo', 'cuong');
    await submit('XA01');
    await submit('XA03');
  }, 90_000);

  afterAll(async () => {
    await chat?.close();
  });

  it('adds a unit under a parent named last, and shows the tree', async () => {
    const out = await as('admin', '/donvi cay');
    expect(out).toContain('└ HD01 – Huyện Đoàn A');
    expect(out).toContain('   └ XA01 – Đoàn xã Một');
    expect(out).toContain('   └ XA03 – Đoàn xã Ba');
  });

  it('/tinhhinh, /tonghop and /xuat: the province sees every reporting unit, a district leader its own, an officer nothing', async () => {
    const province = await as('lanh', '/tinhhinh');
    expect(province).toContain(text('status.completeness', { reported: 2, total: 3, percent: 67, onTime: 2, late: 0 }));
    for (const code of ['XA01', 'XA02', 'XA03']) expect(province).toContain(code);
    expect(province).not.toContain('❌ HD01');

    const district = await as('huyen', '/tinhhinh');
    expect(district).toContain(text('tree.scope_line', { code: 'HD01', name: 'Huyện Đoàn A' }));
    expect(district).toContain(text('status.completeness', { reported: 1, total: 2, percent: 50, onTime: 1, late: 0 }));
    expect(district).not.toContain('XA03');

    const summary = await as('huyen', '/tonghop');
    expect(summary).toContain(text('status.totals_heading', { count: 1 }));
    expect(summary).toContain(text('status.missing_list', { units: 'Đoàn xã Hai' }));
    expect(await as('qthuyen', '/xuat csv')).toContain(text('export.caption', { period: '6thang-2027', reported: 1, total: 2 }));
    expect(await as('lanh', '/xuat csv')).toContain(text('export.caption', { period: '6thang-2027', reported: 2, total: 3 }));
    expect(await as('lanh', '/xuat')).toContain(
      text('exports.caption.workbook', { period: 'Báo cáo công tác quốc tế thanh niên 6 tháng đầu năm 2027', reported: 2, total: 3 }),
    );

    for (const command of ['tinhhinh', 'tonghop', 'xuat', 'nhacnho', 'giahan']) {
      expect(await as('an', `/${command}`)).toContain(text('core.errors.not_allowed', { command }));
    }
  });

  it('/nhacnho nudges only the missing units of the subtree', async () => {
    const district = await as('huyen', '/nhacnho');
    expect(district).toContain('[→ binh]');
    expect(district).not.toContain('[→ cuong]');
    expect(district).not.toContain('[→ an]');
    const province = await as('lanh', '/nhacnho');
    // XA01 and XA03 have reported; binh was nudged a moment ago.
    expect(province).not.toContain('[→ cuong]');
    expect(province).toContain(text('reminders.remind.recently'));
  });

  it('/giahan: only the province moves the common deadline; a district sets its own subtree’s, no later than it owes', async () => {
    expect(await as('huyen', '/giahan 6thang-2027 20/6/2027')).toContain(
      text('reminders.extend.after_own_deadline', { deadline: '20/06/2027', code: 'HD01', own: 'HD01', owed: '10/06/2027' }),
    );
    expect(await as('lanh', '/giahan 6thang-2027 20/6/2027')).toContain('20/06/2027');
  });

  it('an admin of a unit manages units and people of its subtree only', async () => {
    expect(await as('qthuyen', '/donvi cay')).not.toContain('HD02');
    expect(await as('qthuyen', '/donvi cay HD02')).toContain(text('tree.outside_scope', { code: 'HD02' }));
    expect(await as('qthuyen', '/moi XA03')).toContain(text('tree.outside_scope', { code: 'XA03' }));
    expect(await as('qthuyen', '/donvi them XA09 Xã Chín HD02')).toContain(text('tree.outside_scope', { code: 'HD02' }));
    expect(await as('qthuyen', '/donvi them XA04 Đoàn xã Bốn')).toContain(
      text('tree.added_under', { code: 'XA04', name: 'Đoàn xã Bốn', parent: 'HD01', parentName: 'Huyện Đoàn A' }),
    );
    expect(await as('qthuyen', '/donvi xoa HD01')).toContain(text('tree.outside_scope', { code: 'HD01' }));
    const people = await as('qthuyen', '/nguoi ds');
    expect(people).toContain('an');
    expect(people).not.toContain('cuong');
    expect(await as('qthuyen', '/moi XA04')).toContain('🎟️');
    await chat.type('/as admin');
    await chat.type('/donvi xoa XA04');
  });

  it('refuses a loop, keeps a unit with units below it, and keeps the reports of a moved unit', async () => {
    expect(await as('admin', '/donvi chuyen HD01 XA01')).toContain(text('tree.cycle', { code: 'HD01', parent: 'XA01' }));
    expect(await as('admin', '/donvi xoa HD02')).toContain(text('tree.has_children', { code: 'HD02', count: 1 }));
    expect(await as('admin', '/donvi chuyen XA01 HD02')).toContain(text('tree.moved', { code: 'XA01', parent: 'HD02' }));
    const district = await as('huyen', '/tinhhinh');
    expect(district).toContain(text('status.completeness', { reported: 0, total: 1, percent: 0, onTime: 0, late: 0 }));
    const province = await as('lanh', '/tinhhinh');
    expect(province).toContain(text('status.completeness', { reported: 2, total: 3, percent: 67, onTime: 2, late: 0 }));
    await as('admin', '/donvi chuyen XA01 HD01');
  });

  it('refuses a unit list whose parents loop', async () => {
    chat.clear();
    await chat.send('admin', 'donvi', 'nhap\nXA10, Xã Mười, XA11\nXA11, Xã Mười Một, XA10');
    expect(chat.output()).toContain(text('tree.import_cycle', { code: 'XA10' }));
  });
});
