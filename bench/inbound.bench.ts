/**
 * `npm run bench -- inbound`: the whole report flow driven from outside through the real Telegram
 * webhook, against doanbot and against a telegraf WizardScene bot with an ioredis session doing the
 * same form (bench/inbound/wizard-bot.ts), in the same run. Each bot is its own process, on a private
 * redis-server started for the run, sending to a fake Bot API over real HTTP with no sending limits.
 * Closed loop: each simulated officer sends its next answer only once the reply has arrived.
 *
 * Options: `--levels 20,200,1000` (concurrent officers), `--reports N` (reports per level; default
 * the larger of the level and 200).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { Redis } from 'ioredis';
import { createStores } from '../src/store/stores.ts';
import { FakeBotApi } from './inbound/fake-bot-api.ts';
import { Measured, freePort } from './inbound/processes.ts';
import { REPORT_SCRIPT, WebhookClient, calibrate, closedLoop, percentile } from './inbound/driver.ts';

const SECRET = 'bench-secret-token';
const TOKEN = '123456:BENCH-token';
const FIRST_OFFICER = 100_000;

interface BotUnderTest {
  name: string;
  process: Measured;
  client: WebhookClient;
  expected: number[];
}

interface Row {
  updatesPerSec: number;
  p50: number;
  p99: number;
  cpuMsPerUpdate: number;
  redisPerUpdate: number;
  redisTop: string;
  rssMb: number;
  redisCpuMsPerUpdate: number;
  driverCpuMsPerUpdate: number;
  botApiCalls: string;
}

function option(name: string): string | undefined {
  const args = process.argv;
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
}

/** Calls of each Redis command so far (the private server serves only the bot under test). */
async function redisCalls(redis: Redis): Promise<Map<string, number>> {
  const info = await redis.info('commandstats');
  const calls = new Map<string, number>();
  for (const match of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) {
    if (match[1] !== 'info') calls.set(match[1]!, Number(match[2]));
  }
  return calls;
}

/** Where the run is, on stderr (a run takes minutes). */
function progress(line: string): void {
  process.stderr.write(`  … ${line}\n`);
}

/** CPU time the private redis-server has used so far (user + system), in ms. */
async function redisCpuMs(redis: Redis): Promise<number> {
  const info = await redis.info('cpu');
  const field = (name: string) => Number(new RegExp(`^${name}:([0-9.]+)`, 'm').exec(info)?.[1] ?? 0);
  return (field('used_cpu_user') + field('used_cpu_sys')) * 1000;
}

/** Commands per update between two readings, in all and for the most used ones. */
function perUpdate(before: Map<string, number>, after: Map<string, number>, updates: number): { total: number; top: string } {
  const deltas = [...after].map(([name, n]) => [name, (n - (before.get(name) ?? 0)) / updates] as const).filter(([, d]) => d > 0);
  deltas.sort((a, b) => b[1] - a[1]);
  return {
    total: deltas.reduce((sum, [, d]) => sum + d, 0),
    top: deltas
      .slice(0, 5)
      .map(([name, d]) => `${name} ${d.toFixed(2)}`)
      .join(', '),
  };
}

async function startRedis(): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  const url = `redis://127.0.0.1:${port}`;
  const probe = new Redis(url, { retryStrategy: () => 50, maxRetriesPerRequest: null });
  probe.on('error', () => undefined); // refused until the server listens
  await probe.ping();
  await probe.quit();
  return {
    url,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Officers (one unit each) in doanbot's stores, and in the baseline's one key per officer. */
async function seed(redis: Redis, count: number): Promise<void> {
  const stores = createStores(redis, 'bench:doanbot:', { plans: [], periods: [], defaultPlanId: 'bench' });
  const createdAt = new Date().toISOString();
  await stores.units.add({ code: 'TINH', name: 'Tỉnh Đoàn', parentCode: null, createdAt });
  const wizard = redis.pipeline();
  for (let i = 0; i < count; i++) {
    const userId = String(FIRST_OFFICER + i);
    const code = `B${i}`;
    await stores.units.add({ code, name: `Chi đoàn ${i}`, parentCode: 'TINH', createdAt });
    await stores.people.save({
      id: `bench-${i}`,
      name: `Cán bộ ${i}`,
      role: 'officer',
      unitCode: code,
      identities: [{ channel: 'telegram', userId, chatId: userId }],
      createdAt,
    });
    wizard.set(`bench:wizard:officer:${userId}`, code);
  }
  await wizard.exec();
}

/** doanbot as it runs in production: compiled JS when the project has a build, else through tsx. */
function doanbotCommand(): { command: string; args: string[]; how: string } {
  const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
  if (scripts['start:prod'] && scripts.build) {
    const built = spawnSyncOk('npm', ['run', '--silent', 'build']);
    if (built) return { command: process.execPath, args: ['dist/main.js'], how: 'node dist/main.js (npm run build)' };
  }
  return { command: process.execPath, args: ['--import', 'tsx', 'src/main.ts'], how: 'node --import tsx src/main.ts' };
}

function spawnSyncOk(command: string, args: string[]): boolean {
  return spawnSync(command, args, { stdio: 'inherit' }).status === 0;
}

async function startDoanbot(
  api: FakeBotApi,
  redisUrl: string,
  dataDir: string,
  workers = 1,
): Promise<{ process: Measured; url: string; how: string }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/telegram`;
  const { command, args: commandArgs, how } = doanbotCommand();
  // BENCH_CPU_PROF=<dir> writes a V8 CPU profile of doanbot there (open it in Chrome DevTools).
  const profile = globalThis.process.env.BENCH_CPU_PROF;
  const args = profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`, ...commandArgs] : commandArgs;
  const process = Measured.spawn(command, args, {
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: api.apiRoot,
    TELEGRAM_MODE: 'webhook',
    TELEGRAM_WEBHOOK_URL: url,
    TELEGRAM_WEBHOOK_SECRET: SECRET,
    HTTP_PORT: String(port),
    HTTP_HOST: '127.0.0.1',
    // Sending limits out of the way: the per-update cost is measured, not Telegram's pacing.
    TELEGRAM_RATE_GLOBAL_PER_SEC: '1000000',
    TELEGRAM_RATE_PER_CHAT_PER_SEC: '1000',
    TELEGRAM_RATE_PER_GROUP_PER_MIN: '100000',
    INBOUND_LIMIT_PER_MIN: '100000',
    REDIS_URL: redisUrl,
    REDIS_PREFIX: 'bench:doanbot:',
    DATA_DIR: dataDir,
    CONSOLE: 'off',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    WORKERS: String(workers),
  });
  await waitForHttp(`http://127.0.0.1:${port}/`, process);
  return { process, url, how };
}

