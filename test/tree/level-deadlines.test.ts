import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import type { ChatRef, OutboundMessage } from '../../src/core/messages.ts';
import type { Period, Person } from '../../src/core/domain/types.ts';
import { Translator } from '../../src/i18n/translator.ts';
import { loadBundle } from '../../src/plan-bundle/load-bundle.ts';
import { createStores, type Stores } from '../../src/store/stores.ts';
import { deliverReminders } from '../../src/reminders/deliver-moment.ts';
import type { ReminderDeps } from '../../src/reminders/reminder-deps.ts';
import { SendClaims } from '../../src/reminders/send-claims.ts';
import { isSuperseded, plannedMoments } from '../../src/reminders/schedule.ts';
import { periodForDepth, periodForUnit, periodOwedBy } from '../../src/core/report/unit-deadline.ts';
import { UnitTree } from '../../src/core/org/unit-tree.ts';
import { connectTestRedis, deleteByPrefix, uniquePrefix } from '../support/redis.ts';
import { contentOf } from '../support/plan-content.ts';
import { bundlePlan } from '../../src/app/to-period.ts';
import { InMemoryFormRegistry } from '../../src/core/plans/form-registry.ts';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const translator = Translator.fromDirectory('locales');
const bundle = loadBundle('flows/demo-2027', { defaultTimezone: 'Asia/Ho_Chi_Minh', hasKey: (k) => translator.has(k) });
/** Communes (depth 2) report by 5/6, the districts' own units (depth 1) by the common 10/6. */
const period: Period = {
  ...bundle.periods[0]!,
  version: 1,
  planId: bundle.id,
  levelDeadlines: { '2': { at: '2027-06-05T23:59:59+07:00', dateOnly: true } },
};
const zone = { timezone: bundle.timezone, reminderTime: bundle.reminderTime };

