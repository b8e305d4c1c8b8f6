import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Translator } from '../../src/i18n/translator.ts';
import { TelegramTestBot, textOf } from '../support/telegram-test-bot.ts';

const t = Translator.fromDirectory('locales');
const OFFICER = 4242;

/** Each chat gets about one message a second, so a step that needs one message must send one. */
describe('one message where one will do', () => {
  let tb: TelegramTestBot;
  beforeAll(async () => {
    tb = await TelegramTestBot.start();
    await tb.enrol(OFFICER, 'HD01');
  }, 60_000);
  afterAll(async () => {
    await tb?.close();
  });

  it('sends the welcome and the help as one message', async () => {
    const replies = await tb.say(OFFICER, '/start');
    expect(replies).toHaveLength(1);
    expect(textOf(replies)).toContain(t.t('vi', 'core.welcome').split('\n')[0]!);
  });

  it('sends the report intro and the first question as one message', async () => {
    const replies = await tb.say(OFFICER, '/baocao 6thang-2027');
    expect(replies).toHaveLength(1);
    expect(textOf(replies)).toContain(t.t('vi', 'form.engine.progress', { index: 1, total: 15 }));
    expect(textOf(replies)).toContain(t.t('vi', 'form.qttn.propaganda_sessions.prompt'));
  });

  it('sends an explanation and the same question again as one message', async () => {
    const replies = await tb.say(OFFICER, 'không rõ');
    expect(replies).toHaveLength(1);
    expect(textOf(replies)).toContain('«không rõ»');
    expect(textOf(replies)).toContain(t.t('vi', 'form.engine.progress', { index: 1, total: 15 }));
  });
});
