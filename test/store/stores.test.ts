import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { createStores, type Stores } from '../../src/store/stores.ts';
import { connectTestRedis, deleteByPrefix, uniquePrefix } from '../support/redis.ts';
import { contentOf } from '../support/plan-content.ts';

let redis: Redis;
let stores: Stores;
const prefix = uniquePrefix('stores');

beforeAll(() => {
  redis = connectTestRedis();
  stores = createStores(redis, prefix, contentOf([]));
});
afterAll(async () => {
  await deleteByPrefix(redis, prefix);
  await redis.quit();
});

const base = { periodId: 'p1', unitCode: 'HD01', submittedBy: { personId: 'p', name: 'An', channel: 'telegram' as const }, late: false };

describe('Redis stores', () => {
  it('numbers report revisions and keeps them all, the latest per unit', async () => {
    const first = await stores.reports.submit({
      ...base,
      answers: { a: 1, t: 'x', skip: null, many: ['laos'] },
      submittedAt: '2027-01-01T00:00:00Z',
    });
    const second = await stores.reports.submit({ ...base, answers: { a: 2, ok: true }, submittedAt: '2027-01-02T00:00:00Z', late: true });
    expect([first.revision, second.revision]).toEqual([1, 2]);
    expect((await stores.reports.revisions('p1', 'HD01')).map((r) => r.answers)).toEqual([
      { a: 1, t: 'x', skip: null, many: ['laos'] },
      { a: 2, ok: true },
    ]);
    expect(await stores.reports.latest('p1', 'HD01')).toMatchObject({ revision: 2, late: true });
    expect([...(await stores.reports.latestForPeriod('p1')).keys()]).toEqual(['HD01']);
  });

  it('stores a submission made by one update once, however often that update is handled', async () => {
    const revision = { ...base, periodId: 'p-once', answers: { a: 1 }, submittedAt: '2027-01-01T00:00:00Z' };
    const first = await stores.reports.submit(revision, { once: 'tg:77' });
    const again = await stores.reports.submit(revision, { once: 'tg:77' });
    const other = await stores.reports.submit(revision, { once: 'tg:78' });
    expect([first.revision, again.revision, other.revision]).toEqual([1, 1, 2]);
    expect(await stores.reports.revisions('p-once', 'HD01')).toHaveLength(2);
  });

  it('lets an invite be redeemed once only, even when two try at the same time', async () => {
    const invite = { code: 'ABC', unitCode: 'HD01', role: 'officer' as const, createdBy: 'x', createdAt: '', expiresAt: '' };
    await stores.invites.create(invite, 60);
    const results = await Promise.all([stores.invites.redeem('ABC'), stores.invites.redeem('ABC')]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('forgets an invite when it expires', async () => {
    await stores.invites.create({ code: 'SHORT', unitCode: 'HD01', role: 'leader', createdBy: 'x', createdAt: '', expiresAt: '' }, 1);
    expect(await redis.ttl(`${prefix}invite:SHORT`)).toBeGreaterThan(0);
    expect(await stores.invites.peek('SHORT')).not.toBeNull();
  });

  it('keeps identity indexes in step when a person moves and links another channel', async () => {
    const person = {
      id: 'p1',
      name: 'An',
      role: 'officer' as const,
      unitCode: 'HD01',
      identities: [{ channel: 'telegram' as const, userId: '1', chatId: '1' }],
      createdAt: 'x',
    };
    await stores.people.save(person);
    const moved = { ...person, unitCode: 'HD02', identities: [{ channel: 'zalo' as const, userId: 'z', chatId: 'z' }] };
    await stores.people.save(moved, person);
    expect(await stores.people.findByIdentity('telegram', '1')).toBeNull();
    expect((await stores.people.findByIdentity('zalo', 'z'))?.unitCode).toBe('HD02');
    expect(await stores.people.listByUnit('HD01')).toEqual([]);
    expect((await stores.people.listByUnit('HD02')).map((p) => p.id)).toEqual(['p1']);
  });
});
