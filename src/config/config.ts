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

/** A platform's settings from its `<PREFIX>_*` variables; null when it has no token (not used). */
function channelConfig(prefix: 'TELEGRAM' | 'ZALO', env: Env, problems: string[]): ChannelConfig | null {
  const token = env[`${prefix}_BOT_TOKEN`];
  if (!token) return null;
  return {
    token,
    apiRoot: env[`${prefix}_API_ROOT`].replace(/\/+$/, ''),
    mode: receiveMode(prefix, env, problems),
    adminIds: env[`ADMIN_${prefix}_IDS`],
    limits: {
      globalPerSecond: env[`${prefix}_RATE_GLOBAL_PER_SEC`],
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
  const telegram = channelConfig('TELEGRAM', env, problems);
  const zalo = channelConfig('ZALO', env, problems);
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