describe('a deadline per level', () => {
  it('is read from plan.yaml: deadlines.levels maps a depth below the root to its deadline', () => {
    const dir = mkdtempSync(join(tmpdir(), 'doanbot-levels-'));
    try {
      cpSync('flows/demo-2027', join(dir, 'demo-2027'), { recursive: true });
      cpSync('flows/_forms', join(dir, '_forms'), { recursive: true });
      const plan = join(dir, 'demo-2027', 'plan.yaml');
      writeFileSync(
        plan,
        readFileSync(plan, 'utf8').replace('      unit: 2027-06-10\n', '      unit: 2027-06-10\n      levels: { 2: 2027-06-05 }\n'),
      );
      const loaded = loadBundle(join(dir, 'demo-2027'), { defaultTimezone: 'Asia/Ho_Chi_Minh', hasKey: (k) => translator.has(k) });
      expect(loaded.periods[0]?.levelDeadlines).toEqual({ '2': { at: '2027-06-05T23:59:59+07:00', dateOnly: true } });
      expect(loaded.periods[1]?.levelDeadlines).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('plans the reminders of a level against its own deadline, each level superseding only its own', () => {
    const { moments } = plannedMoments(period, zone);
    const commune = moments.find((m) => m.offset === '-P1D@2');
    const common = moments.find((m) => m.offset === '-P1D');
    expect(new Date(commune!.at).toISOString()).toBe('2027-06-04T01:00:00.000Z');
    expect(new Date(common!.at).toISOString()).toBe('2027-06-09T01:00:00.000Z');
    const communeDay = moments.find((m) => m.offset === 'PT0S@2')!;
    expect(isSuperseded(moments, common!, communeDay.at + 1)).toBe(false);
    expect(isSuperseded(moments, commune!, communeDay.at + 1)).toBe(true);
    expect(periodForDepth(period, 2).unitDeadline).toBe('2027-06-05T23:59:59+07:00');
    expect(periodForDepth(period, 1).unitDeadline).toBe(period.unitDeadline);
  });

  /** HD01 gave its units the 7/6, over the commune level's 5/6. */
  const withSubtree: Period = { ...period, subtreeDeadlines: { HD01: { at: '2027-06-07T23:59:59+07:00', dateOnly: true } } };

  it('a subtree deadline wins over the level’s below that unit, and gets its own reminder lane', () => {
    const tree = new UnitTree(
      [
        { code: 'TINH', name: 'Tỉnh', parentCode: null, createdAt: '' },
        { code: 'HD01', name: 'HD01', parentCode: 'TINH', createdAt: '' },
        { code: 'XA01', name: 'XA01', parentCode: 'HD01', createdAt: '' },
        { code: 'HD02', name: 'HD02', parentCode: 'TINH', createdAt: '' },
        { code: 'XA02', name: 'XA02', parentCode: 'HD02', createdAt: '' },
      ],
      'TINH',
    );
    expect(periodForUnit(withSubtree, tree, 'XA01').unitDeadline).toBe('2027-06-07T23:59:59+07:00');
    expect(periodForUnit(withSubtree, tree, 'XA02').unitDeadline).toBe('2027-06-05T23:59:59+07:00');
    // HD01 itself still owes the province the common deadline.
    expect(periodForUnit(withSubtree, tree, 'HD01').unitDeadline).toBe(period.unitDeadline);
    expect(periodOwedBy(withSubtree, tree, 'HD01').unitDeadline).toBe(period.unitDeadline);
    expect(periodOwedBy(withSubtree, tree, 'XA01').unitDeadline).toBe('2027-06-07T23:59:59+07:00');
    const { moments } = plannedMoments(withSubtree, zone);
    const lane = moments.find((m) => m.offset === '-P1D@u:HD01');
    expect(new Date(lane!.at).toISOString()).toBe('2027-06-06T01:00:00.000Z');
  });

  describe('reminders follow each unit’s level', () => {
    let redis: Redis;
    let prefix: string;
    let stores: Stores;
    const sent: { to: ChatRef; message: OutboundMessage }[] = [];
    let deps: ReminderDeps;
    const person = (id: string, unitCode: string): Person => ({
      id,
      name: id,
      role: 'officer',
      unitCode,
      identities: [{ channel: 'telegram', userId: id, chatId: id }],
      createdAt: new Date().toISOString(),
    });

    beforeEach(async () => {
      redis = connectTestRedis();
      prefix = uniquePrefix('levels');
      stores = createStores(redis, prefix, contentOf([period], bundlePlan(bundle)));
      sent.length = 0;
      deps = {
        stores,
        outbox: {
          send: async (to: ChatRef, message: OutboundMessage) => (sent.push({ to, message }), { status: 'sent' as const, attempts: 1 }),
        },
        claims: new SendClaims(redis),
        translator,
        forms: new InMemoryFormRegistry([bundle.form], bundle.form.id),
        schedule: zone,
        displayZone: bundle.timezone,
        provinceCode: 'TINH',
        channels: ['telegram'],
        clock: () => new Date(),
      };
      const units: [string, string | null][] = [
        ['TINH', null],
        ['HD01', 'TINH'],
        ['XA01', 'HD01'],
        ['DK02', 'TINH'],
      ];
      for (const [code, parentCode] of units) await stores.units.add({ code, name: `Đơn vị ${code}`, parentCode, createdAt: '' });
      await stores.people.save(person('xa', 'XA01'));
      await stores.people.save(person('dk', 'DK02'));
    });
    afterEach(async () => {
      await deleteByPrefix(redis, prefix);
      await redis.quit();
    });

    it('the commune is reminded before its own deadline, the unit directly under the province before the common one', async () => {
      const { moments } = plannedMoments(period, zone);
      await deliverReminders(
        deps,
        period,
        moments.find((m) => m.offset === '-P1D@2')!,
      );
      expect(sent.map((s) => s.to.chatId)).toEqual(['xa']);
      expect(JSON.stringify(sent[0]?.message)).toContain('05/06/2027');
      sent.length = 0;
      await deliverReminders(
        deps,
        period,
        moments.find((m) => m.offset === '-P1D')!,
      );
      expect(sent.map((s) => s.to.chatId)).toEqual(['dk']);
      expect(JSON.stringify(sent[0]?.message)).toContain('10/06/2027');
    });

    it('a commune below a subtree deadline is reminded in that lane only, once per offset even when its lane changes', async () => {
      const { moments } = plannedMoments(withSubtree, zone);
      await deliverReminders(
        deps,
        withSubtree,
        moments.find((m) => m.offset === '-P1D@2')!,
      );
      expect(sent).toEqual([]);
      await deliverReminders(
        deps,
        withSubtree,
        moments.find((m) => m.offset === '-P1D')!,
      );
      expect(sent.map((s) => s.to.chatId)).toEqual(['dk']);
      sent.length = 0;
      await deliverReminders(
        deps,
        withSubtree,
        moments.find((m) => m.offset === '-P1D@u:HD01')!,
      );
      expect(sent.map((s) => s.to.chatId)).toEqual(['xa']);
      expect(JSON.stringify(sent[0]?.message)).toContain('07/06/2027');
      sent.length = 0;
      // The subtree deadline removed again: the commune is back in its level's lane, whose "-P1D" it already got.
      await deliverReminders(
        deps,
        period,
        plannedMoments(period, zone).moments.find((m) => m.offset === '-P1D@2')!,
      );
      expect(sent).toEqual([]);
    });
  });
});
