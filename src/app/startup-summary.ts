import { consoleEnabled, type AppConfig } from '../config/config.ts';
import type { RedisChoice } from '../infra/embedded-redis.ts';
import { redactRedisUrl } from '../infra/redis-ping.ts';
import { formatDeadline } from '../core/text/dates.ts';
import type { App } from './create-app.ts';

/** What is running: channels, the active plans (bundles and those created in chat), periods with deadlines, and which Redis. */
export async function startupSummary(app: App, config: AppConfig, redis: RedisChoice): Promise<string> {
  const t = (key: string, params?: Record<string, string | number>) => app.translator.t('vi', key, params);
  const [plans, all] = await Promise.all([app.stores.plans.list(), app.stores.periods.list()]);
  const periods = all.filter((p) => !p.planArchived);
  const channels = [
    config.telegram ? `Telegram (${config.telegram.mode.kind})` : null,
    config.zalo ? `Zalo (${config.zalo.mode.kind})` : null,
    consoleEnabled(config) ? 'Console' : null,
  ].filter(Boolean);
  return [
    t('startup.title'),
    t('startup.channels', { channels: channels.join(', ') }),
    ...plans.filter((p) => p.state === 'active').map((p) => t('startup.plan', { title: p.title.vi, id: p.id })),
    t('startup.periods', { count: periods.length }),
    ...periods.map((p) => t('startup.period', { id: p.id, title: p.title.vi, deadline: formatDeadline(p, config.timezone) })),
    t(`startup.redis_${redis.source}`, { url: redactRedisUrl(redis.url) }),
  ].join('\n');
}
