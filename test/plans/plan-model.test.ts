import { mkdtempSync, mkdirSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { stringify } from 'yaml';
import { loadConfig } from '../../src/config/config.ts';
import { loadContent } from '../../src/app/load-content.ts';
import { SpecError } from '../../src/flow/spec-error.ts';
import { createStores, type Stores } from '../../src/store/stores.ts';
import type { Period } from '../../src/core/domain/types.ts';
import { connectTestRedis, deleteByPrefix, uniquePrefix } from '../support/redis.ts';
import { contentOf, testPlan } from '../support/plan-content.ts';

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'doanbot-plans-'));
  cpSync('flows/_forms', join(work, '_forms'), { recursive: true });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function writeBundle(root: string, id: string, periodIds: string[]): void {
  const dir = join(root, id);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'plan.txt'), 'KẾ HOẠCH thử');
  writeFileSync(
    join(dir, 'plan.yaml'),
    stringify({
      id,
      version: 1,
      title: { vi: `Kế hoạch ${id}`, en: `Plan ${id}` },
      document: 'plan.txt',
      form: '../_forms/qttn-report.yaml',
      periods: periodIds.map((p) => ({ id: p, title: { vi: `Kỳ ${p}`, en: `Period ${p}` }, deadlines: { unit: '2030-06-10' } })),
    }),
  );
}

describe('loading every bundle of flows/', () => {
  it('loads all bundles by default, the default plan first, each period carrying its plan', () => {
    const { bundles, content, forms } = loadContent(loadConfig({}));
    expect(bundles.map((b) => b.id)).toEqual(['demo-2027', 'kien-giang-2021', 'ninh-thuan-2013']);
    expect(content.defaultPlanId).toBe('demo-2027');
    expect(content.plans.map((p) => p.formId)).toEqual(['qttn-report', 'qttn-report', 'qttn-report']);
    expect(content.periods.find((p) => p.id === 'canam-2021')?.planId).toBe('kien-giang-2021');
    expect(forms.get('qttn-report')?.questions.length).toBeGreaterThan(0);
  });

  it('loads only the bundles PLANS lists, with PLAN_DIR among them', () => {
    const { bundles } = loadContent(loadConfig({ PLANS: 'ninh-thuan-2013' }));
    expect(bundles.map((b) => b.id)).toEqual(['demo-2027', 'ninh-thuan-2013']);
  });

  it('refuses two bundles that use one period id, naming the plan that has it', () => {
    const root = join(work, 'dup');
    mkdirSync(root, { recursive: true });
    cpSync('flows/_forms', join(root, '_forms'), { recursive: true });
    writeBundle(root, 'a-plan', ['thang-1']);
    writeBundle(root, 'b-plan', ['thang-2', 'thang-1']);
    let error: unknown;
    try {
      loadContent(loadConfig({ FLOWS_DIR: root, PLAN_DIR: 'a-plan' }));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SpecError);
    expect(String((error as Error).message)).toContain(
      'b-plan/plan.yaml: periods[1].id: period id "thang-1" is already used by plan "a-plan"',
    );
  });
});

describe('a bundle with a recurring report', () => {
  it('declares monthly reports once and gets one period a month, each with its reminders', () => {
    const root = join(work, 'series');
    mkdirSync(join(root, 'thang'), { recursive: true });
    cpSync('flows/_forms', join(root, '_forms'), { recursive: true });
    writeFileSync(join(root, 'thang', 'plan.txt'), 'KẾ HOẠCH thử');
    writeFileSync(
      join(root, 'thang', 'plan.yaml'),
      stringify({
        id: 'thang',
        version: 1,
        title: { vi: 'Báo cáo công tác Đoàn hằng tháng 2027', en: 'Monthly reports 2027' },
        document: 'plan.txt',
        form: '../_forms/qttn-report.yaml',
        series: [
          {
            id: 'thang',
            title: { vi: 'Báo cáo tháng {n}/{year}', en: 'Report for {n}/{year}' },
            every: 'P1M',
            day: 20,
            from: '2027-01',
            until: '2027-06',
            reminders: ['-P3D', 'PT0S'],
          },
        ],
      }),
    );
    const { content } = loadContent(loadConfig({ FLOWS_DIR: root, PLAN_DIR: 'thang' }));
    expect(content.periods.map((p) => p.id)).toEqual([
      'thang-2027-01',
      'thang-2027-02',
      'thang-2027-03',
      'thang-2027-04',
      'thang-2027-05',
      'thang-2027-06',
    ]);
    expect(content.periods[2]).toMatchObject({
      title: { vi: 'Báo cáo tháng 3/2027' },
      unitDeadline: '2027-03-20T23:59:59+07:00',
      opens: '2027-03-01T00:00:00+07:00',
      reminders: ['-P3D', 'PT0S'],
      planId: 'thang',
    });
  });
});

describe('plans and periods in Redis', () => {
  let redis: Redis;
  let stores: Stores;
  const prefix = uniquePrefix('plans');
  const bundlePeriod: Period = {
    id: 'ky-1',
    title: { vi: 'Kỳ 1', en: 'Period 1' },
    unitDeadline: '2030-06-10T23:59:59+07:00',
    deadlineIsDateOnly: true,
    closes: '2030-07-10T23:59:59+07:00',
    reminders: [],
    summaries: [],
    version: 1,
    planId: 'goc',
  };
  beforeAll(() => {
    redis = connectTestRedis();
    stores = createStores(redis, prefix, contentOf([bundlePeriod], testPlan('goc')));
  });
  afterAll(async () => {
    await deleteByPrefix(redis, prefix);
    await redis.quit();
  });

  it('gives a period stored before plans existed (no planId) to the default plan', async () => {
    const { planId: _none, ...legacy } = { ...bundlePeriod, id: '2027-06-10-1' };
    await redis.hset(stores.keys.importedPeriods(), legacy.id, JSON.stringify(legacy));
    expect((await stores.periods.get('2027-06-10-1'))?.planId).toBe('goc');
  });

  it('creates a chat plan with its document and periods, seen by another store on the same Redis', async () => {
    const plan = testPlan('thang-thanh-nien', { source: 'chat', createdAt: '2026-12-05T00:00:00Z' });
    const period: Period = { ...bundlePeriod, id: 'thang-thanh-nien-1', planId: plan.id };
    expect(await stores.plans.create(plan, 'KẾ HOẠCH Tháng Thanh niên', [period])).toBe(true);
    expect(await stores.plans.create(plan, 'again', [])).toBe(false);
    expect(await stores.plans.create({ ...plan, id: 'goc' }, 'bundle id', [])).toBe(false);
    const other = createStores(redis, prefix, contentOf([bundlePeriod], testPlan('goc')));
    expect((await other.plans.list()).map((p) => p.id)).toEqual(['goc', 'thang-thanh-nien']);
    expect(await other.plans.document('thang-thanh-nien')).toBe('KẾ HOẠCH Tháng Thanh niên');
    expect((await other.periods.get('thang-thanh-nien-1'))?.planId).toBe('thang-thanh-nien');
  });

  it('archives a plan: its periods are flagged, its data stays', async () => {
    expect((await stores.plans.setState('thang-thanh-nien', 'archived'))?.state).toBe('archived');
    expect((await stores.plans.get('thang-thanh-nien'))?.state).toBe('archived');
    expect((await stores.periods.get('thang-thanh-nien-1'))?.planArchived).toBe(true);
    expect((await stores.periods.get('ky-1'))?.planArchived).toBeUndefined();
    expect(await stores.plans.setState('khong-co', 'archived')).toBeNull();
  });
});
