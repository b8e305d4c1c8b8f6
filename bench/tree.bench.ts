/**
 * `npm run bench -- tree`: a national tree in Redis (1 centre, 34 provinces, 3,400 communes,
 * 100,000 branches) with a report for 70% of the branches, then /tinhhinh, /tonghop and /lich for the root,
 * one province and one commune, handled by the real core (console channel, output discarded).
 * Goals: each ≤ 200 ms once warm, memory ≤ 300 MB: the peak resident memory of the whole process
 * (`process.resourceUsage().maxRSS`), printed after each phase with the heap and external memory.
 * Run it with and without `NODE_OPTIONS=--expose-gc` (with it, the bench collects before measuring
 * "before" and at the end). Options: --branches N (default 100000).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import { startBot } from '../src/app/start-bot.ts';
import type { InboundMessage } from '../src/core/messages.ts';
import type { Person } from '../src/core/domain/types.ts';
import { Keys } from '../src/store/keys.ts';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const PROVINCES = 34;
const COMMUNES_PER_PROVINCE = 100;
const PERIOD = '6thang-2027';
const ROUNDS = 7;

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? Number(process.argv[i + 1]) : fallback;
}

/**
 * Writes the centre, the provinces, the communes and the branches (spread evenly over the communes)
 * into the units hash, and a first revision for 70% of the branches (a fixed pseudo-random sequence,
 * so every run builds the same reports) into the period's latest-report hash.
 * ARGV: provinces, communes per province, branches, period id, time.
 */
const BUILD_SCRIPT = `
local provinces, perProvince, branches, period, now = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), ARGV[4], ARGV[5]
local seed = 7
local function rnd()
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed / 2147483648
end
local function unit(code, name, parent)
  redis.call('HSET', KEYS[1], code, cjson.encode({ code = code, name = name, parentCode = parent or cjson.null, createdAt = now }))
end
unit('TW', 'Trung ương Đoàn', nil)
local units, reports, communes = 1, 0, provinces * perProvince
local k = 0
for p = 1, provinces do
  local province = 'P' .. p
  unit(province, 'Tỉnh Đoàn ' .. p, 'TW')
  units = units + 1
  for c = 1, perProvince do
    local commune = province .. '-X' .. c
    unit(commune, 'Đoàn xã ' .. c .. ' tỉnh ' .. p, province)
    units = units + 1
    local count = math.floor((k + 1) * branches / communes) - math.floor(k * branches / communes)
    k = k + 1
    for b = 1, count do
      local branch = commune .. '-C' .. b
      unit(branch, 'Chi đoàn ' .. b, commune)
      units = units + 1
      if rnd() < 0.7 then
        local answers = cjson.encode({ propaganda_sessions = math.floor(rnd() * 10), propaganda_participants = math.floor(rnd() * 300), clubs = math.floor(rnd() * 3) })
        redis.call('HSET', KEYS[2], branch, cjson.encode({
          periodId = period, unitCode = branch, revision = 1, answers = answers,
          submittedBy = { personId = 'bench', name = 'Cán bộ', channel = 'console' },
          submittedAt = now, late = rnd() < 0.1 }))
        reports = reports + 1
      end
    end
  end
end
return { units, reports }
`;

async function deleteByPrefix(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 5000);
    cursor = next;
    if (keys.length) await redis.unlink(...keys);
  } while (cursor !== '0');
}

const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);

/** The process's resident memory now and its peak so far (the kernel's high-water mark), in bytes. */
function residentPeak(): number {
  return process.resourceUsage().maxRSS * 1024;
}

