import type { Redis } from 'ioredis';
import type { Period } from '../core/domain/types.ts';
import { Keys } from './keys.ts';
import { UnitStore } from './unit-store.ts';
import { OfferStore } from './offer-store.ts';
import { PeopleStore } from './people-store.ts';
import { InviteStore } from './invite-store.ts';
import { ReportStore } from './report-store.ts';
import { SessionStore, type Sessions } from './session-store.ts';
import { UpdateLedgerStore } from './update-ledger-store.ts';
import { SettingsStore } from './settings-store.ts';
import { PeriodStore } from './period-store.ts';
import type { ChangeFeed } from './change-feed.ts';
import { PlanStore } from './plan-store.ts';
import { FormStore } from './form-store.ts';
import type { Plan } from '../core/domain/plan.ts';

/** Every store over one Redis connection and one key prefix. */
export interface Stores {
  keys: Keys;
  units: UnitStore;
  people: PeopleStore;
  invites: InviteStore;
  reports: ReportStore;
  sessions: Sessions;
  updates: UpdateLedgerStore;
  offers: OfferStore;
  settings: SettingsStore;
  periods: PeriodStore;
  plans: PlanStore;
  /** Report forms uploaded in chat. */
  forms: FormStore;
}

/** What the stores know from flows/ at start-up: the bundles' plans and periods, and the default plan. */
export interface BundleContent {
  plans: readonly Plan[];
  periods: readonly Period[];
  /** The plan that data stored before there were several plans belongs to (PLAN_DIR). */
  defaultPlanId: string;
}

/**
 * Builds the stores. Given a started {@link ChangeFeed}, shared data (periods, plans) is cached in memory
 * and invalidated when any process changes it; without one every read goes to Redis (tools, tests).
 */
export function createStores(redis: Redis, prefix: string, content: BundleContent, feed?: ChangeFeed): Stores {
  const keys = new Keys(prefix);
  return {
    keys,
    units: new UnitStore(redis, keys, feed),
    people: new PeopleStore(redis, keys),
    invites: new InviteStore(redis, keys),
    reports: new ReportStore(redis, keys),
    sessions: new SessionStore(redis, keys),
    updates: new UpdateLedgerStore(redis, keys),
    offers: new OfferStore(redis, keys),
    settings: new SettingsStore(redis, keys),
    periods: new PeriodStore(redis, keys, content.periods, content.defaultPlanId, feed),
    plans: new PlanStore(redis, keys, content.plans, content.defaultPlanId, feed),
    forms: new FormStore(redis, keys),
  };
}
