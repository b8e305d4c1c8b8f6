import { describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import { channelText } from '../../src/core/channel-words.ts';
import { LANGS, Translator } from '../../src/i18n/translator.ts';
import type { ChannelName } from '../../src/core/messages.ts';
import { startForm, promptFor } from '../../src/flow/form-engine.ts';
import { testForm, testTranslator } from '../flow/fixtures.ts';

const translator = Translator.fromDirectory(join(resolve(import.meta.dirname, '../..'), 'locales'));

/** Words that only make sense where there are buttons. */
const BUTTON_WORDS = /bấm|nhấn|\bnút\b|\bpress|\bbutton|\btap\b/iu;

/**
 * Keys only ever sent on Telegram: the button under a reminder and the line pointing at it (the
 * reminder on other channels uses `reminders.reminder.how_text`; see reminder-messages.ts).
 */
const TELEGRAM_ONLY = new Set(['reminders.reminder.how_button', 'reminders.reminder.button']);
/** Keys about buttons that exist only as the button variants of a `_nobuttons` key. */
const isVariant = (key: string) => key.endsWith('_nobuttons') || key.endsWith('_nofiles');

const withoutButtons: ChannelName[] = ['zalo', 'console'];

/** A value for every `{param}` of a template, so that the rendered text is what a person would see. */
function paramsFor(template: string): Record<string, string> {
  return Object.fromEntries([...template.matchAll(/\{(\w+)\}/g)].map((m) => [m[1] ?? '', '1']));
}

describe('words that fit the channel', () => {
  const keysWith = (lang: (typeof LANGS)[number], words: RegExp) =>
    translator.keys(lang).filter((key) => !isVariant(key) && !TELEGRAM_ONLY.has(key) && words.test(translator.t(lang, key)));

  it('finds the texts that speak of buttons (the check below is not empty)', () => {
    expect(keysWith('vi', BUTTON_WORDS).length).toBeGreaterThanOrEqual(6);
    expect(keysWith('en', BUTTON_WORDS).length).toBeGreaterThanOrEqual(6);
  });

  for (const lang of LANGS) {
    for (const channel of withoutButtons) {
      it(`renders no button words on ${channel} (${lang})`, () => {
        const t = channelText(translator, lang, channel);
        const misfits = keysWith(lang, BUTTON_WORDS)
          .map((key) => [key, t(key, paramsFor(translator.t(lang, key)))] as const)
          .filter(([, text]) => BUTTON_WORDS.test(text));
        expect(misfits).toEqual([]);
      });

      it(`offers no file to send on ${channel} (${lang})`, () => {
        const t = channelText(translator, lang, channel);
        const misfits = ['units.usage', 'units.usage_import', 'core.errors.unsupported']
          .map((key) => [key, t(key)] as const)
          .filter(([, text]) => /tệp|\bfile/iu.test(text));
        expect(misfits).toEqual([]);
      });
    }
  }

  it('keeps the button words on Telegram', () => {
    const t = channelText(translator, 'vi', 'telegram');
    expect(t('form.engine.review_question')).toMatch(BUTTON_WORDS);
    expect(t('units.usage_import')).toMatch(/tệp/);
    expect(t.typed).toBe(false);
    expect(channelText(translator, 'vi', 'zalo').typed).toBe(true);
  });

  it('offers no «Xong» choice for a multi-choice question where choices are typed', () => {
    const forms = testTranslator();
    const spec = testForm(forms);
    const state = startForm(spec, { sessions: 12, participants: 30, region: 'other' });
    expect(state.current).toBe('partners');
    const choiceIds = (channel: ChannelName) => {
      const [message] = promptFor(spec, state, channelText(forms, 'vi', channel));
      return message?.type === 'choices' ? message.choices.map((c) => c.id) : [];
    };
    expect(choiceIds('telegram')).toContain('done');
    expect(choiceIds('zalo')).not.toContain('done');
    expect(choiceIds('console')).toEqual(['opt:a', 'opt:b', 'opt:c']);
  });
});
