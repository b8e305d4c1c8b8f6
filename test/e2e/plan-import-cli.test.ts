import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { createStores } from '../../src/store/stores.ts';
import { TEST_REDIS_URL, connectTestRedis, deleteByPrefix, uniquePrefix } from '../support/redis.ts';
import { contentOf, testPlan } from '../support/plan-content.ts';

const run = promisify(execFile);
const prefix = uniquePrefix('plan-import');
const dir = mkdtempSync(join(tmpdir(), 'doanbot-import-'));
const plan = join(dir, 'ke-hoach.txt');
writeFileSync(
  plan,
  'KẾ HOẠCH\nTổ chức Tháng Thanh niên năm 2028\n\nI. TỔ CHỨC THỰC HIỆN\n1. Huyện, thành Đoàn và Đoàn trực thuộc\n- Báo cáo kết quả gửi về Tỉnh Đoàn trước ngày 15/4/2028.\n',
);
const redis = connectTestRedis();
afterAll(async () => {
  await deleteByPrefix(redis, prefix);
  await redis.quit();
  rmSync(dir, { recursive: true, force: true });
});

const importPlan = (...flags: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'scripts/plan-import.ts', plan, ...flags], {
    cwd: resolve('.'),
    env: { ...process.env, REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix, LOG_LEVEL: 'silent' },
  });

describe('npm run plan:import', () => {
  it('proposes the periods without creating them, then creates them with --yes', async () => {
    const stores = createStores(redis, prefix, contentOf([], testPlan('demo-2027')));
    const dry = await importPlan();
    expect(dry.stdout).toContain('15/04/2028');
    expect(dry.stdout).toContain('--yes');
    expect(await stores.periods.list()).toEqual([]);

    const done = await importPlan('--yes');
    expect(done.stdout).toMatch(/Đã tạo 1 kỳ báo cáo/);
    const periods = await stores.periods.list();
    expect(periods).toHaveLength(1);
    expect(periods[0]?.unitDeadline.startsWith('2028-04-15T23:59:59')).toBe(true);
  });
});
