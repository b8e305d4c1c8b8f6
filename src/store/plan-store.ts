import type { ChainableCommander, Redis } from 'ioredis';
import type { Plan, PlanState } from '../core/domain/plan.ts';
import type { Period } from '../core/domain/types.ts';
import { storedPlanSchema } from '../core/domain/plan-schema.ts';
import type { Keys } from './keys.ts';
import { parseStored } from './json.ts';
import { announceChange, cachedByTopic, type ChangeFeed } from './change-feed.ts';
import { PERIODS_TOPIC } from './period-store.ts';

/** The change-feed topic of the plans. */
export const PLANS_TOPIC = 'plans';

/**
 * Every plan: the bundles read from flows/ at start-up and the plans created in chat (in Redis, with
 * their document text), each with its state (active or archived). With a change feed the list is kept
 * in memory and read again when any process creates or archives a plan.
 */
export class PlanStore {
  private readonly cache;

  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
    private readonly bundlePlans: readonly Plan[],
    /** The plan that periods stored before there were several plans belong to. */
    readonly defaultPlanId: string,
    feed?: ChangeFeed,
  ) {
    this.cache = cachedByTopic(feed, PLANS_TOPIC, () => this.load());
  }

  /** Every plan: the bundles (default plan first), then those created in chat. */
  async list(): Promise<Plan[]> {
    return (await this.cache.get()).slice();
  }

  private async load(): Promise<Plan[]> {
    const results = await this.redis
      .pipeline()
      .hvals(this.keys.plans())
      .hgetall(this.keys.planStates())
      .hgetall(this.keys.planForms())
      .exec();
    const stored = (results?.[0]?.[1] as string[] | undefined) ?? [];
    const states = (results?.[1]?.[1] as Record<string, string> | undefined) ?? {};
    const forms = (results?.[2]?.[1] as Record<string, string> | undefined) ?? {};
    const plans = new Map<string, Plan>();
    for (const plan of this.bundlePlans) plans.set(plan.id, plan);
    for (const raw of stored) {
      const plan = parseStored(raw, storedPlanSchema);
      if (plan && !plans.has(plan.id)) plans.set(plan.id, plan);
    }
    return [...plans.values()].map((plan) => {
      const formId = Object.hasOwn(forms, plan.id) ? forms[plan.id] : undefined;
      return withState(formId ? { ...plan, formId } : plan, states[plan.id]);
    });
  }

  async get(id: string): Promise<Plan | null> {
    return (await this.list()).find((p) => p.id === id) ?? null;
  }

  /** The ids of archived plans (for the period store). */
  async archivedIds(): Promise<Set<string>> {
    const states = await this.redis.hgetall(this.keys.planStates());
    return new Set(
      Object.entries(states)
        .filter(([, state]) => state === 'archived')
        .map(([id]) => id),
    );
  }

  /**
   * Creates a plan from a document sent in chat, with its text and its periods; false when its id is
   * taken (by a bundle or another chat plan). Periods whose id is taken are left out.
   */
  async create(plan: Plan, documentText: string, periods: readonly Period[]): Promise<boolean> {
    if (this.bundlePlans.some((p) => p.id === plan.id)) return false;
    if ((await this.redis.hsetnx(this.keys.plans(), plan.id, JSON.stringify(plan))) !== 1) return false;
    const tx = this.redis.multi();
    tx.set(this.keys.planDocument(plan.id), documentText);
    for (const period of periods) tx.hsetnx(this.keys.importedPeriods(), period.id, JSON.stringify(period));
    await this.announce(tx).exec();
    return true;
  }

  /** Archives (or reopens) a plan; null when there is no such plan. */
  async setState(id: string, state: PlanState): Promise<Plan | null> {
    const plan = await this.get(id);
    if (!plan) return null;
    await this.announce(this.redis.multi().hset(this.keys.planStates(), id, state)).exec();
    return { ...plan, state };
  }

  /** Puts another report form (by id) to a plan: its periods' reports use it from now on; null when there is no such plan. */
  async setForm(id: string, formId: string): Promise<Plan | null> {
    const plan = await this.get(id);
    if (!plan) return null;
    await this.announce(this.redis.multi().hset(this.keys.planForms(), id, formId)).exec();
    return { ...plan, formId };
  }

  /** A plan's state decides whether its periods are open: both topics change. */
  private announce(tx: ChainableCommander): ChainableCommander {
    this.cache.invalidate();
    return announceChange(announceChange(tx, this.keys, PLANS_TOPIC), this.keys, PERIODS_TOPIC);
  }

  /** The document text of a plan created in chat; null for bundles (their text is on disk). */
  async document(id: string): Promise<string | null> {
    return this.redis.get(this.keys.planDocument(id));
  }
}

function withState(plan: Plan, state: string | undefined): Plan {
  return state === 'archived' || state === 'active' ? { ...plan, state } : plan;
}
