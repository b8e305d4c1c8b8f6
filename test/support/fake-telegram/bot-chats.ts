import type { Message, User } from 'telegraf/types';
import { ApiFailure, chatIdOf, num } from './api-failure.ts';
import type { UploadedFile } from './multipart.ts';
import type { SentButton, SentLog, SentMessage } from './sent-log.ts';

/** One setMyCommands call. */
export interface CommandsSet {
  commands: { command: string; description: string }[];
  languageCode?: string;
}

/** A stored message the bot sent, as button presses and edits need it. */
interface BotMessage {
  text: string;
  buttons: SentButton[][];
}

/** A file the fake serves through getFile and `/file/bot<token>/<path>`. */
export interface StoredFile {
  fileId: string;
  path: string;
  content: Buffer;
}

const TEXT_LIMIT = 4096;
const CAPTION_LIMIT = 1024;

/**
 * The chat side of the fake Bot API: the messages the bot sends and edits (with their buttons),
 * answered button presses, files and command menus. Every call that concerns a chat is recorded
 * in the {@link SentLog}.
 */
export class BotChats {
  /** Every setMyCommands call, in order. */
  readonly commandsSet: CommandsSet[] = [];
  private readonly botMessages = new Map<string, Map<number, BotMessage>>();
  private readonly callbackChats = new Map<string, string>();
  private readonly files = new Map<string, StoredFile>();
  private nextFileId = 1;

  constructor(
    private readonly log: SentLog,
    private readonly botUser: User,
    /** Message ids are shared with the users' messages, as in a real chat. */
    private readonly newMessageId: () => number,
  ) {}

  /** Handles the chat methods; undefined for a method that is not one of them. */
  call(method: string, params: Record<string, unknown>, files: Record<string, UploadedFile>): { result: unknown } | undefined {
    switch (method) {
      case 'sendMessage':
        return { result: this.sendMessage(params) };
      case 'editMessageText':
      case 'editMessageReplyMarkup':
        return { result: this.editMessage(method, params) };
      case 'answerCallbackQuery':
        return { result: this.answerCallbackQuery(params) };
      case 'sendDocument':
        return { result: this.sendFile(method, params, files, 'document') };
      case 'sendPhoto':
        return { result: this.sendFile(method, params, files, 'photo') };
      case 'sendChatAction':
        this.record(method, chatIdOf(params), params, {});
        return { result: true };
      case 'setMyCommands':
        return { result: this.setMyCommands(params) };
      case 'getMyCommands': {
        const language = typeof params.language_code === 'string' ? params.language_code : undefined;
        return { result: this.commandsSet.findLast((c) => c.languageCode === language)?.commands ?? [] };
      }
      case 'getFile':
        return { result: this.getFile(params) };
      default:
        return undefined;
    }
  }

  /** Remembers which chat a callback query belongs to, for answerCallbackQuery. */
  registerCallback(queryId: string, chatId: string): void {
    this.callbackChats.set(queryId, chatId);
  }

  fileAt(path: string): StoredFile | undefined {
    return [...this.files.values()].find((f) => f.path === path);
  }

  private sendMessage(params: Record<string, unknown>): Message {
    const chatId = chatIdOf(params);
    const text = typeof params.text === 'string' ? params.text : '';
    if (text.trim() === '') throw new ApiFailure(400, 'Bad Request: message text is empty');
    if (text.length > TEXT_LIMIT) throw new ApiFailure(400, 'Bad Request: message is too long');
    const buttons = readButtons(params.reply_markup);
    const messageId = this.storeBotMessage(chatId, { text, buttons });
    this.record('sendMessage', chatId, params, { messageId, text, ...(buttons.length > 0 && { buttons }) });
    return {
      ...this.messageBase(chatId, messageId),
      text,
      ...(buttons.length > 0 && { reply_markup: { inline_keyboard: toInlineKeyboard(buttons) } }),
    } as Message;
  }

  private editMessage(method: string, params: Record<string, unknown>): Message {
    const chatId = chatIdOf(params);
    const messageId = num(params.message_id) ?? 0;
    const stored = this.botMessages.get(chatId)?.get(messageId);
    if (!stored) throw new ApiFailure(400, 'Bad Request: message to edit not found');
    const text = method === 'editMessageText' && typeof params.text === 'string' ? params.text : stored.text;
    const buttons = readButtons(params.reply_markup);
    if (text === stored.text && JSON.stringify(buttons) === JSON.stringify(stored.buttons)) {
      throw new ApiFailure(
        400,
        'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
      );
    }
    stored.text = text;
    stored.buttons = buttons;
    this.record(method, chatId, params, { messageId, text, buttons });
    return { ...this.messageBase(chatId, messageId), text } as Message;
  }

  private answerCallbackQuery(params: Record<string, unknown>): true {
    const chatId = this.callbackChats.get(String(params.callback_query_id));
    if (chatId === undefined) {
      throw new ApiFailure(400, 'Bad Request: query is too old and response timeout expired or query ID is invalid');
    }
    this.callbackChats.delete(String(params.callback_query_id));
    this.record('answerCallbackQuery', chatId, params, typeof params.text === 'string' ? { text: params.text } : {});
    return true;
  }

