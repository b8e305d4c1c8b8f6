import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConsoleSession, text, type ConsoleSession } from '../e2e/console-session.ts';

/** Names every plain object inherits: a lookup of user text in a plain object finds them. */
const NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'];

/**
 * Every place where typed text picks something from a table (commands and their words, sub-commands,
 * roles, units, periods, languages, answers, choices, questions) is fed the names of Object.prototype:
 * each must get an ordinary answer, never the "something went wrong" of an exception, and never act.
 */
describe('user text that names an Object.prototype member', () => {
  let chat: ConsoleSession;
  const internal = text('core.errors.internal');

  beforeAll(async () => {
    chat = await openConsoleSession('hardening-proto');
    await chat.type('/donvi them HD01 Huyện Đoàn Ninh Hải');
    await chat.type('/moi HD01');
    await chat.type('/as an');
    await chat.type('/join');
    await chat.type('/as admin');
  }, 60_000);

  afterAll(async () => {
    await chat?.close();
  });

  const expectOrdinaryAnswers = (lines: string[]): string => {
    const out = chat.output();
    expect(out, lines.join('\n')).not.toContain(internal);
    // Every line got an answer of its own.
    expect(out.split('🤖').length - 1, out).toBeGreaterThanOrEqual(lines.length);
    return out;
  };

  it.each(NAMES)('as an admin: commands, sub-commands, units, roles, periods and questions with %j', async (name) => {
    await chat.type('/as admin');
    chat.clear();
    const lines = [
      `/${name}`,
      name,
      `/donvi ${name}`,
      `/donvi xoa ${name}`,
      `/donvi sua ${name} Tên mới`,
      `/moi ${name}`,
      `/moi HD01 ${name}`,
      `/nguoi ${name}`,
      `/nguoi vaitro ${name} lanhdao`,
      `/nguoi chuyen ${name} HD01`,
      `/baocao ${name}`,
      `/tinhhinh ${name}`,
      `/tonghop ${name}`,
      `/xuat ${name}`,
      `/giahan ${name} 25/6/2027`,
      `/nhacnho ${name}`,
      `/ngonngu ${name}`,
      `/hoi ${name}`,
      `/start ${name}`,
    ];
    for (const line of lines) await chat.type(line);
    const out = expectOrdinaryAnswers(lines);
    expect(out.toLowerCase()).toContain(text('core.errors.unknown_command', { command: name }).toLowerCase());
    const firstLine = (key: string): string => text(key).split('\n')[0] ?? key;
    expect(out).toContain(firstLine('units.usage'));
    expect(out).toContain(text('invite.unknown_role', { role: name }));
    expect(out).toContain(text('core.language_unknown', { text: name }));
    expect(out).toContain(text('report.unknown_period', { name, list: '' }).trim());
    // Nothing was created or changed by a name.
    chat.clear();
    await chat.type('/donvi ds');
    expect(chat.output()).not.toMatch(new RegExp(name.replace(/[_]/g, '\\_')));
  });

  it('as an officer: a period choice and a numeric answer naming any of them are refused and asked again', async () => {
    await chat.type('/as an');
    await chat.type('/baocao');
    for (const name of NAMES) {
      chat.clear();
      await chat.type(name);
      expectOrdinaryAnswers([name]);
      expect(chat.output()).toContain(text('report.pick_period_again'));
    }
    await chat.type('1');
    for (const name of NAMES) {
      chat.clear();
      await chat.type(name);
      const out = expectOrdinaryAnswers([name]);
      expect(out).toContain(text('form.errors.not_a_number', { text: name }));
      expect(out).toContain(text('form.engine.progress', { index: 1, total: 15 }));
    }
  });
});
