/**
 * Remembers how many parts of a long message were already sent to a chat, so that when the outbound
 * path retries the same message after part 3 of 4 failed (429, 5xx), sending resumes at part 3
 * instead of repeating parts 1 and 2.
 */
export class PartProgress {
  private readonly progress = new WeakMap<object, Map<string, number>>();

  /** Sends `parts` in order, starting after the last part of this message already sent to this chat. */
  async send(message: object, chatId: string, parts: readonly (() => Promise<unknown>)[]): Promise<void> {
    const sent = this.progress.get(message) ?? new Map<string, number>();
    this.progress.set(message, sent);
    for (let part = sent.get(chatId) ?? 0; part < parts.length; part++) {
      await parts[part]!();
      sent.set(chatId, part + 1);
    }
    sent.delete(chatId);
  }
}
