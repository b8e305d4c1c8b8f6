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

/** The whole configuration, read once by the composition root and passed down in slices. */
export interface AppConfig {
  telegram: ChannelConfig | null;
  zalo: ChannelConfig | null;
  console: 'auto' | 'on' | 'off';
  /** `url`: REDIS_URL; `localUrl`: the Redis tried when REDIS_URL is unset, before starting one. */
  redis: { url: string | undefined; localUrl: string; prefix: string; dataDir: string };
  dataDir: string;
  flowsDir: string;
  planDir: string;
  localesDir: string;
  timezone: string;
  province: { code: string; name: string };
  inviteTtlHours: number;
  /** How often every period's reminders are planned again (periods created elsewhere, lost jobs). */
  remindersReplanSeconds: number;
  logLevel: Env['LOG_LEVEL'];
}

/** A configuration mistake, naming the variable, so start-up can stop with a clear message. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function receiveMode(prefix: 'TELEGRAM' | 'ZALO', env: Env, problems: string[]): ReceiveMode {
  if (env[`${prefix}_MODE`] === 'polling') return { kind: 'polling' };
  const publicUrl = env[`${prefix}_WEBHOOK_URL`];
  const secretToken = env[`${prefix}_WEBHOOK_SECRET`];
  if (!publicUrl) problems.push(`${prefix}_WEBHOOK_URL: required when ${prefix}_MODE=webhook`);
  if (!secretToken) problems.push(`${prefix}_WEBHOOK_SECRET: required when ${prefix}_MODE=webhook`);
  return {
    kind: 'webhook',
    publicUrl: publicUrl ?? '',
    port: env[`${prefix}_WEBHOOK_PORT`],
    path: env[`${prefix}_WEBHOOK_PATH`],
    secretToken: secretToken ?? '',
    ...(env[`${prefix}_WEBHOOK_HOST`] ? { host: env[`${prefix}_WEBHOOK_HOST`] } : {}),
  };
}

/** Validates the environment; throws {@link ConfigError} listing every wrong variable. */
export function loadConfig(source: NodeJS.ProcessEnv | Record<string, string | undefined>): AppConfig {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const env = parsed.data;
  const problems: string[] = [];
  const telegram: ChannelConfig | null = env.TELEGRAM_BOT_TOKEN
    ? {
        token: env.TELEGRAM_BOT_TOKEN,
        apiRoot: env.TELEGRAM_API_ROOT.replace(/\/+$/, ''),
        mode: receiveMode('TELEGRAM', env, problems),
        adminIds: env.ADMIN_TELEGRAM_IDS,
        limits: {
          globalPerSecond: env.TELEGRAM_RATE_GLOBAL_PER_SEC,
          perChatPerSecond: env.TELEGRAM_RATE_PER_CHAT_PER_SEC,
          perGroupPerMinute: env.TELEGRAM_RATE_PER_GROUP_PER_MIN,
        },
      }
    : null;
  const zalo: ChannelConfig | null = env.ZALO_BOT_TOKEN
    ? {
        token: env.ZALO_BOT_TOKEN,
        apiRoot: env.ZALO_API_ROOT.replace(/\/+$/, ''),
        mode: receiveMode('ZALO', env, problems),
        adminIds: env.ADMIN_ZALO_IDS,
        limits: {
          globalPerSecond: env.ZALO_RATE_GLOBAL_PER_SEC,
          perChatPerSecond: env.ZALO_RATE_PER_CHAT_PER_SEC,
          perGroupPerMinute: env.ZALO_RATE_PER_GROUP_PER_MIN,
        },
      }
    : null;
  if (problems.length) throw new ConfigError(problems);
  return {
    telegram,
    zalo,
    console: env.CONSOLE,
    redis: { url: env.REDIS_URL, localUrl: env.REDIS_LOCAL_URL, prefix: env.REDIS_PREFIX, dataDir: `${env.DATA_DIR}/redis` },
    dataDir: env.DATA_DIR,
    flowsDir: env.FLOWS_DIR,
    planDir: env.PLAN_DIR,
    localesDir: env.LOCALES_DIR,
    timezone: env.TIMEZONE,
    province: { code: env.PROVINCE_CODE, name: env.PROVINCE_NAME },
    inviteTtlHours: env.INVITE_TTL_HOURS,
    remindersReplanSeconds: env.REMINDERS_REPLAN_SECONDS,
    logLevel: env.LOG_LEVEL,
  };
}
