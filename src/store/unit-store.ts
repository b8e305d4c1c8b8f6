import type { Redis } from 'ioredis';
import type { Unit } from '../core/domain/types.ts';
import type { Keys } from './keys.ts';
import { parseStored } from './json.ts';
import { unitSchema } from './schemas.ts';
import { announceChange, cachedByTopic, type ChangeFeed } from './change-feed.ts';

/** The change-feed topic of the units. */
export const UNITS_TOPIC = 'units';

/**
 * Units in one Redis hash: code → JSON. Codes are stored upper-case. With a change feed the list is
 * kept in memory (a national tree is 100,000 units) and read again when any process changes a unit.
 * Every change also marks the report roll-ups as to be rebuilt (they follow the tree).
 */
export class UnitStore {
  private readonly cache;

  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
    feed?: ChangeFeed,
  ) {
    this.cache = cachedByTopic(feed, UNITS_TOPIC, () => this.load());
  }

  async get(code: string): Promise<Unit | null> {
    return parseStored(await this.redis.hget(this.keys.units(), code.toUpperCase()), unitSchema);
  }

  /** Every unit, sorted by code. */
  async list(): Promise<Unit[]> {
    return (await this.cache.get()).slice();
  }

  /** The same list as {@link list}, shared and read-only: one array per change, so callers may memoize on it. */
  snapshot(): Promise<readonly Unit[]> {
    return this.cache.get();
  }

  private async load(): Promise<readonly Unit[]> {
    const all = await this.redis.hvals(this.keys.units());
    return Object.freeze(
      all
        .map((raw) => parseStored(raw, unitSchema))
        .filter((u): u is Unit => u !== null)
        .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)),
    );
  }

  /** Adds a unit; false when the code is taken. */
  async add(unit: Unit): Promise<boolean> {
    const added = (await this.redis.hsetnx(this.keys.units(), unit.code, JSON.stringify(unit))) === 1;
    if (added) await this.changed();
    return added;
  }

  async put(unit: Unit): Promise<void> {
    await this.redis.hset(this.keys.units(), unit.code, JSON.stringify(unit));
    await this.changed();
  }

  async remove(code: string): Promise<boolean> {
    const removed = (await this.redis.hdel(this.keys.units(), code.toUpperCase())) === 1;
    if (removed) await this.changed();
    return removed;
  }

  private async changed(): Promise<void> {
    this.cache.invalidate();
    await announceChange(this.redis.multi().del(this.keys.rollupsBuilt()), this.keys, UNITS_TOPIC).exec();
  }
}
