import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { createStores, type Stores } from '../../src/store/stores.ts';
import type { ClaimRequest } from '../../src/core/bot/update-ledger.ts';
import { connectTestRedis, deleteByPrefix, uniquePrefix } from '../support/redis.ts';
import { contentOf } from '../support/plan-content.ts';

let redis: Redis;
let stores: Stores;
const prefix = uniquePrefix('ledger');

beforeAll(() => {
  redis = connectTestRedis();
  stores = createStores(redis, prefix, contentOf([]));
});
afterAll(async () => {
  await deleteByPrefix(redis, prefix);
  await redis.quit();
});

function request(updateKey: string, owner: string, userId = '7'): ClaimRequest {
  return { updateKey, channel: 'telegram', userId, owner, leaseMs: 60_000, message: JSON.stringify({ updateKey }), waitingMs: 60_000 };
}

const done = (r: ClaimRequest, extra: { session?: { op: 'set'; json: string } } = {}) =>
  stores.updates.complete({ ...r, ...extra, markDone: true, keepClaim: false });

describe('UpdateLedgerStore', () => {
  it('reads the sender with the claim and writes the session with the completion', async () => {
    const person = { id: 'p9', name: 'An', role: 'officer' as const, unitCode: 'HD01', createdAt: '2027-01-01T00:00:00Z' };
    await stores.people.save({ ...person, identities: [{ channel: 'telegram', userId: '9', chatId: '9' }] });
    await stores.settings.setLanguage('telegram', '9', 'en');
    const first = request('u1', 'A', '9');
    const claim = await stores.updates.claim(first);
    expect(claim).toMatchObject({ kind: 'claimed', sender: { person: { id: 'p9', name: 'An' }, lang: 'en', session: null } });
    await done(first, { session: { op: 'set', json: '{"step":1}' } });
    expect(await stores.updates.claim(request('u2', 'B', '9'))).toMatchObject({ kind: 'claimed', sender: { session: '{"step":1}' } });
  });

  it('counts the sender’s updates for the inbound limit in the same script, when asked', async () => {
    const counted = (key: string) => ({ ...request(key, 'A', '5'), inboundWindowSeconds: 60 });
    const first = await stores.updates.claim(counted('d1'));
    expect(first).toMatchObject({ kind: 'claimed', sender: { inboundCount: 1 } });
    await done(counted('d1'));
    expect(await stores.updates.claim(counted('d2'))).toMatchObject({ kind: 'claimed', sender: { inboundCount: 2 } });
    await done(counted('d2'));
    expect(await stores.updates.claim(request('d3', 'A', '5'))).toMatchObject({ kind: 'claimed', sender: { inboundCount: null } });
    expect(await redis.ttl(`${prefix}inbound-count:telegram:5`)).toBeGreaterThan(0);
  });

  it('refuses a redelivery while the update is handled, and ignores it once done', async () => {
    const first = request('a1', 'A');
    expect((await stores.updates.claim(first)).kind).toBe('claimed');
    expect((await stores.updates.claim(request('a1', 'B'))).kind).toBe('busy');
    await done(first);
    expect((await stores.updates.claim(request('a1', 'B'))).kind).toBe('duplicate');
  });

  it('lets the person’s updates through in the order they first knocked', async () => {
    const held = request('b1', 'A', '8');
    await stores.updates.claim(held);
    // b2 knocks first at process B, then b3 at process C: both wait.
    expect((await stores.updates.claim(request('b2', 'B', '8'))).kind).toBe('busy');
    expect((await stores.updates.claim(request('b3', 'C', '8'))).kind).toBe('busy');
    await done(held);
    expect((await stores.updates.claim(request('b3', 'C', '8'))).kind).toBe('busy');
    const second = request('b2', 'B', '8');
    expect((await stores.updates.claim(second)).kind).toBe('claimed');
    await done(second);
    expect((await stores.updates.claim(request('b3', 'C', '8'))).kind).toBe('claimed');
  });

  it('hands an update left by a dead process to the next one, before its own', async () => {
    const lost = { ...request('c1', 'dead', '6'), leaseMs: 50 };
    await stores.updates.claim(lost);
    await new Promise((resolve) => setTimeout(resolve, 80)); // the lease is a Redis expiry; nothing races it
    const next = request('c2', 'B', '6');
    expect(await stores.updates.claim(next)).toEqual({ kind: 'recover', updateKey: 'c1', message: lost.message });
    const recovered = request('c1', 'B', '6');
    expect((await stores.updates.claim(recovered)).kind).toBe('claimed');
    await stores.updates.complete({ ...recovered, markDone: true, keepClaim: true });
    expect((await stores.updates.claim(next)).kind).toBe('claimed');
    expect((await stores.updates.claim(request('c1', 'C', '6'))).kind).toBe('duplicate');
  });
});
