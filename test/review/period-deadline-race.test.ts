import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import type { Period } from '../../src/core/domain/types.ts';
import { createStores, type Stores } from '../../src/store/stores.ts';
import { connectTestRedis, deleteByPrefix, uniquePrefix } from '../support/redis.ts';
import { contentOf } from '../support/plan-content.ts';

const period: Period = {
  id: '6thang',
  title: { vi: '6 tháng', en: 'Half year' },
  unitDeadline: '2027-06-10T23:59:59+07:00',
  deadlineIsDateOnly: true,
  closes: '2027-07-10T23:59:59+07:00',
  reminders: ['-P1D'],
  summaries: ['PT0S'],
  version: 1,
  planId: 'test-plan',
};

let redis: Redis;
let stores: Stores;
const prefix = uniquePrefix('review-deadline');

beforeAll(() => {
  redis = connectTestRedis();
  stores = createStores(redis, prefix, contentOf([period]));
});
afterAll(async () => {
  await deleteByPrefix(redis, prefix);
  await redis.quit();
});

describe('moving a deadline', () => {
  it('gives two leaders moving it at the same time two different versions, the stored one the last', async () => {
    const change = (day: number) => ({
      unitDeadline: `2027-06-${day}T23:59:59+07:00`,
      closes: '2027-08-10T23:59:59+07:00',
      deadlineIsDateOnly: true,
    });
    // Reminder jobs are identified by (period, version, offset): one version must mean one deadline.
    const [a, b] = await Promise.all([
      stores.periods.setDeadline(period.id, change(20)),
      stores.periods.setDeadline(period.id, change(25)),
    ]);
    expect(a?.version).not.toBe(b?.version);
    const stored = await stores.periods.get(period.id);
    const last = [a, b].find((p) => p?.version === stored?.version);
    expect(stored?.unitDeadline).toBe(last?.unitDeadline);
    expect(stored?.version).toBe(Math.max(a?.version ?? 0, b?.version ?? 0));
  });
});