/** Memory at one point of the run: resident now, the process's peak so far, JS heap used, external. */
function memoryAt(label: string): string {
  const m = process.memoryUsage();
  return `${label} rss ${mb(m.rss)} / peak ${mb(residentPeak())} / heap ${mb(m.heapUsed)} / ext ${mb(m.external + m.arrayBuffers)}`;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

export async function runTreeBench(): Promise<string[]> {
  const branches = option('branches', 100_000);
  const perCommune = Math.ceil(branches / (PROVINCES * COMMUNES_PER_PROVINCE));
  const prefix = `bench-tree-${process.pid}:`;
  const keys = new Keys(prefix);
  const redis = new Redis(REDIS_URL);
  const dataDir = mkdtempSync(join(tmpdir(), 'doanbot-bench-tree-'));
  const lines: string[] = [];
  try {
    // 1. The tree and the reports, generated inside Redis (the bench process holds none of it).
    let started = performance.now();
    const now = new Date().toISOString();
    const [unitCount, reportCount] = (await redis.eval(
      BUILD_SCRIPT,
      2,
      keys.units(),
      keys.reportLatest(PERIOD),
      PROVINCES,
      COMMUNES_PER_PROVINCE,
      branches,
      PERIOD,
      now,
    )) as [number, number];
    lines.push(
      `tree: ${unitCount.toLocaleString('en')} units, ${reportCount.toLocaleString('en')} reports written in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );

    // 2. The bot on that Redis, with leaders of the root, one province and one commune.
    const stdout = new PassThrough();
    stdout.resume();
    const bot = await startBot(
      {
        REDIS_URL,
        REDIS_PREFIX: prefix,
        DATA_DIR: dataDir,
        CONSOLE: 'on',
        LOG_LEVEL: 'silent',
        PROVINCE_CODE: 'TW',
        PROVINCE_NAME: 'Trung ương Đoàn',
      },
      { stdin: new PassThrough(), stdout },
    );
    try {
      const leaders: Record<string, string> = { root: 'TW', province: 'P7', commune: 'P7-X42' };
      for (const [id, unitCode] of Object.entries(leaders)) {
        const person: Person = {
          id: `lead-${id}`,
          name: id,
          role: 'leader',
          unitCode,
          identities: [{ channel: 'console', userId: id, chatId: id }],
          createdAt: now,
        };
        await bot.app.stores.people.save(person);
      }
      let counter = 0;
      const run = async (who: string, command: string): Promise<number> => {
        const message: InboundMessage = {
          type: 'command',
          command,
          args: PERIOD,
          updateKey: `bench:${++counter}`,
          chat: { channel: 'console', chatId: who, kind: 'private' },
          from: { channel: 'console', userId: who, displayName: who },
          receivedAt: new Date(),
        };
        const t0 = performance.now();
        await bot.app.core.handle(message);
        await bot.app.core.idle();
        return performance.now() - t0;
      };

      const phases: string[] = [memoryAt('bot started:')];
      (globalThis as { gc?: () => void }).gc?.();
      const before = process.memoryUsage();
      // The first command loads the tree into memory and builds the period's roll-ups.
      started = performance.now();
      await run('root', 'tinhhinh');
      lines.push(`first /tinhhinh (tree loaded into memory, roll-ups built): ${(performance.now() - started).toFixed(0)} ms`);
      phases.push(memoryAt('first /tinhhinh:'));

      for (const who of Object.keys(leaders)) {
        for (const command of ['tinhhinh', 'tonghop', 'lich']) {
          const times: number[] = [];
          for (let i = 0; i < ROUNDS; i += 1) times.push(await run(who, command));
          const ms = median(times);
          lines.push(
            `/${command} ${who.padEnd(8)} (${leaders[who]}): median ${ms.toFixed(1)} ms over ${ROUNDS}; ratio to the 200 ms goal ${(ms / 200).toFixed(3)}`,
          );
          phases.push(memoryAt(`/${command} ${who}:`));
        }
      }

      // A submission keeps the roll-ups of every unit above it (one script).
      const submits: number[] = [];
      for (let i = 1; i <= 200; i += 1) {
        const t0 = performance.now();
        await bot.app.stores.reports.submit({
          periodId: PERIOD,
          unitCode: `P${(i % PROVINCES) + 1}-X${(i % COMMUNES_PER_PROVINCE) + 1}-C1`,
          answers: { propaganda_sessions: 1 },
          submittedBy: { personId: 'bench', name: 'Cán bộ', channel: 'console' },
          submittedAt: now,
          late: false,
        });
        submits.push(performance.now() - t0);
      }
      lines.push(`submit with roll-ups kept: median ${median(submits).toFixed(2)} ms over ${submits.length}`);
      phases.push(memoryAt('submits:'));

      // After a change to the tree, the next read rebuilds the period's roll-ups once.
      await bot.app.stores.units.put({ code: 'P7-X42', name: 'Đoàn xã 42 tỉnh 7', parentCode: 'P7', createdAt: now });
      started = performance.now();
      await run('root', 'tinhhinh');
      lines.push(`/tinhhinh root after a tree change (roll-ups rebuilt, tree reloaded): ${(performance.now() - started).toFixed(0)} ms`);
      phases.push(memoryAt('after tree change:'));

      // The rebuild alone: one Lua script, during which Redis serves nobody else.
      await redis.del(keys.rollupsBuilt());
      started = performance.now();
      await bot.app.stores.reports.rollups(PERIOD, ['TW']);
      lines.push(`roll-ups rebuilt alone (one script, Redis busy meanwhile): ${(performance.now() - started).toFixed(0)} ms`);
      phases.push(memoryAt('rebuild:'));

      (globalThis as { gc?: () => void }).gc?.();
      const memory = process.memoryUsage();
      const peak = residentPeak();
      const collected = typeof (globalThis as { gc?: unknown }).gc === 'function';
      lines.push(`memory (MB) by phase: ${phases.join('; ')}`);
      lines.push(
        `memory: peak rss ${mb(peak)} MB (the kernel's high-water mark of this whole process: the bot, tsx, the bench driving it), ` +
          `rss at the end ${mb(memory.rss)} MB ${collected ? 'after a collection (--expose-gc)' : 'without --expose-gc'}; ` +
          `the bot before the tree was read: ${mb(before.rss)} MB; heap used ${mb(memory.heapUsed)} MB (before: ${mb(before.heapUsed)} MB); ` +
          `ratio of the peak to the 300 MB goal ${(peak / 2 ** 20 / 300).toFixed(2)}`,
      );
    } finally {
      await bot.stop();
    }
  } finally {
    await deleteByPrefix(redis, prefix);
    redis.disconnect();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return lines;
}
