import { afterEach, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import pino from 'pino';
import type { ChatRef, OutboundMessage } from '../../src/core/messages.ts';
import type { Period } from '../../src/core/domain/types.ts';
import type { DeliveryResult } from '../../src/outbound/delivery-result.ts';
import { Translator } from '../../src/i18n/translator.ts';
import { loadBundle } from '../../src/plan-bundle/load-bundle.ts';
import { createStores, type Stores } from '../../src/store/stores.ts';
import type { ReminderDeps } from '../../src/reminders/reminder-deps.ts';
import { ReminderScheduler } from '../../src/reminders/reminder-scheduler.ts';
import { SendClaims } from '../../src/reminders/send-claims.ts';
import { connectTestRedis, deleteByPrefix, uniquePrefix } from '../support/redis.ts';
import { eventually } from './support.ts';
import { contentOf } from '../support/plan-content.ts';
import { bundlePlan } from '../../src/app/to-period.ts';
import { InMemoryFormRegistry } from '../../src/core/plans/form-registry.ts';

/**
 * A process killed in the middle of a reminder burst: the messages it had handed to the platform stay
 * sent, those still waiting in its send queue are sent by the next process as soon as their short
 * claims lapse and the job is found stalled — not on the job's last backoff retry, many minutes later.
 */
const translator = Translator.fromDirectory('locales');
const bundle = loadBundle('flows/demo-2027', { defaultTimezone: 'Asia/Ho_Chi_Minh', hasKey: (k) => translator.has(k) });
const UNITS = 50;
const HANDED_OVER = 20;
const LEASE_MS = 600;

/** An outbox whose first `limit` messages are accepted by the platform; the rest wait in its queue forever. */
class QueueThatDies {
  readonly sent: string[] = [];
  constructor(private readonly limit = Infinity) {}
  async send(to: ChatRef, _message: OutboundMessage): Promise<DeliveryResult> {
    await new Promise((resolve) => setImmediate(resolve));
    if (this.sent.length >= this.limit) return new Promise(() => {});
    this.sent.push(to.chatId);
    return { status: 'sent', attempts: 1 };
  }
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Process {
  redis: Redis;
  claims: SendClaims;
  scheduler: ReminderScheduler;
  outbox: QueueThatDies;
}

function startProcess(prefix: string, period: Period, outbox: QueueThatDies): Process {
  const redis = connectTestRedis();
  const stores: Stores = createStores(redis, prefix, contentOf([period], bundlePlan(bundle)));
  const claims = new SendClaims(redis, { leaseMs: LEASE_MS });
  const deps: ReminderDeps = {
    stores,
    outbox,
    claims,
    translator,
    forms: new InMemoryFormRegistry([bundle.form], bundle.form.id),
    schedule: { timezone: bundle.timezone, reminderTime: bundle.reminderTime },
    displayZone: bundle.timezone,
    provinceCode: 'TINH',
    channels: ['telegram'],
    clock: () => new Date(),
  };
  const scheduler = new ReminderScheduler(deps, {
    connection: redis,
    prefix: stores.keys.bull(),
    logger: pino({ level: 'silent' }),
    lockDurationMs: 800,
    stalledIntervalMs: 300,
    // Were a retry to wait for the backoff, the test would time out: the rest must come from the stall.
    backoffMs: 60_000,
  });
  return { redis, claims, scheduler, outbox };
}

async function seedUnits(prefix: string, period: Period): Promise<void> {
  const redis = connectTestRedis();
  const stores = createStores(redis, prefix, contentOf([period], bundlePlan(bundle)));
  await stores.units.add({ code: 'TINH', name: 'Tỉnh Đoàn', parentCode: null, createdAt: new Date().toISOString() });
  for (let i = 1; i <= UNITS; i++) {
    const code = `HD${String(i).padStart(2, '0')}`;
    await stores.units.add({ code, name: `Đơn vị ${code}`, parentCode: 'TINH', createdAt: new Date().toISOString() });
    await stores.people.save({
      id: `o${i}`,
      name: `Cán bộ ${i}`,
      role: 'officer',
      unitCode: code,
      identities: [{ channel: 'telegram', userId: String(1000 + i), chatId: String(1000 + i) }],
      createdAt: new Date().toISOString(),
    });
  }
  await redis.quit();
}

describe('a process killed in the middle of a reminder burst', () => {
  it('leaves the unsent reminders to the next process at once, and sends none twice', async () => {
    const prefix = uniquePrefix('crash-burst');
    const deadline = Math.ceil((Date.now() + 2_000) / 1000) * 1000;
    const period: Period = {
      ...bundle.periods[0]!,
      id: 'burst',
      unitDeadline: new Date(deadline).toISOString(),
      deadlineIsDateOnly: false,
      closes: new Date(deadline + 86_400_000).toISOString(),
      reminders: ['-PT1S'],
      summaries: ['P5D'],
      version: 1,
      planId: bundle.id,
    };
    await seedUnits(prefix, period);

    const first = startProcess(prefix, period, new QueueThatDies(HANDED_OVER));
    let second: Process | undefined;
    cleanups.push(async () => {
      await second?.scheduler.close();
      await second?.redis.quit();
      await deleteByPrefix(connectTestRedis(), prefix).catch(() => {});
    });
    await first.scheduler.start();
    await eventually('the first process to hand over its share', () => first.outbox.sent.length === HANDED_OVER);

    // SIGKILL: its timers stop and its connection drops; nothing it held is released.
    first.claims.stop();
    void first.scheduler.close().catch(() => {});
    first.redis.disconnect();

    second = startProcess(prefix, period, new QueueThatDies());
    await second.scheduler.start();
    await eventually('every unit to be reminded', () => first.outbox.sent.length + second!.outbox.sent.length === UNITS, 10_000);

    const all = [...first.outbox.sent, ...second.outbox.sent];
    expect(new Set(all).size).toBe(UNITS);
    expect(second.outbox.sent).toHaveLength(UNITS - HANDED_OVER);
  });
});

describe('SendClaims', () => {
  it('holds a claim past its lease while its owner lives, and lets it go within a lease once the owner stops', async () => {
    const redis = connectTestRedis();
    const key = `${uniquePrefix('claims')}sent:x`;
    cleanups.push(async () => {
      await redis.del(key);
      await redis.quit();
    });
    const owner = new SendClaims(redis, { leaseMs: 300 });
    const other = new SendClaims(redis, { leaseMs: 300 });
    expect(await owner.claim(key)).toBe('claimed');
    const heldSince = Date.now();
    // Over several leases, the other process never gets it.
    await eventually('three leases to pass', async () => {
      expect(await other.claim(key)).toBe('busy');
      return Date.now() - heldSince > 900;
    });
    owner.stop();
    await eventually('the lapsed claim to be taken', async () => (await other.claim(key)) === 'claimed');
    other.stop();
    // A release by the former owner does not free a claim someone else now holds.
    await owner.release(key);
    expect(await owner.claim(key)).toBe('busy');
  });
});
