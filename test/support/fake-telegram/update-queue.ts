import type { Update } from 'telegraf/types';

interface Pending {
  update: Update;
  /** Returned by getUpdates at least once: confirmed (dropped) once an offset passes it. */
  handedOut: boolean;
}

/**
 * The updates waiting for getUpdates, with Telegram's offset rule: an update handed out is
 * forgotten once getUpdates is called with an offset above its update_id; until then it is handed
 * out again. An update added after its id was confirmed (a duplicate delivery) is still handed out once.
 */
export class UpdateQueue {
  private pending: Pending[] = [];
  private readonly waiters = new Set<() => void>();
  private closed = false;

  push(update: Update): void {
    this.pending.push({ update, handedOut: false });
    this.wake();
  }

  get size(): number {
    return this.pending.length;
  }

  /** getUpdates calls being held right now. */
  get held(): number {
    return this.waiters.size;
  }

  clear(): void {
    this.pending = [];
  }

  /**
   * getUpdates: confirms what lies below `offset`, then answers at once if something is pending,
   * or holds for up to `timeoutSeconds` until something arrives, the client goes away or the queue closes.
   */
  async take(offset: number, limit: number, timeoutSeconds: number, clientGone: Promise<void>): Promise<Update[]> {
    if (offset > 0) this.pending = this.pending.filter((p) => !(p.handedOut && p.update.update_id < offset));
    if (this.pending.length === 0 && timeoutSeconds > 0 && !this.closed) {
      await this.waitForPush(timeoutSeconds * 1000, clientGone);
    }
    const batch = [...this.pending].sort((a, b) => a.update.update_id - b.update.update_id).slice(0, limit);
    for (const p of batch) p.handedOut = true;
    return batch.map((p) => p.update);
  }

  /** Releases every held getUpdates (answered with what is pending, usually nothing). */
  close(): void {
    this.closed = true;
    this.wake();
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  private waitForPush(timeoutMs: number, clientGone: Promise<void>): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.waiters.add(done);
      void clientGone.then(done);
    });
  }
}
