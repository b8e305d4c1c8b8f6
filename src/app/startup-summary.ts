import { consoleEnabled, type AppConfig } from '../config/config.ts';
import type { RedisChoice } from '../infra/embedded-redis.ts';
import { redactRedisUrl } from '../infra/redis-ping.ts';
import { formatDeadline } from '../core/text/dates.ts';
import type { App } from './create-app.ts';

/** What is running: channels, plan bundle, periods with deadlines, and which Redis. */
export async function startupSummary(app: App, config: AppConfig, redis: RedisChoice): Promise<string> {
  const t = (key: string, params?: Record<string, string | number>) => app.translator.t('vi', key, params);
  const periods = await app.stores.periods.list();
  const channels = [
    config.telegram ? `Telegram (${config.telegram.mode.kind})` : null,
    config.zalo ? `Zalo (${config.zalo.mode.kind})` : null,
    consoleEnabled(config) ? 'Console' : null,
  ].filter(Boolean);
  return [
    t('startup.title'),
    t('startup.channels', { channels: channels.join(', ') }),
    ...app.bundles.map((b) => t('startup.plan', { title: b.title.vi, id: b.id })),
    t('startup.periods', { count: periods.length }),
    ...periods.map((p) => t('startup.period', { id: p.id, title: p.title.vi, deadline: formatDeadline(p, config.timezone) })),
    t(`startup.redis_${redis.source}`, { url: redactRedisUrl(redis.url) }),
  ].join('\n');
}
