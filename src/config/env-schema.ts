import { z } from 'zod';

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalString = z.preprocess(emptyToUndefined, z.string().trim().optional());
const idList = z.preprocess(
  (v) =>
    typeof v === 'string'
      ? v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : [],
  z.array(z.string().regex(/^[\w-]+$/, 'must be a comma-separated list of user ids')),
);
const port = z.coerce.number().int().min(0).max(65535);
const positive = (fallback: number) => z.coerce.number().positive().default(fallback);
const url = z.string().url();
const secretToken = z.string().regex(/^[A-Za-z0-9_-]{16,256}$/, 'must be 16–256 characters of A–Z, a–z, 0–9, _ or -');
const timezone = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'must be an IANA time zone such as Asia/Ho_Chi_Minh');

/**
 * Every environment variable doanbot reads. `.env.example` documents each of them;
 * nothing outside `src/config` reads `process.env`.
 */
export const envSchema = z.object({
  TELEGRAM_BOT_TOKEN: optionalString,
  TELEGRAM_API_ROOT: z.preprocess(emptyToUndefined, url.default('https://api.telegram.org')),
  TELEGRAM_MODE: z.preprocess(emptyToUndefined, z.enum(['polling', 'webhook']).default('polling')),
  TELEGRAM_WEBHOOK_URL: z.preprocess(emptyToUndefined, url.optional()),
  TELEGRAM_WEBHOOK_PORT: z.preprocess(emptyToUndefined, port.optional()),
  TELEGRAM_WEBHOOK_PATH: z.preprocess(emptyToUndefined, z.string().startsWith('/').default('/telegram')),
  TELEGRAM_WEBHOOK_SECRET: z.preprocess(emptyToUndefined, secretToken.optional()),
  TELEGRAM_WEBHOOK_HOST: optionalString,
  ADMIN_TELEGRAM_IDS: idList,

  ZALO_BOT_TOKEN: optionalString,
  ZALO_API_ROOT: z.preprocess(emptyToUndefined, url.default('https://bot-api.zaloplatforms.com')),
  ZALO_MODE: z.preprocess(emptyToUndefined, z.enum(['polling', 'webhook']).default('polling')),
  ZALO_WEBHOOK_URL: z.preprocess(emptyToUndefined, url.optional()),
  ZALO_WEBHOOK_PORT: z.preprocess(emptyToUndefined, port.optional()),
  ZALO_WEBHOOK_PATH: z.preprocess(emptyToUndefined, z.string().startsWith('/').default('/zalo')),
  ZALO_WEBHOOK_SECRET: z.preprocess(emptyToUndefined, secretToken.optional()),
  ZALO_WEBHOOK_HOST: optionalString,
  ADMIN_ZALO_IDS: idList,

  HTTP_PORT: z.preprocess(emptyToUndefined, port.optional()),
  HTTP_HOST: optionalString,
  PUBLIC_BASE_URL: z.preprocess(emptyToUndefined, url.optional()),
  METRICS_TOKEN: z.preprocess(emptyToUndefined, secretToken.optional()),

  CONSOLE: z.preprocess(emptyToUndefined, z.enum(['auto', 'on', 'off']).default('auto')),
  /** Processes of this bot on this machine (node:cluster, sharing HTTP_PORT); 1 = this process alone. */
  WORKERS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(64).default(1)),

  REDIS_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
      .optional(),
  ),
  REDIS_LOCAL_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
      .default('redis://127.0.0.1:6379'),
  ),
  REDIS_PREFIX: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^[\w:.-]+$/)
      .default('doanbot:'),
  ),
  DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('./data')),

  FLOWS_DIR: z.preprocess(emptyToUndefined, z.string().default('./flows')),
  PLAN_DIR: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^[\w.-]+$/, 'must be a folder name under FLOWS_DIR')
      .default('demo-2027'),
  ),
  PLANS: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^(all|[\w.-]+(\s*,\s*[\w.-]+)*)$/, 'must be "all" or folder names under FLOWS_DIR separated by commas')
      .default('all'),
  ),
  LOCALES_DIR: z.preprocess(emptyToUndefined, z.string().default('./locales')),
  TIMEZONE: z.preprocess(emptyToUndefined, timezone.default('Asia/Ho_Chi_Minh')),
  PROVINCE_CODE: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,32}$/)
      .default('TINH'),
  ),
  PROVINCE_NAME: z.preprocess(emptyToUndefined, z.string().default('Tỉnh Đoàn')),
  /** Who signs the province's report draft (/baocaotinh); else the plan's signer. */
  REPORT_SIGNER_NAME: z.preprocess(emptyToUndefined, z.string().max(200).optional()),
  REPORT_SIGNER_TITLE: z.preprocess(emptyToUndefined, z.string().max(200).optional()),
  INVITE_TTL_HOURS: z.preprocess(emptyToUndefined, positive(168)),

  TELEGRAM_RATE_GLOBAL_PER_SEC: z.preprocess(emptyToUndefined, positive(30)),
  TELEGRAM_RATE_PER_CHAT_PER_SEC: z.preprocess(emptyToUndefined, positive(1)),
  TELEGRAM_RATE_PER_GROUP_PER_MIN: z.preprocess(emptyToUndefined, positive(20)),
  ZALO_RATE_GLOBAL_PER_SEC: z.preprocess(emptyToUndefined, positive(20)),
  ZALO_RATE_PER_CHAT_PER_SEC: z.preprocess(emptyToUndefined, positive(1)),
  ZALO_RATE_PER_GROUP_PER_MIN: z.preprocess(emptyToUndefined, positive(20)),

  REMINDERS_REPLAN_SECONDS: z.preprocess(emptyToUndefined, positive(600)),
  /** Messages one sender may have handled per minute, for people who are not members and for members; 0 turns a limit off. */
  INBOUND_STRANGER_PER_MIN: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).default(20)),
  INBOUND_MEMBER_PER_MIN: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).default(120)),

  LOG_LEVEL: z.preprocess(emptyToUndefined, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')),
});

export type Env = z.infer<typeof envSchema>;
