import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import { pino, type Logger } from 'pino';
import { CONSOLE_ADMIN, consoleEnabled, loadConfig, type AppConfig } from '../config/config.ts';
import type { ChannelAdapter } from '../core/channel.ts';
import { ensureRedis, type RedisChoice } from '../infra/embedded-redis.ts';
import { Translator } from '../i18n/translator.ts';
import { createApp, type App } from './create-app.ts';
import { startupSummary } from './startup-summary.ts';
import { createReminders } from '../reminders/create-reminders.ts';
import { createRootLogger } from './logger.ts';
import { HttpServer } from '../http/http-server.ts';
import { openRedisConnections } from '../infra/redis-connections.ts';
import { ServedFiles } from '../exports/served-files.ts';
import { Keys } from '../store/keys.ts';
import { PromMetrics } from '../http/prom-metrics.ts';
import { addHealthRoute } from '../http/health-route.ts';
import { addMetricsRoute } from '../http/metrics-route.ts';
import type { ReminderScheduler } from '../reminders/reminder-scheduler.ts';
import type { FilePublisher } from '../channels/shared/file-publisher.ts';

export interface BotIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream;
  /** Called when the console input ended (piped script done, Ctrl-D or /quit). */
  onConsoleEnd?: () => void;
}

export interface RunningBot {
  app: App;
  config: AppConfig;
  redis: RedisChoice;
  logger: Logger;
  /** The one HTTP server (webhooks, health, metrics), when the configuration asks for one. */
  http: HttpServer | undefined;
  /** What `/metrics` serves, when there is an HTTP server. */
  metrics: PromMetrics | undefined;
  stop(): Promise<void>;
}

function createLogger(config: AppConfig): Logger {
  if (!consoleEnabled(config)) return createRootLogger(config);
  // The terminal is the chat: logs go to a file instead of mixing with the conversation.
  mkdirSync(config.dataDir, { recursive: true });
  return createRootLogger(config, pino.destination({ dest: join(config.dataDir, 'doanbot.log'), sync: true }));
}

/**
 * The configured channels' adapters. Each adapter (with its client library: telegraf for Telegram,
 * axios for Zalo) is loaded only when its channel is configured, so a Telegram-only bot does not keep
 * the Zalo client in memory, nor the other way round.
 */
async function createAdapters(
  config: AppConfig,
  logger: Logger,
  io: BotIo,
  translator: Translator,
  http: HttpServer | undefined,
  files: FilePublisher | undefined,
): Promise<ChannelAdapter[]> {
  const adapters: ChannelAdapter[] = [];
  if (config.telegram) {
    const { TelegramAdapter } = await import('../channels/telegram/telegram-adapter.ts');
    adapters.push(
      new TelegramAdapter({
        token: config.telegram.token,
        apiRoot: config.telegram.apiRoot,
        mode: config.telegram.mode,
        logger: logger.child({ channel: 'telegram' }),
        ...(http ? { http } : {}),
      }),
    );
  }
  if (config.zalo) {
    const { ZaloAdapter } = await import('../channels/zalo/zalo-adapter.ts');
    adapters.push(
      new ZaloAdapter({
        token: config.zalo.token,
        apiRoot: config.zalo.apiRoot,
        mode: config.zalo.mode,
        logger: logger.child({ channel: 'zalo' }),
        translator,
        ...(http ? { http } : {}),
        ...(files ? { files } : {}),
      }),
    );
  }
  if (consoleEnabled(config)) {
    const { ConsoleAdapter } = await import('../channels/console/console-adapter.ts');
    adapters.push(
      new ConsoleAdapter({
        input: io.stdin,
        output: io.stdout,
        initialUser: CONSOLE_ADMIN,
        interactive: io.stdin.isTTY === true,
        t: (key, params, lang) => translator.t(lang ?? 'vi', key, params),
        exportDir: join(config.dataDir, 'exports'),
        ...(io.onConsoleEnd ? { onEnd: io.onConsoleEnd } : {}),
      }),
    );
  }
  return adapters;
}

/**
 * Starts doanbot from environment variables: configuration, Redis (configured, local or embedded),
 * the channels, the core. `main.ts` calls this; end-to-end tests do too.
 */
