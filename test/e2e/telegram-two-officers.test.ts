import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Translator } from '../../src/i18n/translator.ts';
import { TelegramTestBot, textOf } from '../support/telegram-test-bot.ts';

const A = 9401;
const B = 9402;
const ANSWERS = ['1', '10', '0', '0', '0', '0', '0', '0', 'không', 'bỏ qua', 'bỏ qua', 'bỏ qua'];
const t = Translator.fromDirectory('locales');
const overtakenStart = t.t('vi', 'report.overtaken').split('{name}')[0]!;

let tb: TelegramTestBot;
beforeAll(async () => {
  tb = await TelegramTestBot.start();
  await tb.enrol(A, 'HD01');
  await tb.enrol(B, 'HD01');
});
afterAll(async () => {
  await tb?.close();
});

describe('two officers of one unit reporting at the same time', () => {
  it('tells the one who sends last that a colleague sent meanwhile; both revisions are kept', async () => {
    await tb.say(A, '/baocao 6thang-2027');
    await tb.say(A, '5');
    await tb.say(B, '/baocao 6thang-2027');
    for (const answer of ANSWERS) await tb.say(B, answer);
    const first = textOf(await tb.say(B, 'gửi'));
    expect(first).not.toContain(overtakenStart);

    for (const answer of ANSWERS.slice(1)) await tb.say(A, answer);
    const second = textOf(await tb.say(A, 'gửi'));
    expect(second).toContain('lần gửi thứ 2');
    expect(second).toContain(overtakenStart);
    expect(second).toContain(`Người ${B}`);

    const revisions = await tb.bot.app.stores.reports.revisions('6thang-2027', 'HD01');
    expect(revisions.map((r) => [r.revision, r.answers.propaganda_sessions])).toEqual([
      [1, 1],
      [2, 5],
    ]);
  });
});
