import type { ChainableCommander, Redis } from 'ioredis';
import type { Keys } from './keys.ts';

/** A topic names one kind of shared data that processes cache in memory ("periods", "plans", …). */
export type ChangeTopic = string;

/** Settings of a {@link ChangeFeed}. */
export interface ChangeFeedOptions {
  /**
   * How often the topic versions are compared, in case a published change was missed (the
   * subscriber was reconnecting). Default 5,000 ms.
   */
  pollMs?: number;
  /** Told when the subscriber or a version check fails; the feed keeps going. */
  onError?: (error: unknown) => void;
}

/**
 * Adds "this topic changed" to a write: the topic's version is bumped in one Redis hash and the topic
 * is published on one channel. Put it in the same MULTI as the write when there is one, so a reader
 * never sees the new version without the new data.
 */
export function announceChange(tx: ChainableCommander, keys: Keys, topic: ChangeTopic): ChainableCommander {
  return tx.hincrby(keys.changeVersions(), topic, 1).publish(keys.changeChannel(), topic);
}

/**
 * Cross-process invalidation of in-memory caches. Writers call {@link announceChange}; each process
 * runs one feed, which subscribes to the change channel (a duplicate connection) and calls the
 * listeners of a topic when it changes, in this process or any other. A version hash is compared
 * every `pollMs` as a fallback for a missed message, and again after each reconnection.
 */
export class ChangeFeed {
  private readonly listeners = new Map<ChangeTopic, Set<() => void>>();
  private readonly versions = new Map<ChangeTopic, string>();
  /** Topics whose message arrived: their next version difference is already handled. */
  private readonly announced = new Set<ChangeTopic>();
  private checked = false;
  private subscriber: Redis | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
    private readonly options: ChangeFeedOptions = {},
  ) {}

  /** Subscribes and reads the current versions; caches may be filled once it resolves. */
  async start(): Promise<void> {
    if (this.subscriber) return;
    const subscriber = this.redis.duplicate();
    this.subscriber = subscriber;
    subscriber.on('message', (_channel: string, topic: string) => this.changed(topic));
    subscriber.on('error', (error: unknown) => this.options.onError?.(error));
    await subscriber.subscribe(this.keys.changeChannel());
    // After a reconnection ioredis subscribes again by itself; whatever was published meanwhile is
    // found by comparing versions.
    subscriber.on('ready', () => void this.check());
    await this.check();
    this.timer = setInterval(() => void this.check(), this.options.pollMs ?? 5000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    const subscriber = this.subscriber;
    this.subscriber = undefined;
    if (subscriber) await subscriber.quit().catch(() => subscriber.disconnect());
  }

  /** Calls `listener` whenever `topic` changes; returns the function that stops it. */
  on(topic: ChangeTopic, listener: () => void): () => void {
    let set = this.listeners.get(topic);
    if (!set) this.listeners.set(topic, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  /** Compares the stored versions with the ones last seen; a difference counts as a change. */
  async check(): Promise<void> {
    try {
      const stored = await this.redis.hgetall(this.keys.changeVersions());
      for (const [topic, version] of Object.entries(stored)) {
        if (this.versions.get(topic) === version) continue;
        this.versions.set(topic, version);
        if (this.checked && !this.announced.delete(topic)) this.fire(topic);
      }
      this.checked = true;
    } catch (error) {
      this.options.onError?.(error);
    }
  }

  private changed(topic: ChangeTopic): void {
    this.announced.add(topic);
    this.fire(topic);
  }

  private fire(topic: ChangeTopic): void {
    for (const listener of this.listeners.get(topic) ?? []) listener();
  }
}

/**
 * One value loaded from Redis and kept in memory until `invalidate()`. A load that fails is not
 * kept. Hook `invalidate` to a {@link ChangeFeed} topic to share the value safely between processes.
 */
export class CachedValue<T> {
  private value: Promise<T> | undefined;

  constructor(private readonly load: () => Promise<T>) {}

  get(): Promise<T> {
    if (this.value) return this.value;
    const loading = this.load();
    this.value = loading;
    loading.catch(() => {
      if (this.value === loading) this.value = undefined;
    });
    return loading;
  }

  invalidate(): void {
    this.value = undefined;
  }
}

/** A {@link CachedValue} invalidated by a topic of the feed; without a feed, every `get` loads. */
export function cachedByTopic<T>(
  feed: ChangeFeed | undefined,
  topic: ChangeTopic,
  load: () => Promise<T>,
): { get(): Promise<T>; invalidate(): void } {
  if (!feed) return { get: load, invalidate: () => undefined };
  const cached = new CachedValue(load);
  feed.on(topic, () => cached.invalidate());
  return cached;
}
