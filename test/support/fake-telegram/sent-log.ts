/** One inline button as the bot sent it. */
export interface SentButton {
  text: string;
  data: string;
}

/** One call the bot made to the fake Bot API that concerns a chat (sending, editing, answering). */
export interface SentMessage {
  method: string;
  chatId: string;
  /** message_id of the sent or edited message, when there is one. */
  messageId?: number;
  text?: string;
  caption?: string;
  /** Inline keyboard rows (sendMessage, editMessageText, editMessageReplyMarkup; [] = removed). */
  buttons?: SentButton[][];
  document?: { fileName: string; content: Buffer };
  /** sendPhoto: the URL (or file_id) sent, or the uploaded file's name. */
  photo?: string;
  /** sendPhoto with an upload: the picture's bytes. */
  photoContent?: Buffer;
  /** All parameters as received. */
  params: Record<string, unknown>;
  /** Date.now() when the fake received the call. */
  at: number;
}

/** Methods that put a new message into a chat; `messagesTo` and `waitForMessage` look only at these. */
const NEW_MESSAGE_METHODS = new Set(['sendMessage', 'sendDocument', 'sendPhoto']);

/** A chat id as the tests may give it (number) or the bot sends it (string). */
export type ChatIdLike = number | string;

/** The record of everything sent, with ways to wait for what a test expects. */
export class SentLog {
  readonly sent: SentMessage[] = [];
  private readonly listeners = new Set<() => void>();
  private readonly cursors = new Map<string, number>();
  private globalMark = 0;

  record(entry: SentMessage): void {
    this.sent.push(entry);
    for (const listener of [...this.listeners]) listener();
  }

  /** New messages (sendMessage, sendDocument, sendPhoto) to a chat, oldest first. */
  messagesTo(chatId: ChatIdLike): SentMessage[] {
    return this.sent.filter((s) => s.chatId === String(chatId) && NEW_MESSAGE_METHODS.has(s.method));
  }

  /** Later `waitForMessage` calls look only at messages sent after this (for one chat, or all). */
  mark(chatId?: ChatIdLike): void {
    if (chatId === undefined) {
      this.globalMark = this.sent.length;
      this.cursors.clear();
    } else this.cursors.set(String(chatId), this.sent.length);
  }

  /** Resolves with `sent` once `predicate(sent)` holds; rejects after `timeoutMs` with a dump. */
  waitFor(predicate: (sent: SentMessage[]) => boolean, timeoutMs = 5000, what = 'condition'): Promise<SentMessage[]> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        if (!predicate(this.sent)) return false;
        cleanup();
        resolve(this.sent);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`FakeTelegramServer: timed out after ${timeoutMs} ms waiting for ${what}.\n${this.dump()}`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.listeners.delete(listener);
      };
      const listener = (): void => void check();
      this.listeners.add(listener);
      check();
    });
  }

  /**
   * The first message to `chatId` matching `match` (substring, or RegExp over text, caption and
   * file name) sent since the previous `waitForMessage` for that chat (or since `mark`).
   */
  async waitForMessage(chatId: ChatIdLike, match: string | RegExp, timeoutMs = 5000): Promise<SentMessage> {
    const key = String(chatId);
    const from = Math.max(this.cursors.get(key) ?? 0, this.globalMark);
    const find = (): number =>
      this.sent.findIndex((s, i) => i >= from && s.chatId === key && NEW_MESSAGE_METHODS.has(s.method) && matches(s, match));
    await this.waitFor(() => find() !== -1, timeoutMs, `a message to chat ${key} matching ${String(match)}`);
    const index = find();
    this.cursors.set(key, index + 1);
    return this.sent[index] as SentMessage;
  }

  /** The last calls, one line each, for failure messages. */
  dump(last = 30): string {
    const lines = this.sent.slice(-last).map((s) => {
      const buttons = s.buttons ? ` buttons=${JSON.stringify(s.buttons.map((row) => row.map((b) => b.text)))}` : '';
      const body = s.text ?? s.caption ?? s.document?.fileName ?? s.photo ?? '';
      return `  ${s.method} → ${s.chatId}: ${JSON.stringify(body)}${buttons}`;
    });
    return `Sent so far (${this.sent.length}, last ${lines.length} shown):\n${lines.join('\n') || '  (nothing)'}`;
  }
}

function matches(sent: SentMessage, match: string | RegExp): boolean {
  const haystack = [sent.text, sent.caption, sent.document?.fileName].filter((s) => s !== undefined).join('\n');
  return typeof match === 'string' ? haystack.normalize('NFC').includes(match.normalize('NFC')) : match.test(haystack);
}
