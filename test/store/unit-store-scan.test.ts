import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { ChangeFeed } from '../../src/store/change-feed.ts';
import { Keys } from '../../src/store/keys.ts';
import { UnitStore } from '../../src/store/unit-store.ts';
import type { Unit } from '../../src/core/domain/types.ts';
import { connectTestRedis, deleteByPrefix, uniquePrefix } from '../support/redis.ts';

let redis: Redis;
const prefix = uniquePrefix('unit-scan');
const keys = new Keys(prefix);
const feeds: ChangeFeed[] = [];

beforeAll(() => {
  redis = connectTestRedis();
});
afterAll(async () => {
  for (const feed of feeds) await feed.stop();
  await deleteByPrefix(redis, prefix);
  await redis.quit();
});

async function cachedStore(client: Redis = redis): Promise<UnitStore> {
  const feed = new ChangeFeed(redis, keys);
  feeds.push(feed);
  await feed.start();
  return new UnitStore(client, keys, feed);
}

// More units than one page of the scan, so that the list is read in several replies.
const units: Unit[] = Array.from({ length: 2500 }, (_, i) => ({
  code: `U${String(i).padStart(4, '0')}`,
  name: `Chi đoàn ${i}`,
  parentCode: i === 0 ? null : i % 7 === 0 ? 'GONE' : 'U0000',
  createdAt: i % 2 ? '2027-01-01T00:00:00.000Z' : '2027-02-01T00:00:00.000Z',
}));

describe('UnitStore reading a large list page by page', () => {
  it('holds every unit once, sorted by code, as stored, and skips a value that no longer fits', async () => {
    const pipeline = redis.pipeline();
    for (const unit of [...units].reverse()) pipeline.hset(keys.units(), unit.code, JSON.stringify(unit));
    pipeline.hset(keys.units(), 'BROKEN', '{"code":"BROKEN"');
    pipeline.hset(keys.units(), 'NONAME', '{"code":"NONAME","parentCode":null,"createdAt":""}');
    await pipeline.exec();
    const store = await cachedStore();
    expect(await store.list()).toEqual(units);
    const table = await store.snapshot();
    expect(table.size).toBe(units.length);
    // Cached: the same table until a unit changes.
    expect(await store.snapshot()).toBe(table);
    await store.put({ ...units[5]!, name: 'Đổi tên' });
    const after = await store.snapshot();
    expect(after).not.toBe(table);
    expect(after.unit(after.indexOf('U0005')).name).toBe('Đổi tên');
  });

  it('reads again when a unit changes while the pages are read, so no half-old list is kept', async () => {
    const writer = new UnitStore(redis, keys);
    let pages = 0;
    let renamed = '';
    // A client whose second HSCAN reply comes after another process renamed a unit of the first page.
    const client = new Proxy(redis, {
      get(target, property, receiver) {
        if (property !== 'hscan') return Reflect.get(target, property, receiver);
        return async (...args: Parameters<Redis['hscan']>) => {
          const reply = await target.hscan(...args);
          pages += 1;
          if (pages === 1) {
            const seen = reply[1].filter((_, i) => i % 2 === 0 && reply[1][i] !== 'BROKEN' && reply[1][i] !== 'NONAME');
            const code = seen[0]!;
            await writer.put({ code, name: 'Đổi trong lúc đọc', parentCode: null, createdAt: '' });
            renamed = code;
          }
          return reply;
        };
      },
    });
    const store = await cachedStore(client);
    const table = await store.snapshot();
    expect(pages).toBeGreaterThan(2);
    expect(table.unit(table.indexOf(renamed)).name).toBe('Đổi trong lúc đọc');
  });
});
