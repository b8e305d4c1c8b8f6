import type { OutboundMessage } from '../../core/messages.ts';
import type { Lang, Translator } from '../../i18n/translator.ts';
import { splitText } from '../shared/split-text.ts';

/** One Zalo API call that carries (part of) an outbound message. */
export type ZaloSend =
  | { method: 'sendMessage'; text: string }
  /** `fallbackText` is sent instead when Zalo refuses the picture (e.g. it cannot fetch the URL). */
  | { method: 'sendPhoto'; photo: string; caption?: string; fallbackText: string };

export interface RenderContext {
  translator: Translator;
  lang: Lang;
  /** Zalo's limit per text message and per caption. */
  maxTextLength: number;
}

/**
 * Turns a normalized outbound message into Zalo calls. Zalo has no buttons, so choices become
 * numbered lines ("1. …") and a hint to answer with the number or the words; files cannot be
 * uploaded, so they become a line naming the file; long text is split at line or sentence ends.
 */
export function renderOutbound(message: OutboundMessage, ctx: RenderContext): ZaloSend[] {
  const texts = (text: string): ZaloSend[] => splitText(text, ctx.maxTextLength).map((part) => ({ method: 'sendMessage', text: part }));
  switch (message.type) {
    case 'text':
      return texts(message.text);
    case 'choices': {
      const lines = message.choices.map((choice, i) => `${i + 1}. ${choice.label}`);
      return texts([message.text.trim(), '', ...lines, '', ctx.translator.t(message.lang ?? ctx.lang, 'zalo.choices.hint')].join('\n'));
    }
    case 'file':
      return texts(
        joinLines(message.caption, ctx.translator.t(message.lang ?? ctx.lang, 'zalo.file.notSent', { fileName: message.fileName })),
      );
    case 'image':
      // Only reached when the picture has no public address: the caption alone (see ZaloAdapter.deliver).
      return message.caption?.trim() ? texts(message.caption) : [];
    case 'photo': {
      const caption = message.caption?.trim() ?? '';
      const link = ctx.translator.t(message.lang ?? ctx.lang, 'zalo.photo.link', { url: message.url });
      if (caption.length <= ctx.maxTextLength) {
        return [{ method: 'sendPhoto', photo: message.url, ...(caption ? { caption } : {}), fallbackText: joinLines(caption, link) }];
      }
      // A caption too long for Zalo follows the picture as text.
      return [{ method: 'sendPhoto', photo: message.url, fallbackText: link }, ...texts(caption)];
    }
  }
}

function joinLines(...lines: (string | undefined)[]): string {
  return lines
    .map((line) => line?.trim() ?? '')
    .filter((line) => line !== '')
    .join('\n');
}
