import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConsoleSession, text, type ConsoleSession } from './console-session.ts';

/** Behaviour found by using the bot in the terminal as an admin, an officer and a leader would. */
describe('the terminal chat, as its users meet it', () => {
  let chat: ConsoleSession;

  beforeAll(async () => {
    chat = await openConsoleSession('e2e-review');
    await chat.type('/donvi them HD01 Huyện Đoàn Ninh Hải');
    await chat.type('/moi HD01');
    await chat.type('/as an');
    await chat.type('/join');
  }, 60_000);

  afterAll(async () => {
    await chat?.close();
  });

  it('tells an officer that an admin-only command is for admins, not "leaders or admins"', async () => {
    await chat.type('/as an');
    chat.clear();
    await chat.type('/donvi ds');
    await chat.type('/moi HD01');
    await chat.type('/tinhhinh');
    const out = chat.output();
    expect(out).toContain(text('core.errors.admin_only', { command: 'donvi' }));
    expect(out).toContain(text('core.errors.admin_only', { command: 'moi' }));
    expect(out).not.toContain(text('core.errors.not_allowed', { command: 'donvi' }));
    expect(out).toContain(text('core.errors.not_allowed', { command: 'tinhhinh' }));
  });

  it('reads a role written in two words and refuses an officer for the province, which does not report', async () => {
    await chat.type('/as admin');
    chat.clear();
    await chat.type('/moi hd01 lãnh đạo');
    await chat.type('/moi TINH canbo');
    await chat.type('/moi TINH');
    const out = chat.output();
    const roleLine = text('invite.created', { code: '', unit: '', role: text('roles.leader'), expires: '' }).split('\n')[2] ?? '';
    expect(out).toContain(roleLine);
    expect(out).not.toContain(text('invite.unknown_role', { role: 'lãnh' }));
    expect(out.split(text('invite.no_province_officer', { code: 'TINH' })).length - 1).toBe(2);
    expect(out.match(/🎟️/g)?.length).toBe(1);
  });

  it('explains /donvi nhap when it comes without lines, and imports the lines that follow it', async () => {
    chat.clear();
    await chat.type('/as admin');
    await chat.type('/donvi nhap');
    expect(chat.output()).toContain(text('units.usage_import').split('\n')[0]);
    expect(chat.output()).not.toContain(text('units.problem_empty'));

    chat.clear();
    await chat.send('admin', 'donvi', 'nhap\nHD02, Huyện Đoàn Ninh Phước\nHD03; Huyện Đoàn Thuận Bắc');
    expect(chat.output()).toContain(text('units.imported_all', { added: 2 }));
    chat.clear();
    await chat.send('admin', 'donvi', 'nhap\nHD03, Huyện Đoàn Thuận Bắc\nHD04, Huyện Đoàn Bác Ái');
    expect(chat.output()).toContain(text('units.imported', { added: 1, skipped: 'HD03' }));
  });

  it('does not offer /baocao and /huy in the help of the province, which does not report; a unit officer still sees them', async () => {
    await chat.type('/as admin');
    chat.clear();
    await chat.type('/trogiup');
    expect(chat.output()).toContain(`/tinhhinh — ${text('commands.status')}`);
    expect(chat.output()).not.toContain(`/baocao — ${text('commands.report')}`);
    expect(chat.output()).not.toContain(`/huy — ${text('commands.cancel')}`);
    await chat.type('/as an');
    chat.clear();
    await chat.type('/trogiup');
    expect(chat.output()).toContain(`/baocao — ${text('commands.report')}`);
    expect(chat.output()).toContain(`/huy — ${text('commands.cancel')}`);
  });
});
