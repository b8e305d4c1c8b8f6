import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { ChangeFeed } from '../../src/store/change-feed.ts';
import { Keys } from '../../src/store/keys.ts';
import { createStores } from '../../src/store/stores.ts';
import type { Period } from '../../src/core/domain/types.ts';
import { connectTestRedis, deleteByPrefix, uniquePrefix } from '../support/redis.ts';
import { contentOf } from '../support/plan-content.ts';

let redis: Redis;
const prefix = uniquePrefix('feed');
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

async function startedFeed(pollMs?: number): Promise<ChangeFeed> {
  const feed = new ChangeFeed(redis, keys, pollMs === undefined ? {} : { pollMs });
  feeds.push(feed);
  await feed.start();
  return feed;
}

function nextChange(feed: ChangeFeed, topic: string): Promise<void> {
  return new Promise((resolve) => {
    const off = feed.on(topic, () => {
      off();
      resolve();
    });
  });
}

const period: Period = {
  id: 'q1',
  title: { vi: 'Quý 1', en: 'Q1' },
  opens: '2027-01-01T00:00:00Z',
  unitDeadline: '2027-03-25T00:00:00Z',
  closes: '2027-04-01T00:00:00Z',
  reminders: [],
  summaries: [],
  version: 1,
  planId: 'test-plan',
  deadlineIsDateOnly: false,
};

describe('ChangeFeed', () => {
  it('keeps periods in memory and reads them again when another process changes them', async () => {
    // Two "processes": each its own feed and stores over the same Redis and prefix.
    const [feedA, feedB] = [await startedFeed(), await startedFeed()];
    const a = createStores(redis, prefix, contentOf([period]), feedA);
    const b = createStores(redis, prefix, contentOf([period]), feedB);
    expect((await b.periods.get('q1'))?.unitDeadline).toBe(period.unitDeadline);

    const seen = nextChange(feedB, 'periods');
    await a.periods.setDeadline('q1', { unitDeadline: '2027-03-28T00:00:00Z', closes: '2027-04-01T00:00:00Z', deadlineIsDateOnly: false });
    await seen;
    expect((await b.periods.get('q1'))?.unitDeadline).toBe('2027-03-28T00:00:00Z');
    // The writer sees its own change at once, without waiting for the message.
    expect((await a.periods.get('q1'))?.version).toBe(2);
  });

  it('shows a subtree deadline set in one process to the others, and a common deadline moved later keeps it', async () => {
    const [feedA, feedB] = [await startedFeed(), await startedFeed()];
    const a = createStores(redis, prefix, contentOf([{ ...period, id: 'q3' }]), feedA);
    const b = createStores(redis, prefix, contentOf([{ ...period, id: 'q3' }]), feedB);
    expect(await b.periods.get('q3')).not.toHaveProperty('subtreeDeadlines');
    let seen = nextChange(feedB, 'periods');
    await a.periods.setSubtreeDeadline('q3', 'HD01', { at: '2027-03-20T00:00:00Z', dateOnly: false });
    await seen;
    expect(await b.periods.get('q3')).toMatchObject({
      version: 2,
      unitDeadline: period.unitDeadline,
      subtreeDeadlines: { HD01: { at: '2027-03-20T00:00:00Z', dateOnly: false } },
    });
    seen = nextChange(feedB, 'periods');
    await a.periods.setDeadline('q3', { unitDeadline: '2027-03-28T00:00:00Z', closes: '2027-04-01T00:00:00Z', deadlineIsDateOnly: false });
    await seen;
    expect(await b.periods.get('q3')).toMatchObject({ version: 3, unitDeadline: '2027-03-28T00:00:00Z', subtreeDeadlines: { HD01: {} } });
    seen = nextChange(feedB, 'periods');
    await a.periods.setSubtreeDeadline('q3', 'HD01', null);
    await seen;
    expect((await b.periods.get('q3'))?.subtreeDeadlines).toEqual({});
  });

  it('serves the cached list without asking Redis until a change', async () => {
    const feed = await startedFeed();
    const reads: string[] = [];
    // Counts the reads of this store's connection (the server is shared with other tests).
    const counted = new Proxy(redis, {
      get(target, name, receiver) {
        if (name === 'hgetall' || name === 'hvals' || name === 'pipeline') reads.push(name);
        const value = Reflect.get(target, name, receiver) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const stores = createStores(counted, prefix, contentOf([period]), feed);
    await stores.periods.list();
    await stores.periods.list();
    await stores.periods.get('q1');
    expect(reads).toEqual(['pipeline']);
    const seen = nextChange(feed, 'periods');
    await stores.periods.addImported({ ...period, id: 'q2' });
    await seen;
    expect((await stores.periods.list()).map((p) => p.id).sort()).toEqual(['q1', 'q2']);
    expect(reads).toEqual(['pipeline', 'pipeline']);
  });

  it('notices a change whose message was missed, by comparing versions', async () => {
    const feed = await startedFeed(60_000);
    const changed = nextChange(feed, 'plans');
    // A version bumped without a message (as if published while the subscriber was reconnecting).
    await redis.hincrby(keys.changeVersions(), 'plans', 1);
    await feed.check();
    await changed;
  });
});
