/**
 * Runs tasks one at a time per key, in the order they were added, while tasks of different keys
 * run concurrently. The core uses it so that one person's messages are handled in order; adapters
 * use it to hand a chat's updates over in order although batches and webhook requests arrive concurrently.
 */
export class KeyedSerialQueue {
  private readonly tails = new Map<string, Promise<void>>();

  /**
   * Queues `task` behind the earlier tasks of `key`. The returned promise settles like the task;
   * a failing task does not stop the tasks queued after it.
   */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Number of keys that have a task running or waiting. */
  get activeKeys(): number {
    return this.tails.size;
  }

  /** Resolves once every task queued so far (and any queued meanwhile) has settled. */
  async idle(): Promise<void> {
    while (this.tails.size > 0) await Promise.all(this.tails.values());
  }
}