export async function startBot(env: Record<string, string | undefined>, io: BotIo): Promise<RunningBot> {
  const config = loadConfig(env);
  const logger = createLogger(config);
  const redisChoice = await ensureRedis({
    ...(config.redis.url ? { configuredUrl: config.redis.url } : {}),
    localUrl: config.redis.localUrl,
    dataDir: config.redis.dataDir,
    logger: logger.child({ component: 'redis' }),
  });
  // The stores fail fast while Redis is down (a webhook answers 503); BullMQ waits for it.
  const { store: storeRedis, queue: redis } = openRedisConnections(redisChoice.url);
  watchConnection(storeRedis, logger.child({ component: 'redis' }));
  // Its errors are the same outage, already logged once above (BullMQ reports its own too).
  redis.on('error', () => undefined);
  let http: HttpServer | undefined;
  try {
    const translator = Translator.fromDirectory(config.localesDir);
    // Every route (the adapters' webhooks first) is added before the server listens, and it listens
    // before the channels start, so a platform's first webhook call finds it.
    http = config.http
      ? new HttpServer({
          port: config.http.port,
          ...(config.http.host !== undefined ? { host: config.http.host } : {}),
          ...(config.http.publicBaseUrl !== undefined ? { publicBaseUrl: config.http.publicBaseUrl } : {}),
          logger: logger.child({ component: 'http' }),
        })
      : undefined;
    // Zalo takes photos by URL and uploads no files: in webhook mode they are served under the public address.
    const files =
      http && config.zalo?.mode.kind === 'webhook' && http.publicUrl('/')
        ? new ServedFiles(storeRedis, new Keys(config.redis.prefix), http).register()
        : undefined;
    const adapters = await createAdapters(config, logger, io, translator, http, files);
    const metrics = http ? new PromMetrics() : undefined;
    const app = await createApp({ config, logger, redis: storeRedis, adapters, ...(metrics ? { metrics } : {}) });
    const summary = await startupSummary(app, config, redisChoice);
    logger.info({ summary }, 'doanbot starting');
    if (consoleEnabled(config)) io.stdout.write(`${summary}\n\n`);
    // Reminders and group summaries (BullMQ): planned now, and again whenever a period changes. The
    // hooks are set before the channels start, so a /giahan arriving at once is planned too.
    const reminders = createReminders(app, {
      redis,
      logger,
      channels: adapters.map((a) => a.channel),
      displayZone: config.timezone,
      provinceCode: config.province.code,
      replanEveryMs: config.remindersReplanSeconds * 1000,
    });
    if (http && metrics) {
      addOperationsRoutes(http, metrics, { app, adapters, reminders, storeRedis, metricsToken: config.http?.metricsToken });
    }
    try {
      await http?.listen();
      await app.start();
      await reminders.start();
    } catch (error) {
      await reminders.close().catch(() => undefined);
      await http?.close().catch(() => undefined);
      await app.stop().catch(() => undefined);
      throw error;
    }
    let stopped = false;
    return {
      app,
      config,
      redis: redisChoice,
      logger,
      http,
      metrics,
      async stop() {
        if (stopped) return;
        stopped = true;
        // Bounded: after a Redis outage BullMQ's blocking connection can take long to give up.
        await within(reminders.close(), STOP_STEP_MS, () => logger.warn('reminder worker did not close in time; going on'));
        // Requests in flight finish (the core still runs); new ones are refused, so the platform retries elsewhere.
        await http?.close();
        await app.stop();
        await within(storeRedis.quit(), STOP_STEP_MS, () => storeRedis.disconnect());
        await within(redis.quit(), STOP_STEP_MS, () => redis.disconnect());
        await redisChoice.stop();
        logger.flush?.();
      },
    };
  } catch (error) {
    await http?.close().catch(() => undefined);
    await storeRedis.quit().catch(() => undefined);
    await redis.quit().catch(() => undefined);
    await redisChoice.stop();
    throw error;
  }
}

/** Logs when the stores' connection to Redis is lost (once, not at every reconnection attempt) and when it is back. */
function watchConnection(redis: Redis, logger: Logger): void {
  let down = false;
  redis.on('error', (error: unknown) => {
    if (down) return;
    down = true;
    logger.error({ err: error }, 'Redis connection lost; updates are refused (503) until it is back');
  });
  redis.on('ready', () => {
    if (!down) return;
    down = false;
    logger.info('Redis connection back');
  });
}

/** `/healthz` (always) and `/metrics` (with a token) on the one server, and what they read. */
function addOperationsRoutes(
  http: HttpServer,
  metrics: PromMetrics,
  parts: { app: App; adapters: ChannelAdapter[]; reminders: ReminderScheduler; storeRedis: Redis; metricsToken: string | undefined },
): void {
  const { app, adapters, reminders, storeRedis } = parts;
  reminders.observe((event) => metrics.reminderJob(event));
  metrics.readFrom({ outbox: app.outbox, reminderJobCounts: () => reminders.jobCounts() });
  addHealthRoute(http, {
    pingRedis: () => storeRedis.ping(),
    remindersRunning: () => reminders.isRunning(),
    channels: () =>
      adapters.map((adapter) => ({
        channel: adapter.channel,
        status: adapter.status?.(),
        lastSentAt: app.outbox.stats.lastSentAt[adapter.channel],
      })),
    startedAt: new Date(),
  });
  if (parts.metricsToken) addMetricsRoute(http, metrics, parts.metricsToken);
}

/** How long one step of stopping may take before it is given up (so SIGTERM never hangs). */
const STOP_STEP_MS = 10_000;

/** Waits for `step` (its failure ignored), at most `ms`; calls `onLate` if it took longer. */
async function within(step: Promise<unknown>, ms: number, onLate: () => void): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), ms);
  });
  const outcome = await Promise.race([
    step.then(
      () => 'done' as const,
      () => 'done' as const,
    ),
    late,
  ]);
  clearTimeout(timer);
  if (outcome === 'late') onLate();
}
