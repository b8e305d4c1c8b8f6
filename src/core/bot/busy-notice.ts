import type { ChatRef } from '../messages.ts';

/** How often at most one chat is told the system is busy. */
const NOTICE_EVERY_MS = 60_000;

/**
 * Decides when a chat is told "Hệ thống đang bận" while the store is down: at most once a minute per
 * chat, so a person retrying (or a platform redelivering) is not answered with a flood of notices.
 * In memory: a restart forgets, which only allows one more notice.
 */
export class BusyNotice {
  private readonly lastAt = new Map<string, number>();

  constructor(private readonly everyMs = NOTICE_EVERY_MS) {}

  /** True when `chat` should be told now (and remembers that it was). */
  due(chat: ChatRef, now: number): boolean {
    const key = `${chat.channel}:${chat.chatId}`;
    const last = this.lastAt.get(key);
    if (last !== undefined && now - last < this.everyMs) return false;
    if (this.lastAt.size > 10_000) this.forgetOlderThan(now - this.everyMs);
    this.lastAt.set(key, now);
    return true;
  }

  private forgetOlderThan(limit: number): void {
    for (const [key, at] of this.lastAt) if (at < limit) this.lastAt.delete(key);
  }
}
