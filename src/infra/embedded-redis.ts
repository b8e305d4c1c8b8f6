import type { Logger } from 'pino';
import { RedisUnavailableError } from './redis-unavailable-error.ts';
import { pingRedis, redactRedisUrl } from './redis-ping.ts';
import { startRedisServer } from './redis-server-process.ts';

export { RedisUnavailableError } from './redis-unavailable-error.ts';

/** The Redis doanbot uses, and where it came from. */
export interface RedisChoice {
  url: string;
  /** 'configured': REDIS_URL; 'local': one already running on 127.0.0.1:6379; 'embedded': started by us. */
  source: 'configured' | 'local' | 'embedded';
  /** Stops the embedded server; does nothing for a configured or local one. */
  stop(): Promise<void>;
}

export interface EnsureRedisOptions {
  /** REDIS_URL from the configuration; when set, it is used as is and nothing is started. */
  configuredUrl?: string;
  /** Where an embedded server keeps its append-only file, e.g. "./data/redis". */
  dataDir: string;
  logger: Logger;
  /** The Redis tried before starting one; default redis://127.0.0.1:6379. */
  localUrl?: string;
  /** The server binary; default "redis-server" from PATH. */
  redisServerBin?: string;
}

const DEFAULT_LOCAL_URL = 'redis://127.0.0.1:6379';

/**
 * Finds a Redis to use, in this order: the configured URL (must answer PING), a local Redis on the
 * default port, or a private `redis-server` child process with its data in `dataDir`.
 * Throws {@link RedisUnavailableError} when none is possible.
 */
export async function ensureRedis(options: EnsureRedisOptions): Promise<RedisChoice> {
  const { configuredUrl, logger } = options;
  const noop = async (): Promise<void> => {};
  if (configuredUrl) {
    const ping = await pingRedis(configuredUrl, 3_000);
    const shown = redactRedisUrl(configuredUrl);
    if (!ping.ok) throw new RedisUnavailableError(`The configured REDIS_URL ${shown} does not answer: ${ping.reason}.`);
    logger.info({ redis: shown }, 'Using the configured Redis');
    return { url: configuredUrl, source: 'configured', stop: noop };
  }
  const localUrl = options.localUrl ?? DEFAULT_LOCAL_URL;
  if ((await pingRedis(localUrl, 300)).ok) {
    logger.info({ redis: redactRedisUrl(localUrl) }, 'Using the local Redis');
    return { url: localUrl, source: 'local', stop: noop };
  }
  const server = await startRedisServer({
    bin: options.redisServerBin ?? 'redis-server',
    dataDir: options.dataDir,
    logger,
  });
  logger.info({ redis: server.url, redisPid: server.pid, dataDir: options.dataDir }, 'Started a private Redis');
  return { url: server.url, source: 'embedded', stop: () => server.stop() };
}
