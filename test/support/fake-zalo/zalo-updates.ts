import { randomBytes } from 'node:crypto';
import type { ZaloUpdate } from '../../../src/channels/zalo/zalo-types.ts';

/** Who sends a fake update. `chatId` defaults to `userId` (a private chat). */
export interface FakeSender {
  userId: string;
  chatId?: string;
  displayName?: string;
  chatType?: 'PRIVATE' | 'GROUP';
}

/** A Zalo-like message id: 20 hex characters. */
export function newMessageId(): string {
  return randomBytes(10).toString('hex');
}

function base(sender: FakeSender, messageId: string) {
  return {
    message_id: messageId,
    from: { id: sender.userId, display_name: sender.displayName ?? `User ${sender.userId}`, is_bot: false },
    chat: { id: sender.chatId ?? sender.userId, chat_type: sender.chatType ?? 'PRIVATE' },
    date: Date.now(),
  };
}

/** A `message.text.received` update, as Zalo sends it (bare shape). */
export function textUpdate(sender: FakeSender & { text: string }, messageId = newMessageId()): ZaloUpdate {
  return { event_name: 'message.text.received', message: { ...base(sender, messageId), text: sender.text } };
}

/** A `message.image.received` update. */
export function imageUpdate(sender: FakeSender & { caption?: string }, messageId = newMessageId()): ZaloUpdate {
  return {
    event_name: 'message.image.received',
    message: {
      ...base(sender, messageId),
      photo_url: 'https://example.invalid/photo.jpg',
      ...(sender.caption ? { caption: sender.caption } : {}),
    },
  };
}

/** A `message.sticker.received` update. */
export function stickerUpdate(sender: FakeSender, messageId = newMessageId()): ZaloUpdate {
  return { event_name: 'message.sticker.received', message: { ...base(sender, messageId), sticker: '0e078a2fb66a5f34067b' } };
}

/** A `message.unsupported.received` update (voice, contact card…). */
export function unsupportedUpdate(sender: FakeSender, messageId = newMessageId()): ZaloUpdate {
  return { event_name: 'message.unsupported.received', message: base(sender, messageId) };
}