async function waitForHttp(url: string, process: Measured): Promise<void> {
  for (;;) {
    if (process.child.exitCode !== null) throw new Error('doanbot exited during start-up');
    try {
      await (await fetch(url)).arrayBuffer();
      // Listening; give the adapter time to register its webhook (setWebhook reaches the fake API).
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

async function startWizard(api: FakeBotApi, redisUrl: string): Promise<{ process: Measured; url: string }> {
  const port = await freePort();
  const process = Measured.spawn(globalThis.process.execPath, ['--import', 'tsx', 'bench/inbound/wizard-bot.ts'], {
    BOT_TOKEN: TOKEN,
    API_ROOT: api.apiRoot,
    PORT: String(port),
    SECRET,
    REDIS_URL: redisUrl,
    PREFIX: 'bench:wizard:',
  });
  await process.waitForLine(/ready/);
  return { process, url: `http://127.0.0.1:${port}/telegram` };
}

async function measure(
  bot: BotUnderTest,
  api: FakeBotApi,
  redis: Redis,
  concurrency: number,
  reports: number,
  firstUserId: number,
): Promise<Row> {
  const calls = await redisCalls(redis);
  const redisCpu = await redisCpuMs(redis);
  const cpu = bot.process.cpuMs();
  const driverCpu = process.cpuUsage();
  const apiCalls = new Map(api.calls);
  bot.process.sampleRss();
  const loop = await closedLoop(bot.client, api, bot.expected, { concurrency, reports, firstUserId });
  const cpuMs = bot.process.cpuMs() - cpu;
  const driverUsed = process.cpuUsage(driverCpu);
  const sorted = loop.latenciesMs.sort((a, b) => a - b);
  const redisCpuUsed = (await redisCpuMs(redis)) - redisCpu;
  const redisUse = perUpdate(calls, await redisCalls(redis), loop.updates);
  return {
    updatesPerSec: loop.updates / loop.seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    cpuMsPerUpdate: cpuMs / loop.updates,
    redisPerUpdate: redisUse.total,
    redisTop: redisUse.top,
    rssMb: bot.process.peakRssMb(),
    redisCpuMsPerUpdate: redisCpuUsed / loop.updates,
    driverCpuMsPerUpdate: (driverUsed.user + driverUsed.system) / 1000 / loop.updates,
    botApiCalls: [...api.calls]
      .map(([method, n]) => [method, (n - (apiCalls.get(method) ?? 0)) / loop.updates] as const)
      .filter(([, perUpdate]) => perUpdate > 0)
      .map(([method, perUpdate]) => `${method} ${perUpdate.toFixed(2)}`)
      .join(', '),
  };
}

/**
 * Commands each bot sends per update (what costs a round trip unless pipelined), apart from those its
 * Lua scripts run inside Redis: counted with MONITOR over a few reports, one officer at a time.
 */
async function sentPerUpdate(
  bot: BotUnderTest,
  api: FakeBotApi,
  redisUrl: string,
  firstUserId: number,
): Promise<{ sent: number; inScripts: number }> {
  // monitor() opens a connection of its own: the client it came from is closed too, or it would keep
  // reconnecting (and the bench process alive) once the private redis-server stops.
  const client = new Redis(redisUrl);
  const monitor = await client.monitor();
  let sent = 0;
  let inScripts = 0;
  monitor.on('monitor', (_time: string, args: string[], source: string) => {
    if (args[0]?.toLowerCase() === 'info') return;
    if (source === 'lua') inScripts++;
    else sent++;
  });
  const loop = await closedLoop(bot.client, api, bot.expected, { concurrency: 1, reports: 5, firstUserId });
  monitor.disconnect();
  client.disconnect();
  return { sent: sent / loop.updates, inScripts: inScripts / loop.updates };
}

export async function runInboundBench(): Promise<string[]> {
  const levels = (option('levels') ?? '20,200,1000').split(',').map(Number);
  const reportsFor = (level: number) => Number(option('reports') ?? Math.max(level, 200));
  const officersPerBot = levels.reduce((sum, level) => sum + reportsFor(level), 0) + 1 + 5;
  // --workers N: doanbot also as N processes (WORKERS=N, node:cluster), measured as a third bot.
  const workers = Number(option('workers') ?? 1);
  const redisServer = await startRedis();
  const redis = new Redis(redisServer.url);
  const api = await FakeBotApi.start();
  const dataDir = mkdtempSync(join(tmpdir(), 'doanbot-bench-'));
  const bots: BotUnderTest[] = [];
  const processes: Measured[] = [];
  const lines: string[] = [];
  try {
    await seed(redis, officersPerBot * 3);
    const doanbot = await startDoanbot(api, redisServer.url, dataDir);
    processes.push(doanbot.process);
    const wizard = await startWizard(api, redisServer.url);
    processes.push(wizard.process);
    const contenders: [string, { process: Measured; url: string }][] = [
      ['telegraf WizardScene', wizard],
      ['doanbot', doanbot],
    ];
    if (workers > 1) {
      const cluster = await startDoanbot(api, redisServer.url, dataDir, workers);
      processes.push(cluster.process);
      contenders.push([`doanbot ×${workers} workers`, cluster]);
    }
    for (const [i, [name, started]] of contenders.entries()) {
      const client = new WebhookClient(started.url, SECRET, api, 1 + i * 100_000_000);
      bots.push({ name, process: started.process, client, expected: [] });
    }
    // Each bot gets its own share of the officers.
    const firstOf = (bot: number) => FIRST_OFFICER + bot * officersPerBot;
    for (const [i, bot] of bots.entries()) {
      progress(`calibrating ${bot.name}`);
      bot.expected = await calibrate(bot.client, api, firstOf(i));
    }
    lines.push(`doanbot runs as: ${doanbot.how}; ${REPORT_SCRIPT.length} updates per report`);
    for (const bot of bots)
      lines.push(`  ${bot.name}: messages per step ${bot.expected.join(' ')} (${bot.expected.reduce((a, b) => a + b, 0)} per report)`);

    const rows: string[] = [];
    const next = bots.map((_, i) => firstOf(i) + 1);
    for (const level of levels) {
      const reports = reportsFor(level);
      const results: Row[] = [];
      for (const [i, bot] of bots.entries()) {
        progress(`${level} officers: ${bot.name}`);
        results.push(await measure(bot, api, redis, level, reports, next[i]!));
        next[i]! += reports;
      }
      const base = results[0]!;
      for (const [i, r] of results.entries()) {
        rows.push(
          `  ${String(level).padStart(5)}  ${bots[i]!.name.padEnd(21)} ${r.updatesPerSec.toFixed(0).padStart(6)} upd/s  p50 ${r.p50.toFixed(1).padStart(6)} ms  p99 ${r.p99
            .toFixed(1)
            .padStart(
              6,
            )} ms  cpu ${r.cpuMsPerUpdate.toFixed(3)} ms/upd  redis ${r.redisPerUpdate.toFixed(2)} cmd/upd  rss ${r.rssMb.toFixed(0)} MB`,
          `         redis commands per update: ${r.redisTop}; CPU ms per update of the Redis server ${r.redisCpuMsPerUpdate.toFixed(3)}, of the driver and fake Bot API ${r.driverCpuMsPerUpdate.toFixed(3)}`,
          `         Bot API calls per update: ${r.botApiCalls}`,
        );
      }
      for (const [i, ours] of results.entries()) {
        if (i === 0) continue;
        rows.push(
          `  ${String(level).padStart(5)}  ratio ${bots[i]!.name} / WizardScene: ${(ours.updatesPerSec / base.updatesPerSec).toFixed(2)}× updates/s, ${(ours.cpuMsPerUpdate / base.cpuMsPerUpdate).toFixed(2)}× CPU per update`,
        );
      }
    }
    lines.push(`officers  bot`, ...rows);
    for (const [i, bot] of bots.entries()) {
      const counted = await sentPerUpdate(bot, api, redisServer.url, next[i]!);
      lines.push(
        `  ${bot.name}: ${counted.sent.toFixed(2)} Redis commands sent per update (+ ${counted.inScripts.toFixed(2)} run inside its scripts)`,
      );
    }
  } finally {
    for (const bot of bots) bot.client.close();
    for (const started of processes) await started.stop();
    await api.close();
    await redis.quit();
    await redisServer.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return lines;
}
