/**
 * Normalized messages: what every channel adapter (Telegram, Zalo, console) turns its platform's
 * updates into, and what the core asks adapters to send. Nothing here knows any platform.
 */

import type { Lang } from '../i18n/translator.ts';

export type ChannelName = 'telegram' | 'zalo' | 'console';

/** A chat on one channel. `chatId` is always a string (Zalo ids are strings, Telegram's are stringified). */
export interface ChatRef {
  channel: ChannelName;
  chatId: string;
  kind: 'private' | 'group';
}

/** Who sent an inbound message. */
export interface SenderRef {
  channel: ChannelName;
  userId: string;
  displayName?: string;
  /** IETF language code reported by the platform, if any (e.g. "vi", "en"). */
  languageCode?: string;
}

interface InboundBase {
  /**
   * Unique key of the platform update, used to drop duplicate deliveries
   * (Telegram: update_id; Zalo: event name + message_id; console: a counter).
   */
  updateKey: string;
  chat: ChatRef;
  from: SenderRef;
  receivedAt: Date;
  /**
   * True when the platform delivers the update again if the handler throws `UpdateNotTakenError`
   * (a webhook answering 503), so the core need not tell the person to try again.
   */
  redeliverable?: boolean;
}

export interface InboundText extends InboundBase {
  type: 'text';
  text: string;
}

/** "/baocao abc" → command "baocao", args "abc". The command is lower-case, without slash or @botname. */
export interface InboundCommand extends InboundBase {
  type: 'command';
  command: string;
  args: string;
}

/** A choice made by pressing a button (Telegram inline keyboard). Channels without buttons send text. */
export interface InboundChoice extends InboundBase {
  type: 'choice';
  choiceId: string;
}

export interface InboundDocument extends InboundBase {
  type: 'document';
  fileName: string;
  mimeType?: string;
  caption?: string;
  /** Downloads the file's bytes from the platform. */
  download(): Promise<Buffer>;
}

/** Stickers, pictures, voice…: things the bot cannot read. */
export interface InboundUnsupported extends InboundBase {
  type: 'unsupported';
  what: string;
}

export type InboundMessage = InboundText | InboundCommand | InboundChoice | InboundDocument | InboundUnsupported;

export interface Choice {
  id: string;
  label: string;
}

/**
 * What the bot sends. `lang` is the recipient's language, for the few words an adapter adds itself
 * (how to answer numbered choices, why a file cannot be sent); the adapter's default when absent.
 */
export type OutboundMessage = (
  | { type: 'text'; text: string }
  /** Text followed by choices: buttons on Telegram, numbered lines on Zalo and the console. */
  | { type: 'choices'; text: string; choices: Choice[]; columns?: number }
  | { type: 'file'; fileName: string; mimeType: string; content: Buffer; caption?: string }
  | { type: 'photo'; url: string; caption?: string }
  /**
   * A picture made by the bot (a chart): sent as a photo on Telegram, saved as a file by the console; on
   * Zalo, which takes photos by URL, served at an expiring address when there is a public one, else left
   * out (the text it illustrates is sent on its own).
   */
  | { type: 'image'; fileName: string; content: Buffer; caption?: string }
) & { lang?: Lang };

/**
 * Parses "/cmd@bot args" or "/cmd args" into command and arguments; null when the text is not a command.
 * Shared by every adapter so that commands read the same everywhere.
 */
export function parseCommand(text: string): { command: string; args: string } | null {
  const match = /^\/([\p{L}\p{N}_]+)(?:@[\w]+)?(?:\s+([\s\S]*))?$/u.exec(text.trim());
  if (!match) return null;
  return { command: (match[1] ?? '').toLowerCase(), args: (match[2] ?? '').trim() };
}
