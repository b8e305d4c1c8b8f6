import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import type { AppConfig } from '../config/config.ts';

/** Field names whose value is never written, wherever they appear (up to three levels deep). */
const SECRET_FIELDS = [
  'token',
  'botToken',
  'secret',
  'secretToken',
  'secret_token',
  'password',
  'metricsToken',
  'authorization',
  'x-telegram-bot-api-secret-token',
  'x-bot-api-secret-token',
];

export const REDACTED = '[redacted]';

/** pino `redact` paths: each secret field at the top, one, two and three levels down. */
export function redactPaths(): string[] {
  const quoted = SECRET_FIELDS.map((field) => (/^[A-Za-z_$][\w$]*$/.test(field) ? field : `["${field}"]`));
  const join = (prefix: string, field: string) => (field.startsWith('[') ? `${prefix}${field}` : `${prefix}.${field}`);
  return quoted.flatMap((field) => [field, join('*', field), join('*.*', field), join('*.*.*', field)]);
}

/** The secret values of a configuration: bot tokens, webhook secrets, the metrics token, Redis passwords. */
export function secretValues(config: AppConfig): string[] {
  const values = [
    config.telegram?.token,
    config.zalo?.token,
    config.telegram?.mode.kind === 'webhook' ? config.telegram.mode.secretToken : undefined,
    config.zalo?.mode.kind === 'webhook' ? config.zalo.mode.secretToken : undefined,
    config.http?.metricsToken,
    redisPassword(config.redis.url),
    redisPassword(config.redis.localUrl),
  ];
  return values.filter((v): v is string => typeof v === 'string' && v.length > 0);
}

function redisPassword(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const password = new URL(url).password;
    return password ? decodeURIComponent(password) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Replaces every known secret value in a written log line, whatever carried it (an error message
 * with the Bot API URL, a stack, a URL with a Redis password): as written, JSON-escaped and
 * URL-encoded. Values shorter than 4 characters are left alone (they would garble the lines).
 */
export function secretScrubber(secrets: readonly string[]): (line: string) => string {
  const forms = [
    ...new Set(secrets.filter((s) => s.length >= 4).flatMap((s) => [s, JSON.stringify(s).slice(1, -1), encodeURIComponent(s)])),
  ];
  // Longest first, so a secret containing another is replaced whole.
  forms.sort((a, b) => b.length - a.length);
  if (forms.length === 0) return (line) => line;
  const pattern = new RegExp(forms.map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  return (line) => line.replace(pattern, REDACTED);
}

/**
 * pino options that never write a token or secret: known field names are redacted wherever they
 * are (`redact`), and the configured secret values are scrubbed from every line before it is written.
 */
export function loggerOptions(level: string, secrets: readonly string[]): LoggerOptions {
  const scrub = secretScrubber(secrets);
  return {
    level,
    redact: { paths: redactPaths(), censor: REDACTED },
    hooks: { streamWrite: scrub },
  };
}

/** A root logger for `config`, writing to `destination` (stdout by default). */
export function createRootLogger(config: AppConfig, destination?: DestinationStream): Logger {
  const options = loggerOptions(config.logLevel, secretValues(config));
  return destination ? pino(options, destination) : pino(options);
}
