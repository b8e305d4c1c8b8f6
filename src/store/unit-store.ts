import type { Redis } from 'ioredis';
import type { Unit } from '../core/domain/types.ts';
import { UnitTableBuilder, type UnitTable } from '../core/org/unit-table.ts';
import { collectAllGarbage } from '../infra/collect-garbage.ts';
import type { Keys } from './keys.ts';
import { parseStored } from './json.ts';
import { unitSchema } from './schemas.ts';
import { announceChange, cachedByTopic, type ChangeFeed } from './change-feed.ts';

/** The change-feed topic of the units. */
export const UNITS_TOPIC = 'units';

/** Units read per HSCAN call when the whole list is read. */
const SCAN_PAGE = 1000;
/** Whole reads tried when units change during the read, before the last one is kept as it is. */
const READ_ATTEMPTS = 3;

/**
 * Units in one Redis hash: code → JSON. Codes are stored upper-case. With a change feed the list is
 * kept in memory as a compact {@link UnitTable} (a national tree is 100,000 units) and read again
 * when any process changes a unit. Every change also marks the report roll-ups as to be rebuilt
 * (they follow the tree).
 */
export class UnitStore {
  private readonly cache;
  /** True once a table is kept in memory (with a change feed), so that the next read replaces one. */
  private kept = false;

  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
    private readonly feed?: ChangeFeed,
  ) {
    this.cache = cachedByTopic(feed, UNITS_TOPIC, () => this.load());
  }

  async get(code: string): Promise<Unit | null> {
    return parseStored(await this.redis.hget(this.keys.units(), code.toUpperCase()), unitSchema);
  }

  /** Every unit, sorted by code (objects made for the caller; the store keeps the compact table). */
  async list(): Promise<Unit[]> {
    return (await this.cache.get()).units();
  }

  /** Every unit as one shared, immutable table: one per change, so callers may memoize on it. */
  snapshot(): Promise<UnitTable> {
    return this.cache.get();
  }

  /**
   * Reads the hash page by page (HSCAN) into columns instead of one HVALS reply: for a national
   * tree that reply is 11 MB of JSON, and holding it with 100,000 strings and parsed objects at once
   * raised the process's peak by about 80 MB. A scan is not atomic, so the units' change version is
   * compared before and after, and the read starts again if a unit changed meanwhile. Concurrent
   * readers share one read (the cache hands out the same promise).
   */
  private async load(): Promise<UnitTable> {
    // The table this read replaces was dropped when the units changed: collect it (and the garbage
    // around it) first, so that it and the new one never count together in the process's peak.
    if (this.kept) collectAllGarbage();
    for (let attempt = 1; ; attempt += 1) {
      const version = await this.version();
      const table = await this.scan();
      if (attempt < READ_ATTEMPTS && (await this.version()) !== version) continue;
      this.kept = this.feed !== undefined;
      return table;
    }
  }

  private version(): Promise<string | null> {
    return this.redis.hget(this.keys.changeVersions(), UNITS_TOPIC);
  }

  private async scan(): Promise<UnitTable> {
    const builder = new UnitTableBuilder();
    let cursor = '0';
    do {
      const [next, page] = await this.redis.hscan(this.keys.units(), cursor, 'COUNT', SCAN_PAGE);
      cursor = next;
      for (let i = 1; i < page.length; i += 2) {
        const unit = parseUnit(page[i]!);
        if (unit) builder.add(unit);
      }
    } while (cursor !== '0');
    return builder.build();
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

/**
 * One stored unit, as `parseStored(raw, unitSchema)` would read it (null when it no longer fits),
 * checked by hand: for a national tree the schema's copies cost a third of a second per read.
 */
function parseUnit(raw: string): Unit | null {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { code, name, parentCode, createdAt } = value as Record<string, unknown>;
  if (typeof code !== 'string' || typeof name !== 'string' || typeof createdAt !== 'string') return null;
  if (parentCode !== null && typeof parentCode !== 'string') return null;
  return { code, name, parentCode, createdAt };
}
