import type { Chat, Message, Update, User } from 'telegraf/types';

/** Who writes, and where; shared by every kind of fake inbound update. */
export interface FakeSender {
  userId: number;
  /** Defaults to userId (a private chat). */
  chatId?: number;
  firstName?: string;
  /** Defaults to "vi". */
  languageCode?: string;
  /** Defaults to 'private', or 'supergroup' when chatId is negative. */
  chatType?: 'private' | 'group' | 'supergroup';
}

export function fakeUser(sender: FakeSender): User {
  return {
    id: sender.userId,
    is_bot: false,
    first_name: sender.firstName ?? `User ${sender.userId}`,
    language_code: sender.languageCode ?? 'vi',
  };
}

export function fakeChat(sender: FakeSender): Chat.PrivateChat | Chat.GroupChat | Chat.SupergroupChat {
  const id = sender.chatId ?? sender.userId;
  const type = sender.chatType ?? (id < 0 ? 'supergroup' : 'private');
  if (type === 'private') return { id, type, first_name: sender.firstName ?? `User ${sender.userId}` };
  return { id, type, title: `Group ${id}` };
}

function baseMessage(sender: FakeSender, messageId: number) {
  return {
    message_id: messageId,
    from: fakeUser(sender),
    chat: fakeChat(sender),
    date: Math.floor(Date.now() / 1000),
  };
}

/** A text message; text starting with "/" carries a bot_command entity like Telegram's. */
export function textUpdate(updateId: number, messageId: number, sender: FakeSender, text: string): Update {
  const command = /^\/\S+/.exec(text);
  const message: Update.MessageUpdate<Message.TextMessage>['message'] = {
    ...baseMessage(sender, messageId),
    text,
    ...(command && { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] }),
  };
  return { update_id: updateId, message };
}

export function documentUpdate(
  updateId: number,
  messageId: number,
  sender: FakeSender,
  file: { fileId: string; fileName: string; size: number; mimeType?: string; caption?: string },
): Update {
  const message: Update.MessageUpdate<Message.DocumentMessage>['message'] = {
    ...baseMessage(sender, messageId),
    document: {
      file_id: file.fileId,
      file_unique_id: `u-${file.fileId}`,
      file_name: file.fileName,
      file_size: file.size,
      ...(file.mimeType !== undefined && { mime_type: file.mimeType }),
    },
    ...(file.caption !== undefined && { caption: file.caption }),
  };
  return { update_id: updateId, message };
}

export function stickerUpdate(updateId: number, messageId: number, sender: FakeSender): Update {
  const message: Update.MessageUpdate<Message.StickerMessage>['message'] = {
    ...baseMessage(sender, messageId),
    sticker: {
      file_id: `sticker-${messageId}`,
      file_unique_id: `u-sticker-${messageId}`,
      type: 'regular',
      width: 512,
      height: 512,
      is_animated: false,
      is_video: false,
      emoji: '👍',
    },
  };
  return { update_id: updateId, message };
}

/** A press on an inline button of a message the bot sent. */
export function callbackUpdate(
  updateId: number,
  queryId: string,
  sender: FakeSender,
  data: string,
  origin: { messageId: number; text: string; botUser: User },
): Update {
  return {
    update_id: updateId,
    callback_query: {
      id: queryId,
      from: fakeUser(sender),
      chat_instance: `ci-${sender.chatId ?? sender.userId}`,
      data,
      message: {
        message_id: origin.messageId,
        from: origin.botUser,
        chat: fakeChat(sender),
        date: Math.floor(Date.now() / 1000),
        text: origin.text,
      },
    },
  };
}