  private sendFile(
    method: string,
    params: Record<string, unknown>,
    files: Record<string, UploadedFile>,
    field: 'document' | 'photo',
  ): Message {
    const chatId = chatIdOf(params);
    const caption = typeof params.caption === 'string' ? params.caption : undefined;
    if (caption !== undefined && caption.length > CAPTION_LIMIT) throw new ApiFailure(400, 'Bad Request: message caption is too long');
    const upload = files[field];
    const reference = typeof params[field] === 'string' ? (params[field] as string) : undefined;
    if (!upload && !reference) throw new ApiFailure(400, `Bad Request: there is no ${field} in the request`);
    const stored = upload ? this.storeFile(upload.content, upload.fileName) : undefined;
    const messageId = this.storeBotMessage(chatId, { text: caption ?? '', buttons: [] });
    const details =
      field === 'document'
        ? {
            document: upload
              ? { fileName: upload.fileName, content: upload.content }
              : { fileName: reference ?? '', content: Buffer.alloc(0) },
          }
        : { photo: upload ? upload.fileName : (reference ?? ''), ...(upload ? { photoContent: upload.content } : {}) };
    this.record(method, chatId, params, { messageId, ...(caption !== undefined && { caption }), ...details });
    const fileId = stored?.fileId ?? reference ?? '';
    const media =
      field === 'document'
        ? { document: { file_id: fileId, file_unique_id: `u-${fileId}`, file_name: upload?.fileName } }
        : { photo: [{ file_id: fileId, file_unique_id: `u-${fileId}`, width: 800, height: 600 }] };
    return { ...this.messageBase(chatId, messageId), ...media, ...(caption !== undefined && { caption }) } as Message;
  }

  private setMyCommands(params: Record<string, unknown>): true {
    const commands = Array.isArray(params.commands) ? (params.commands as { command: string; description: string }[]) : [];
    for (const { command, description } of commands) {
      if (!/^[a-z0-9_]{1,32}$/.test(command)) throw new ApiFailure(400, 'Bad Request: BOT_COMMAND_INVALID');
      if (!description || description.length > 256) throw new ApiFailure(400, 'Bad Request: command description must be 1-256 characters');
    }
    const languageCode = typeof params.language_code === 'string' && params.language_code ? params.language_code : undefined;
    this.commandsSet.push({ commands, ...(languageCode !== undefined && { languageCode }) });
    return true;
  }

  private getFile(params: Record<string, unknown>): unknown {
    const file = this.files.get(String(params.file_id));
    if (!file) throw new ApiFailure(400, 'Bad Request: invalid file_id');
    return { file_id: file.fileId, file_unique_id: `u-${file.fileId}`, file_size: file.content.length, file_path: file.path };
  }

  private record(method: string, chatId: string, params: Record<string, unknown>, details: Partial<SentMessage>): void {
    this.log.record({ method, chatId, params, at: Date.now(), ...details });
  }

  /** Keeps a file so that getFile and the file URL serve it. */
  storeFile(content: Buffer, fileName: string): { fileId: string; path: string; content: Buffer } {
    const n = this.nextFileId++;
    const extension = /\.[\w]+$/.exec(fileName)?.[0] ?? '';
    const file = { fileId: `file-${n}`, path: `documents/file_${n}${extension}`, content };
    this.files.set(file.fileId, file);
    return file;
  }

  private storeBotMessage(chatId: string, message: BotMessage): number {
    const messageId = this.newMessageId();
    const chat = this.botMessages.get(chatId) ?? new Map<number, BotMessage>();
    chat.set(messageId, message);
    this.botMessages.set(chatId, chat);
    return messageId;
  }

  /**
   * The message a button press comes from: `messageId` when given, else the newest message to the
   * chat that still shows a button with `data` (throws, listing the buttons shown, when there is none).
   */
  findButtonMessage(chatKey: string, data: string, messageId: number | undefined): { messageId: number; text: string } {
    const chat = this.botMessages.get(chatKey);
    if (messageId !== undefined) return { messageId, text: chat?.get(messageId)?.text ?? '' };
    const candidates = [...(chat?.entries() ?? [])].reverse();
    const found = candidates.find(([, m]) => m.buttons.flat().some((b) => b.data === data));
    if (found) return { messageId: found[0], text: found[1].text };
    const shown = candidates.flatMap(([id, m]) => m.buttons.flat().map((b) => `#${id} ${b.text} (${b.data})`));
    throw new Error(
      `FakeTelegramServer.pressButton: no button with data "${data}" in chat ${chatKey}. Buttons shown: ${shown.join(', ') || 'none'}`,
    );
  }

  private messageBase(chatId: string, messageId: number) {
    const id = Number(chatId);
    const chat = id < 0 ? { id, type: 'supergroup', title: `Group ${id}` } : { id, type: 'private', first_name: `User ${id}` };
    return { message_id: messageId, from: this.botUser, chat, date: Math.floor(Date.now() / 1000) };
  }
}

/** Reads an inline keyboard, checking callback_data like Telegram (1–64 bytes). */
function readButtons(markup: unknown): SentButton[][] {
  const rows = (markup as { inline_keyboard?: unknown } | undefined)?.inline_keyboard;
  if (!Array.isArray(rows)) return [];
  return rows.map((row: { text: string; callback_data?: string }[]) =>
    row.map((button) => {
      const data = button.callback_data ?? '';
      const bytes = Buffer.byteLength(data);
      if (bytes < 1 || bytes > 64) throw new ApiFailure(400, 'Bad Request: BUTTON_DATA_INVALID');
      return { text: button.text, data };
    }),
  );
}

function toInlineKeyboard(buttons: SentButton[][]): { text: string; callback_data: string }[][] {
  return buttons.map((row) => row.map((b) => ({ text: b.text, callback_data: b.data })));
}
