import { parseCommand, type InboundMessage } from '../../core/messages.ts';
import type { ZaloMessage, ZaloUpdate } from './zalo-types.ts';

/**
 * Takes an update out of either shape seen in practice: wrapped `{ok: true, result: {event_name,
 * message}}` (getUpdates, some webhooks) or bare `{event_name, message}` (most webhooks).
 * Returns null when the payload is neither.
 */
export function unwrapUpdate(payload: unknown): ZaloUpdate | null {
  if (!isRecord(payload)) return null;
  const candidate = payload.ok === true && isRecord(payload.result) ? payload.result : payload;
  if (typeof candidate.event_name !== 'string' && !isRecord(candidate.message)) return null;
  return candidate as ZaloUpdate;
}

/**
 * Turns one Zalo update into a normalized message; null when it names no chat to answer.
 * Text starting with "/" becomes a command; pictures, stickers and anything else become
 * `unsupported` (the core answers them politely). Zalo updates have no id, so the dedupe key is
 * `zalo:<event_name>:<message_id>`.
 */
export function toInbound(update: ZaloUpdate, now: Date = new Date()): InboundMessage | null {
  const message = update.message;
  const messageId = idOf(message?.message_id);
  const chatId = idOf(message?.chat?.id);
  const userId = idOf(message?.from?.id);
  if (!message || !messageId || !chatId || !userId) return null;
  const event = eventOf(update.event_name, message);
  const base = {
    updateKey: `zalo:${event}:${messageId}`,
    chat: { channel: 'zalo' as const, chatId, kind: message.chat.chat_type === 'GROUP' ? ('group' as const) : ('private' as const) },
    from: { channel: 'zalo' as const, userId, ...displayName(message) },
    receivedAt: receivedAt(message.date, now),
  };
  const raw = typeof message.text === 'string' ? message.text : '';
  // In a group the bot only sees messages that mention it: "@Doanbot /nhom" is the command /nhom.
  const text = base.chat.kind === 'group' ? withoutLeadingMention(raw) : raw;
  if (event === TEXT_EVENT && text.trim() !== '') {
    const command = text.trimStart().startsWith('/') ? parseCommand(text) : null;
    return command ? { ...base, type: 'command', ...command } : { ...base, type: 'text', text };
  }
  return { ...base, type: 'unsupported', what: whatOf(event) };
}

const TEXT_EVENT = 'message.text.received';

/** "@Bot Name /nhom" → "/nhom"; text without a command after the mention is left as it is. */
export function withoutLeadingMention(text: string): string {
  const match = /^\s*@[^/\n]{1,64}?\s+(\/\S[\s\S]*)$/u.exec(text);
  return match?.[1] ?? text;
}

/** The docs' own getUpdates sample has no event_name, so it is inferred from the message when missing. */
function eventOf(name: string | undefined, message: ZaloMessage): string {
  if (typeof name === 'string' && name !== '') return name;
  if (typeof message.text === 'string') return TEXT_EVENT;
  if (message.photo !== undefined || message.photo_url !== undefined) return 'message.image.received';
  if (message.sticker !== undefined) return 'message.sticker.received';
  return 'message.unsupported.received';
}

/** "message.image.received" → "photo", "message.sticker.received" → "sticker", "message.voice.received" → "voice". */
function whatOf(event: string): string {
  const kind = /^message\.(\w+)\.received$/.exec(event)?.[1] ?? 'unsupported';
  if (kind === 'image') return 'photo';
  return kind === 'text' ? 'empty' : kind;
}

function displayName(message: ZaloMessage): { displayName?: string } {
  const name = message.from.display_name ?? message.from.first_name ?? message.from.name;
  return typeof name === 'string' && name.trim() !== '' ? { displayName: name.trim() } : {};
}

/** `date` is in milliseconds; a value in seconds is accepted too. */
function receivedAt(date: number | undefined, now: Date): Date {
  if (typeof date !== 'number' || !Number.isFinite(date) || date <= 0) return now;
  return new Date(date < 1e12 ? date * 1000 : date);
}

/** Zalo ids are strings; a number (seen in hand-written payloads) is accepted and stringified. */
function idOf(value: unknown): string | null {
  if (typeof value === 'string' && value !== '') return value;
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
