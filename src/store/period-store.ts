import type { Redis } from 'ioredis';
import { z } from 'zod';
import { periodSchema, withPlan } from '../core/domain/period-schema.ts';
import type { Period } from '../core/domain/types.ts';
import type { Keys } from './keys.ts';
import { parseStored } from './json.ts';
import { announceChange, cachedByTopic, type ChangeFeed } from './change-feed.ts';

const overrideSchema = z.object({
  unitDeadline: z.string(),
  closes: z.string(),
  version: z.number().int(),
  deadlineIsDateOnly: z.boolean(),
});
export type PeriodOverride = z.infer<typeof overrideSchema>;

// Stores the override with a version one above both the version read and the one stored meanwhile.
const SET_DEADLINE_SCRIPT = `
local version = tonumber(ARGV[2])
local stored = redis.call('HGET', KEYS[1], ARGV[1])
if stored then
  local ok, previous = pcall(cjson.decode, stored)
  if ok and type(previous) == 'table' and type(previous['version']) == 'number' and previous['version'] > version then
    version = previous['version']
  end
end
version = version + 1
local override = cjson.decode(ARGV[3])
override['version'] = version
redis.call('HSET', KEYS[1], ARGV[1], cjson.encode(override))
return version
`;

/** The change-feed topic of the periods. */
export const PERIODS_TOPIC = 'periods';

/**
 * Reporting periods of every plan: those of the bundles (read from flows/ at start-up) with stored
 * deadline changes applied, plus the periods of plans created in chat. Period ids are unique across
 * plans, so reports, overrides and reminder jobs stay keyed by period id alone (as before plans).
 * A period of an archived plan is flagged `planArchived`. With a change feed the list is kept in
 * memory and read again when any process changes it (periods, or a plan's state: see PlanStore).
 */
export class PeriodStore {
  private readonly cache;

  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
    private readonly bundlePeriods: readonly Period[],
    /** The plan that periods stored before there were several plans belong to. */
    private readonly defaultPlanId: string,
    feed?: ChangeFeed,
  ) {
    this.cache = cachedByTopic(feed, PERIODS_TOPIC, () => this.load());
  }

  /** Every period, sorted by unit deadline. */
  async list(): Promise<Period[]> {
    return (await this.cache.get()).slice();
  }

  private async load(): Promise<Period[]> {
    // One round trip: deadline changes, chat-created periods and plan states.
    const results = await this.redis
      .pipeline()
      .hgetall(this.keys.periodOverrides())
      .hvals(this.keys.importedPeriods())
      .hgetall(this.keys.planStates())
      .exec();
    const overrides = (results?.[0]?.[1] as Record<string, string> | undefined) ?? {};
    const imported = (results?.[1]?.[1] as string[] | undefined) ?? [];
    const states = (results?.[2]?.[1] as Record<string, string> | undefined) ?? {};
    const periods = new Map<string, Period>();
    for (const p of this.bundlePeriods) periods.set(p.id, p);
    for (const raw of imported) {
      const p = parseStored(raw, periodSchema);
      if (p && !periods.has(p.id)) periods.set(p.id, withPlan(p, this.defaultPlanId));
    }
    for (const [id, raw] of Object.entries(overrides)) {
      const base = periods.get(id);
      const o = parseStored(raw, overrideSchema);
      if (base && o) periods.set(id, { ...base, ...o });
    }
    return [...periods.values()]
      .map((p) => (states[p.planId] === 'archived' ? { ...p, planArchived: true } : p))
      .sort((a, b) => a.unitDeadline.localeCompare(b.unitDeadline));
  }

  async get(id: string): Promise<Period | null> {
    return (await this.list()).find((p) => p.id === id) ?? null;
  }

  /**
   * Moves a period's deadline and bumps its version atomically, so that two changes at once get two
   * versions (reminder jobs are identified by period, version and offset).
   */
  async setDeadline(id: string, change: Omit<PeriodOverride, 'version'>): Promise<Period | null> {
    const current = await this.get(id);
    if (!current) return null;
    const version = (await this.redis.eval(
      SET_DEADLINE_SCRIPT,
      1,
      this.keys.periodOverrides(),
      id,
      current.version,
      JSON.stringify(change),
    )) as number;
    await this.announce();
    return { ...current, ...change, version };
  }

  /** Adds periods proposed from an imported plan; false for an id that already exists. */
  async addImported(period: Period): Promise<boolean> {
    if (this.bundlePeriods.some((p) => p.id === period.id)) return false;
    const added = (await this.redis.hsetnx(this.keys.importedPeriods(), period.id, JSON.stringify(period))) === 1;
    if (added) await this.announce();
    return added;
  }

  private async announce(): Promise<void> {
    this.cache.invalidate();
    await announceChange(this.redis.multi(), this.keys, PERIODS_TOPIC).exec();
  }
}
