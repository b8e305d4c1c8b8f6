import type { ChannelName } from './messages.ts';
import type { Translator, Lang, Params } from '../i18n/translator.ts';
import type { TextFn } from '../flow/text-fn.ts';

/** What a channel can do that changes how texts are worded. */
export interface ChannelAbilities {
  /** Choices are buttons (Telegram); elsewhere they are numbered lines answered by typing. */
  buttons: boolean;
  /** People can send the bot files (Telegram); Zalo bots and the terminal receive none. */
  receivesFiles: boolean;
  /** The bot can hand people a file (Telegram sends it, the terminal saves it); a Zalo bot cannot. */
  sendsFiles: boolean;
}

const ABILITIES = new Map<ChannelName, ChannelAbilities>([
  ['telegram', { buttons: true, receivesFiles: true, sendsFiles: true }],
  ['zalo', { buttons: false, receivesFiles: false, sendsFiles: false }],
  ['console', { buttons: false, receivesFiles: false, sendsFiles: true }],
]);

export function abilitiesOf(channel: ChannelName): ChannelAbilities {
  return ABILITIES.get(channel) ?? { buttons: false, receivesFiles: false, sendsFiles: false };
}

/**
 * Texts worded for a channel. A locale key may have variants next to it: `<key>_nobuttons` for channels
 * without buttons ("gõ «gửi»" rather than "bấm «Gửi báo cáo»") and `<key>_nofiles` for channels that
 * receive no files (no "hoặc gửi tệp .csv"); the first one that exists and fits is used, else the key.
 * The returned function says `typed: true` where choices are typed, so the form engine leaves out
 * choices that only make sense as buttons ("Xong").
 */
export function channelText(translator: Translator, lang: Lang, channel: ChannelName): TextFn {
  const { buttons, receivesFiles } = abilitiesOf(channel);
  const t = (key: string, params?: Params): string => {
    if (!receivesFiles && translator.has(`${key}_nofiles`, lang)) return translator.t(lang, `${key}_nofiles`, params);
    if (!buttons && translator.has(`${key}_nobuttons`, lang)) return translator.t(lang, `${key}_nobuttons`, params);
    return translator.t(lang, key, params);
  };
  return Object.assign(t, { typed: !buttons });
}
