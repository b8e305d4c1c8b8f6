import type { Chat, Message, Update, User } from 'telegraf/types';
import { parseCommand, type ChatRef, type InboundMessage, type SenderRef } from '../../core/messages.ts';

/** The pressed button behind an inbound choice: the adapter answers it and removes the keyboard. */
export interface CallbackRef {
  queryId: string;
  chatId: string;
  messageId: number;
}

/** What one Telegram update becomes: a normalized message, or nothing (with the reason, for logs). */
export type MappedUpdate = { kind: 'message'; message: InboundMessage; callback?: CallbackRef } | { kind: 'ignored'; reason: string };

/** What the mapping needs from the adapter. */
export interface InboundContext {
  /** The bot's own username, to ignore "/cmd@otherbot" in groups; undefined before getMe. */
  botUsername: string | undefined;
  /** Downloads a file by its file_id (getFile, then the file URL under apiRoot). */
  download(fileId: string): Promise<Buffer>;
}

/** Message contents the bot cannot read; anything else without text is a service message and ignored. */
const UNSUPPORTED_KINDS = [
  'animation',
  'photo',
  'sticker',
  'voice',
  'video',
  'video_note',
  'audio',
  'location',
  'venue',
  'contact',
  'poll',
  'dice',
  'game',
  'story',
] as const;

/**
 * Maps a Telegram update to an {@link InboundMessage}: text, "/command args", a pressed inline
 * button (choice), a document, or unsupported content. Updates from bots, channel posts, edits and
 * service messages (members joining, pins…) are ignored. `updateKey` is `tg:<update_id>`.
 */
export function toInbound(update: Update, context: InboundContext): MappedUpdate {
  const updateKey = `tg:${update.update_id}`;
  if ('message' in update) return fromMessage(update.message, updateKey, context);
  if ('callback_query' in update) {
    const query = update.callback_query;
    if (query.from.is_bot) return { kind: 'ignored', reason: 'from a bot' };
    if (!('data' in query)) return { kind: 'ignored', reason: 'callback without data' };
    const origin = query.message;
    if (!origin) return { kind: 'ignored', reason: 'callback from an inline message' };
    const chat = toChatRef(origin.chat);
    if (!chat) return { kind: 'ignored', reason: 'callback in a channel' };
    return {
      kind: 'message',
      message: {
        type: 'choice',
        choiceId: query.data,
        updateKey,
        chat,
        from: toSenderRef(query.from),
        receivedAt: new Date(),
      },
      callback: { queryId: query.id, chatId: chat.chatId, messageId: origin.message_id },
    };
  }
  return { kind: 'ignored', reason: `update type ${Object.keys(update).find((k) => k !== 'update_id') ?? '?'}` };
}

function fromMessage(message: Message, updateKey: string, context: InboundContext): MappedUpdate {
  const chat = toChatRef(message.chat);
  if (!chat) return { kind: 'ignored', reason: 'channel post' };
  if (!message.from || message.from.is_bot) return { kind: 'ignored', reason: 'from a bot' };
  const base = { updateKey, chat, from: toSenderRef(message.from), receivedAt: new Date(message.date * 1000) };

  if ('text' in message) {
    const command = parseCommand(message.text);
    if (!command) return { kind: 'message', message: { ...base, type: 'text', text: message.text } };
    if (!isAddressedToUs(message.text, context.botUsername)) {
      return { kind: 'ignored', reason: 'command for another bot' };
    }
    return { kind: 'message', message: { ...base, type: 'command', ...command } };
  }
  const unsupported = UNSUPPORTED_KINDS.find((kind) => kind in message);
  if (unsupported) return { kind: 'message', message: { ...base, type: 'unsupported', what: unsupported } };
  if ('document' in message) {
    const { document } = message;
    return {
      kind: 'message',
      message: {
        ...base,
        type: 'document',
        fileName: document.file_name ?? 'document',
        ...(document.mime_type !== undefined && { mimeType: document.mime_type }),
        ...(message.caption !== undefined && { caption: message.caption }),
        download: () => context.download(document.file_id),
      },
    };
  }
  return { kind: 'ignored', reason: 'service message' };
}

/** "/cmd@name …" is for us only when name is our username; "/cmd …" always is. */
function isAddressedToUs(text: string, botUsername: string | undefined): boolean {
  const target = /^\/[^\s@]+@(\w+)/.exec(text.trim())?.[1];
  return target === undefined || botUsername === undefined || target.toLowerCase() === botUsername.toLowerCase();
}

function toChatRef(chat: Chat): ChatRef | undefined {
  if (chat.type === 'channel') return undefined;
  return { channel: 'telegram', chatId: String(chat.id), kind: chat.type === 'private' ? 'private' : 'group' };
}

function toSenderRef(user: User): SenderRef {
  const displayName = [user.first_name, user.last_name].filter(Boolean).join(' ') || user.username;
  return {
    channel: 'telegram',
    userId: String(user.id),
    ...(displayName && { displayName }),
    ...(user.language_code !== undefined && { languageCode: user.language_code }),
  };
}
