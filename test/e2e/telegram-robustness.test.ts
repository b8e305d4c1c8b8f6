import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Translator } from '../../src/i18n/translator.ts';
import { TelegramTestBot, textOf } from '../support/telegram-test-bot.ts';

const t = Translator.fromDirectory('locales');
const prompt = (id: string) => t.t('vi', `form.qttn.${id}.prompt`);
const OFFICER = 5001;

let tb: TelegramTestBot;
beforeEach(async () => {
  tb = await TelegramTestBot.start();
  await tb.enrol(OFFICER, 'HD01');
  await tb.say(OFFICER, '/baocao 6thang-2027');
});
afterEach(async () => {
  await tb?.close();
});

describe('robustness of the report conversation', () => {
  it('loses nothing when the bot restarts in the middle of a report', async () => {
    await tb.say(OFFICER, '7');
    expect(textOf(await tb.say(OFFICER, '70'))).toContain(prompt('clubs'));
    await tb.restart();
    // The officer simply answers the next question after the restart.
    expect(textOf(await tb.say(OFFICER, '1'))).toContain(prompt('club_members'));
    const session = await tb.bot.app.stores.sessions.read('telegram', String(OFFICER));
    expect(session).toMatchObject({ form: { answers: { propaganda_sessions: 7, propaganda_participants: 70, clubs: 1 } } });
  });

  it('handles an update delivered twice only once', async () => {
    const before = tb.fake.messagesTo(OFFICER).length;
    const update = {
      update_id: 900_001,
      message: {
        message_id: 77,
        date: Math.floor(Date.now() / 1000),
        chat: { id: OFFICER, type: 'private', first_name: 'Officer' },
        from: { id: OFFICER, is_bot: false, first_name: 'Officer' },
        text: '9',
      },
    };
    tb.fake.deliverUpdate(update);
    tb.fake.deliverUpdate(update);
    await tb.fake.waitFor(() => tb.fake.messagesTo(OFFICER).length > before);
    // A later message proves both deliveries were consumed before we count.
    const next = textOf(await tb.say(OFFICER, '90'));
    expect(next).toContain(prompt('clubs'));
    const answers = (await tb.bot.app.stores.sessions.read('telegram', String(OFFICER))) as { form: { answers: Record<string, unknown> } };
    expect(answers.form.answers).toMatchObject({ propaganda_sessions: 9, propaganda_participants: 90 });
    expect(
      tb.fake
        .messagesTo(OFFICER)
        .slice(before)
        .filter((m) => m.text?.includes(prompt('propaganda_participants'))),
    ).toHaveLength(1);
  });

  it('handles two quick messages from one person both, in order', async () => {
    const before = tb.fake.messagesTo(OFFICER).length;
    tb.fake.sendText({ userId: OFFICER, text: '3' });
    tb.fake.sendText({ userId: OFFICER, text: '30' });
    await tb.fake.waitFor(() =>
      tb.fake
        .messagesTo(OFFICER)
        .slice(before)
        .some((m) => m.text?.includes(prompt('clubs'))),
    );
    await tb.settle();
    const session = (await tb.bot.app.stores.sessions.read('telegram', String(OFFICER))) as { form: { answers: Record<string, unknown> } };
    expect(session.form.answers).toMatchObject({ propaganda_sessions: 3, propaganda_participants: 30 });
  });

  it('keeps what was entered after /huy and resumes with /baocao', async () => {
    await tb.say(OFFICER, '5');
    expect(textOf(await tb.say(OFFICER, '/huy'))).toContain('1 câu trả lời');
    // Outside the report, text is no longer taken as an answer.
    await tb.say(OFFICER, '50');
    const resumed = textOf(await tb.say(OFFICER, '/baocao'));
    expect(resumed).toContain(prompt('propaganda_participants'));
    expect(textOf(await tb.say(OFFICER, '50'))).toContain(prompt('clubs'));
  });

  it('keeps every revision and marks a resubmission as a new one', async () => {
    const figures = ['1', '10', '0', '0', '0', '0', '0', '0', 'không', 'bỏ qua', 'bỏ qua', 'bỏ qua'];
    for (const answer of figures) await tb.say(OFFICER, answer);
    expect(textOf(await tb.say(OFFICER, 'gửi'))).toContain('lần gửi thứ 1');
    const again = textOf(await tb.say(OFFICER, '/baocao 6thang-2027'));
    expect(again).toContain('lần 1');
    await tb.say(OFFICER, 'sửa');
    await tb.say(OFFICER, '1');
    await tb.say(OFFICER, '2');
    expect(textOf(await tb.say(OFFICER, 'gửi'))).toContain('lần gửi thứ 2');
    const revisions = await tb.bot.app.stores.reports.revisions('6thang-2027', 'HD01');
    expect(revisions.map((r) => r.answers.propaganda_sessions)).toEqual([1, 2]);
    expect(revisions.every((r) => r.submittedBy.name === `Người ${OFFICER}`)).toBe(true);
  });
});
