import type { WebhookMode } from '../core/channel.ts';
import { envSchema, type Env } from './env-schema.ts';
import type { RateLimits } from '../outbound/rate-limits.ts';

export type ReceiveMode = { kind: 'polling' } | WebhookMode;

export interface ChannelConfig {
  token: string;
  apiRoot: string;
  mode: ReceiveMode;
  adminIds: string[];
  limits: RateLimits;
}

/** The one HTTP server (webhooks, /healthz, /metrics, files); null when nothing needs it. */
export interface HttpConfig {
  port: number;
  /** Interface to listen on; all IPv4 interfaces when undefined. */
  host: string | undefined;
  /** Public base address (files served to Zalo live under it); from the webhook URL by default. */
  publicBaseUrl: string | undefined;
  /** Bearer token `/metrics` asks for; `/metrics` is off without one. */
  metricsToken: string | undefined;
}

/** Port of the HTTP server when neither HTTP_PORT nor a webhook port says otherwise. */
export const DEFAULT_HTTP_PORT = 8443;

/** The whole configuration, read once by the composition root and passed down in slices. */
export interface AppConfig {
  telegram: ChannelConfig | null;
  zalo: ChannelConfig | null;
  http: HttpConfig | null;
  console: 'auto' | 'on' | 'off';
  /**
   * Processes of this bot on this machine (WORKERS): started by one primary with node:cluster, all
   * taking requests on the one HTTP port, as replicas on one Redis (see README, Production).
   */
  workers: number;
  /** `url`: REDIS_URL; `localUrl`: the Redis tried when REDIS_URL is unset, before starting one. */
  redis: { url: string | undefined; localUrl: string; prefix: string; dataDir: string };
  dataDir: string;
  flowsDir: string;
  /** The default plan: data stored before there were several plans belongs to it. */
  planDir: string;
  /** Which bundles under flowsDir run: every one, or those listed (PLAN_DIR is always among them). */
  plans: 'all' | string[];
  localesDir: string;
  timezone: string;
  province: { code: string; name: string };
  /** Signer of the province's report draft, when configured. */
  reportSigner: { name?: string; title?: string };
  inviteTtlHours: number;
  /** How often every period's reminders are planned again (periods created elsewhere, lost jobs). */
  remindersReplanSeconds: number;
  /** Messages one sender may have handled per minute (beyond it: one notice, then silence); 0 = no limit. */
  inboundPerMinute: { stranger: number; member: number };
  logLevel: Env['LOG_LEVEL'];
}

/** A configuration mistake, naming the variable, so start-up can stop with a clear message. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function receiveMode(prefix: 'TELEGRAM' | 'ZALO', env: Env, problems: string[], httpPort: number): ReceiveMode {
  if (env[`${prefix}_MODE`] === 'polling') return { kind: 'polling' };
  const publicUrl = env[`${prefix}_WEBHOOK_URL`];
  const secretToken = env[`${prefix}_WEBHOOK_SECRET`];
  if (!publicUrl) problems.push(`${prefix}_WEBHOOK_URL: required when ${prefix}_MODE=webhook`);
  if (!secretToken) problems.push(`${prefix}_WEBHOOK_SECRET: required when ${prefix}_MODE=webhook`);
  return {
    kind: 'webhook',
    publicUrl: publicUrl ?? '',
    port: httpPort,
    path: env[`${prefix}_WEBHOOK_PATH`],
    secretToken: secretToken ?? '',
    ...(env[`${prefix}_WEBHOOK_HOST`] ? { host: env[`${prefix}_WEBHOOK_HOST`] } : {}),
  };
}

/** A platform's settings from its `<PREFIX>_*` variables; null when it has no token (not used). */
function channelConfig(prefix: 'TELEGRAM' | 'ZALO', env: Env, problems: string[], httpPort: number): ChannelConfig | null {
  const token = env[`${prefix}_BOT_TOKEN`];
  if (!token) return null;
  return {
    token,
    apiRoot: env[`${prefix}_API_ROOT`].replace(/\/+$/, ''),
    mode: receiveMode(prefix, env, problems, httpPort),
    adminIds: env[`ADMIN_${prefix}_IDS`],
    limits: {
      // The platform's global limit is shared by the workers (WORKERS): each paces itself to its share.
      globalPerSecond: env[`${prefix}_RATE_GLOBAL_PER_SEC`] / env.WORKERS,
      perChatPerSecond: env[`${prefix}_RATE_PER_CHAT_PER_SEC`],
      perGroupPerMinute: env[`${prefix}_RATE_PER_GROUP_PER_MIN`],
    },
  };
}

/** Whether the terminal chat runs: always with CONSOLE=on, and by default when no platform token is set. */
export function consoleEnabled(config: Pick<AppConfig, 'console' | 'telegram' | 'zalo'>): boolean {
  return config.console === 'on' || (config.console === 'auto' && !config.telegram && !config.zalo);
}

/** The console user who starts as the demo province's admin. */
export const CONSOLE_ADMIN = 'admin';

