import type { Redis } from 'ioredis';
import { z } from 'zod';
import { periodSchema, withPlan } from '../core/domain/period-schema.ts';
import type { Period } from '../core/domain/types.ts';
import type { Keys } from './keys.ts';
import { parseStored } from './json.ts';
import { announceChange, cachedByTopic, type ChangeFeed } from './change-feed.ts';

const deadlineSchema = z.object({ at: z.string(), dateOnly: z.boolean() });

/**
 * What chat changed of a period, stored per period: the common deadline (/giahan by the province),
 * deadlines per level and per subtree, and the version every change bumps.
 */
const overrideSchema = z.object({
  unitDeadline: z.string().optional(),
  closes: z.string().optional(),
  deadlineIsDateOnly: z.boolean().optional(),
  levelDeadlines: z.record(deadlineSchema).optional(),
  subtreeDeadlines: z.record(deadlineSchema).optional(),
  version: z.number().int(),
});
export type PeriodOverride = z.infer<typeof overrideSchema>;

/** A deadline given to a level or a subtree. */
export type KeyedDeadline = z.infer<typeof deadlineSchema>;

/**
 * Changes a period's stored override in one step and stores it with a version one above both the
 * version read and the one stored meanwhile. ARGV[3] is the patch: `fields` set as given, and
 * optionally one entry of a map (`map` = levelDeadlines | subtreeDeadlines, `key`, `value`; no value
 * removes it, an emptied map stays stored as {}; `initial` is the map to start from when none is
 * stored yet). The other fields stay. Returns the stored override.
 */
const PATCH_OVERRIDE_SCRIPT = `
local version = tonumber(ARGV[2])
local entry = {}
local stored = redis.call('HGET', KEYS[1], ARGV[1])
if stored then
  local ok, previous = pcall(cjson.decode, stored)
  if ok and type(previous) == 'table' then
    entry = previous
    if type(previous['version']) == 'number' and previous['version'] > version then version = previous['version'] end
  end
end
local patch = cjson.decode(ARGV[3])
if type(patch['fields']) == 'table' then
  for k, v in pairs(patch['fields']) do entry[k] = v end
end
if type(patch['map']) == 'string' then
  local map = entry[patch['map']]
  if type(map) ~= 'table' then map = patch['initial'] end
  if type(map) ~= 'table' then map = {} end
  if type(patch['value']) == 'table' then map[patch['key']] = patch['value'] else map[patch['key']] = nil end
  entry[patch['map']] = map
end
version = version + 1
entry['version'] = version
local encoded = cjson.encode(entry)
redis.call('HSET', KEYS[1], ARGV[1], encoded)
return encoded
`;

/** One change of a stored override (see PATCH_OVERRIDE_SCRIPT). */
interface OverridePatch {
  fields?: Partial<Pick<PeriodOverride, 'unitDeadline' | 'closes' | 'deadlineIsDateOnly'>>;
  map?: 'levelDeadlines' | 'subtreeDeadlines';
  key?: string;
  value?: KeyedDeadline;
  initial?: Record<string, KeyedDeadline>;
}

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
   * versions (reminder jobs are identified by period, version and offset). Deadlines of levels and
   * subtrees stay as they are.
   */
  async setDeadline(id: string, change: { unitDeadline: string; closes: string; deadlineIsDateOnly: boolean }): Promise<Period | null> {
    return this.patch(id, { fields: change });
  }

  /**
   * Sets (or, with null, removes) the deadline of the subtree of `unitCode` in a period, keeping late
   * reports open until `closes` when given (never earlier than now), and bumps the version.
   */
  async setSubtreeDeadline(id: string, unitCode: string, deadline: KeyedDeadline | null, closes?: string): Promise<Period | null> {
    return this.patch(id, {
      ...(closes ? { fields: { closes } } : {}),
      map: 'subtreeDeadlines',
      key: unitCode,
      ...(deadline ? { value: deadline } : {}),
    });
  }

  /**
   * Sets (or, with null, removes) the deadline of the units `depth` levels below the root, starting
   * from the period's levels as read (those of plan.yaml) the first time, and bumps the version.
   */
  async setLevelDeadline(id: string, depth: number, deadline: KeyedDeadline | null): Promise<Period | null> {
    const current = await this.get(id);
    if (!current) return null;
    return this.patch(id, {
      map: 'levelDeadlines',
      key: String(depth),
      ...(deadline ? { value: deadline } : {}),
      initial: current.levelDeadlines ?? {},
    });
  }

  private async patch(id: string, patch: OverridePatch): Promise<Period | null> {
    const current = await this.get(id);
    if (!current) return null;
    const stored = (await this.redis.eval(
      PATCH_OVERRIDE_SCRIPT,
      1,
      this.keys.periodOverrides(),
      id,
      current.version,
      JSON.stringify(patch),
    )) as string;
    await this.announce();
    const override = parseStored(stored, overrideSchema);
    return override ? { ...current, ...override } : this.get(id);
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
