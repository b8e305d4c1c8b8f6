import type { OutboundMessage } from '../../core/messages.ts';
import type { Lang, Params } from '../../i18n/translator.ts';

/** Console texts; `lang` is the recipient's language when the message says it. */
export type Translate = (key: string, params?: Params, lang?: Lang) => string;

/** Marks every line the bot prints, so that piped output is easy to read and to grep. */
export const BOT_PREFIX = '🤖 ';

/**
 * The lines of text the console prints for a message other than a file: text as is, choices as
 * numbered lines "  1. …" (answered by typing the number, as on Zalo), a photo as its URL.
 */
export function renderLines(message: Exclude<OutboundMessage, { type: 'file' | 'image' }>, t: Translate): string[] {
  switch (message.type) {
    case 'text':
      return message.text.split('\n');
    case 'choices':
      return [
        ...message.text.split('\n'),
        ...message.choices.map((choice, i) => `  ${i + 1}. ${choice.label}`),
        t('console.choices.hint', {}, message.lang),
      ];
    case 'photo':
      return [...(message.caption ? message.caption.split('\n') : []), t('console.photo.link', { url: message.url }, message.lang)];
  }
}

/**
 * Prefixes every line with the bot marker, and with the recipient when the message is for a chat
 * other than the one at the keyboard ("🤖 [→ an] …": a reminder to someone else).
 */
export function formatBlock(lines: string[], recipient: string | undefined): string {
  const prefix = BOT_PREFIX + (recipient === undefined ? '' : `[→ ${recipient}] `);
  return lines.map((line) => prefix + line).join('\n') + '\n';
}