/** Validates the environment; throws {@link ConfigError} listing every wrong variable. */
export function loadConfig(source: NodeJS.ProcessEnv | Record<string, string | undefined>): AppConfig {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const env = parsed.data;
  const problems: string[] = [];
  const httpPort = onePort(env, problems);
  const telegram = channelConfig('TELEGRAM', env, problems, httpPort);
  const zalo = channelConfig('ZALO', env, problems, httpPort);
  const http = httpConfig(env, httpPort, telegram, zalo, problems);
  if (env.WORKERS > 1) checkWorkers(env, telegram, zalo, problems);
  if (problems.length) throw new ConfigError(problems);
  return {
    telegram,
    zalo,
    http,
    console: env.CONSOLE,
    workers: env.WORKERS,
    redis: { url: env.REDIS_URL, localUrl: env.REDIS_LOCAL_URL, prefix: env.REDIS_PREFIX, dataDir: `${env.DATA_DIR}/redis` },
    dataDir: env.DATA_DIR,
    flowsDir: env.FLOWS_DIR,
    planDir: env.PLAN_DIR,
    plans: env.PLANS === 'all' ? 'all' : env.PLANS.split(',').map((name) => name.trim()),
    localesDir: env.LOCALES_DIR,
    timezone: env.TIMEZONE,
    province: { code: env.PROVINCE_CODE, name: env.PROVINCE_NAME },
    reportSigner: {
      ...(env.REPORT_SIGNER_NAME ? { name: env.REPORT_SIGNER_NAME.normalize('NFC') } : {}),
      ...(env.REPORT_SIGNER_TITLE ? { title: env.REPORT_SIGNER_TITLE.normalize('NFC') } : {}),
    },
    inviteTtlHours: env.INVITE_TTL_HOURS,
    remindersReplanSeconds: env.REMINDERS_REPLAN_SECONDS,
    inboundPerMinute: { stranger: env.INBOUND_STRANGER_PER_MIN, member: env.INBOUND_MEMBER_PER_MIN },
    logLevel: env.LOG_LEVEL,
  };
}

/**
 * One server serves both webhooks: its port is HTTP_PORT, else the webhook port given
 * (TELEGRAM_WEBHOOK_PORT / ZALO_WEBHOOK_PORT, the older names), else 8443.
 */
function onePort(env: Env, problems: string[]): number {
  if (env.HTTP_PORT !== undefined) return env.HTTP_PORT;
  const given = [env.TELEGRAM_WEBHOOK_PORT, env.ZALO_WEBHOOK_PORT].filter((p): p is number => p !== undefined);
  if (new Set(given).size > 1) {
    problems.push('HTTP_PORT: one HTTP server serves both webhooks, but TELEGRAM_WEBHOOK_PORT and ZALO_WEBHOOK_PORT differ; set HTTP_PORT');
  }
  return given[0] ?? DEFAULT_HTTP_PORT;
}

function httpConfig(
  env: Env,
  port: number,
  telegram: ChannelConfig | null,
  zalo: ChannelConfig | null,
  problems: string[],
): HttpConfig | null {
  const webhooks = [telegram?.mode, zalo?.mode].filter((m): m is WebhookMode => m?.kind === 'webhook');
  if (webhooks.length === 2 && webhooks[0]?.path === webhooks[1]?.path) {
    problems.push(`ZALO_WEBHOOK_PATH: the same path as TELEGRAM_WEBHOOK_PATH (${webhooks[0]?.path}) on the one HTTP server`);
  }
  if (webhooks.length === 0 && env.HTTP_PORT === undefined) return null;
  const hosts = [env.HTTP_HOST, env.TELEGRAM_WEBHOOK_HOST, env.ZALO_WEBHOOK_HOST].filter((h): h is string => h !== undefined);
  if (env.HTTP_HOST === undefined && new Set(hosts).size > 1) {
    problems.push('HTTP_HOST: one HTTP server serves both webhooks, but TELEGRAM_WEBHOOK_HOST and ZALO_WEBHOOK_HOST differ; set HTTP_HOST');
  }
  // Zalo's first: files are served to Zalo, at the address Zalo already reaches.
  const fromWebhook = [...webhooks].reverse().map((m) => baseOf(m.publicUrl, m.path))[0];
  return {
    port,
    host: hosts[0],
    publicBaseUrl: (env.PUBLIC_BASE_URL ?? fromWebhook)?.replace(/\/+$/, ''),
    metricsToken: env.METRICS_TOKEN,
  };
}

/**
 * Several workers are replicas of one bot: they need a Redis they all reach (not one each would start
 * for itself), webhooks (never two pollers on one token) and no terminal chat (one stdin).
 */
function checkWorkers(env: Env, telegram: ChannelConfig | null, zalo: ChannelConfig | null, problems: string[]): void {
  const why = `WORKERS=${env.WORKERS}`;
  if (!env.REDIS_URL) problems.push(`REDIS_URL: required with ${why} (every worker must use the same Redis)`);
  if (!telegram && !zalo) problems.push(`WORKERS: ${why} needs TELEGRAM_BOT_TOKEN or ZALO_BOT_TOKEN in webhook mode`);
  if (telegram?.mode.kind === 'polling') problems.push(`TELEGRAM_MODE: must be webhook with ${why} (two pollers on one token fail)`);
  if (zalo?.mode.kind === 'polling') problems.push(`ZALO_MODE: must be webhook with ${why} (two pollers on one token fail)`);
  if (env.CONSOLE === 'on') problems.push(`CONSOLE: the terminal chat cannot run with ${why}`);
}

/** The base of a webhook's public address: without its path when it was given in full. */
function baseOf(publicUrl: string, path: string): string {
  const base = publicUrl.replace(/\/+$/, '');
  return base.endsWith(path) ? base.slice(0, -path.length) : base;
}
