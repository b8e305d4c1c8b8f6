import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { CONSOLE_ADMIN, type AppConfig } from '../config/config.ts';
import type { ChannelAdapter } from '../core/channel.ts';
import type { ChannelName, OutboundMessage } from '../core/messages.ts';
import type { Command } from '../core/bot/command.ts';
import type { BotServices, CoreHooks } from '../core/bot/bot-services.ts';
import { BotCore } from '../core/bot/bot-core.ts';
import { coreCommands } from '../core/commands/index.ts';
import { Translator, LANGS, type Lang } from '../i18n/translator.ts';
import { Outbox, type RateLimits } from '../outbound/outbox.ts';
import { createStores, type Stores } from '../store/stores.ts';
import { ChangeFeed } from '../store/change-feed.ts';
import { Keys } from '../store/keys.ts';
import { FORMS_TOPIC } from '../store/form-store.ts';
import { createFormWorkbook } from '../xlsform/form-workbook.ts';
import type { PlanBundle } from '../plan-bundle/bundle-types.ts';
import type { InMemoryFormRegistry } from '../core/plans/form-registry.ts';
import { loadContent } from './load-content.ts';
import { createPlanServices } from './plan-services.ts';
import { unitWorkbookAsCsv } from '../org-files/unit-workbook.ts';
import { exportRenderers } from '../exports/renderers.ts';
import { summaryChart } from '../core/exports/summary-chart.ts';
import type { PeriodStatus } from '../core/report/period-status.ts';
import { markUnreachable } from './mark-unreachable.ts';
import { restoreConfiguredAdmins } from '../core/org/configured-admins.ts';
import { RedisSenderLimiter } from '../infra/redis-sender-limiter.ts';
import type { Metrics } from '../core/metrics.ts';
import { measuredHandler } from './measured-handler.ts';

export interface AppOptions {
  config: AppConfig;
  logger: Logger;
  redis: Redis;
  adapters: ChannelAdapter[];
  /** Extra commands (reminders) and hooks, added by the composition root. */
  extraCommands?: readonly Command[];
  hooks?: CoreHooks;
  clock?: () => Date;
  /** Counters for operators (prom-client behind `/metrics`); nothing recorded when absent. */
  metrics?: Metrics;
}

/** The running bot without its processes: stores, outbound path and core, wired together. */
export interface App {
  core: BotCore;
  outbox: Outbox;
  stores: Stores;
  /** The plan bundles that run, the default plan (PLAN_DIR) first. */
  bundles: PlanBundle[];
  forms: InMemoryFormRegistry;
  /** Cross-process change notices (periods, plans…), for parts that must react to a change elsewhere. */
  feed: ChangeFeed;
  translator: Translator;
  hooks: CoreHooks;
  /** The chart of a summary (group summaries at their moments); null when it cannot be made. */
  summaryChart(status: PeriodStatus, lang: Lang): Promise<OutboundMessage | null>;
  /** Starts every adapter's receiving and publishes the command menus. */
  start(): Promise<void>;
  /** Stops receiving, lets queued messages go out, closes the outbound path. */
  stop(): Promise<void>;
}

export async function createApp(options: AppOptions): Promise<App> {
  const { config, logger, redis, adapters } = options;
  const { translator, bundles, forms, content } = loadContent(config);
  // Shared data (periods, plans) is cached in memory; the feed drops it when any process changes it.
  const feed = new ChangeFeed(redis, new Keys(config.redis.prefix), {
    onError: (error) => logger.warn({ err: error }, 'change feed: a check failed'),
  });
  await feed.start();
  const stores = createStores(redis, config.redis.prefix, content, feed);
  // Forms uploaded in chat replace the shipped ones of the same id (unless the shipped one is newer).
  const loadUploadedForms = async () => {
    for (const { spec } of await stores.forms.list()) {
      if ((forms.get(spec.id)?.revision ?? 0) <= spec.revision) forms.put(spec);
    }
  };
  await loadUploadedForms();
  feed.on(FORMS_TOPIC, () => {
    loadUploadedForms().catch((error: unknown) => logger.warn({ err: error }, 'could not read the uploaded forms'));
  });
  await stores.units.add({ code: config.province.code, name: config.province.name, parentCode: null, createdAt: new Date().toISOString() });
  const adminIds = {
    ...(config.telegram ? { telegram: config.telegram.adminIds } : {}),
    ...(config.zalo ? { zalo: config.zalo.adminIds } : {}),
    console: [CONSOLE_ADMIN],
  };
  for (const admin of await restoreConfiguredAdmins(stores.people, adminIds, config.province.code, new Date())) {
    logger.warn({ personId: admin.id, identities: admin.identities }, 'a configured admin was an admin again at start-up');
  }

  const limits: Partial<Record<ChannelName, RateLimits>> = {};
  if (config.telegram) limits.telegram = config.telegram.limits;
  if (config.zalo) limits.zalo = config.zalo.limits;
  const outbox = new Outbox(adapters, {
    logger: logger.child({ component: 'outbound' }),
    limits,
    onPermanentFailure: (to, error) => markUnreachable(stores, to, error, logger),
  });

  const hooks: CoreHooks = { ...options.hooks };
  const byChannel = new Map(adapters.map((a) => [a.channel, a]));
  const plan = createPlanServices(bundles, stores.plans, translator, config.timezone);
  const services: BotServices = {
    stores,
    translator,
    forms,
    formWorkbook: createFormWorkbook(translator),
    answerer: plan.answerer,
    importer: plan.importer,
    unitWorkbook: unitWorkbookAsCsv,
    outbound: outbox,
    inviteLink: (channel, code) => byChannel.get(channel)?.inviteLink(code),
    channels: adapters.map((a) => a.channel),
    timezone: config.timezone,
    province: config.province,
    inviteTtlHours: config.inviteTtlHours,
    adminIds,
    clock: options.clock ?? (() => new Date()),
    logger: logger.child({ component: 'core' }),
    hooks,
    senderLimiter: new RedisSenderLimiter(
      redis,
      stores.keys.inboundLimit(),
      config.inboundPerMinute,
      logger.child({ component: 'inbound-limit' }),
    ),
    exports: {
      renderers: exportRenderers,
      planTitle: bundles[0]!.title,
      ...(config.reportSigner.name || config.reportSigner.title
        ? { signer: config.reportSigner }
        : plan.signer
          ? { signer: plan.signer }
          : {}),
    },
    ...(options.metrics ? { metrics: options.metrics } : {}),
  };
  // The claim of each update also counts its sender's updates for the inbound limit (one round trip).
  const core = new BotCore(services, [...coreCommands, ...(options.extraCommands ?? [])], {
    exactlyOnce: { inboundWindowSeconds: services.senderLimiter?.windowSeconds ?? 0 },
  });

  return {
    core,
    outbox,
    stores,
    bundles,
    forms,
    feed,
    translator,
    hooks,
    summaryChart: (status, lang) => summaryChart(services, status, lang),
    async start() {
      const handle = options.metrics ? measuredHandler(core.handle, options.metrics) : core.handle;
      for (const adapter of adapters) {
        await adapter.start(handle);
        if (adapter.setCommands) {
          for (const lang of LANGS) {
            const menu = core.commands
              .filter((c) => c.menu)
              .map((c) => ({ command: c.names[0] ?? '', description: translator.t(lang, c.descriptionKey).slice(0, 256) }));
            // Vietnamese is the default menu; English is shown to people whose app is in English.
            await adapter.setCommands(menu, lang === 'vi' ? undefined : lang).catch((error: unknown) => {
              logger.warn({ err: error, channel: adapter.channel }, 'could not publish the command menu');
            });
          }
        }
      }
    },
    async stop() {
      for (const adapter of adapters) await adapter.stop().catch((error: unknown) => logger.warn({ err: error }, 'adapter stop failed'));
      await core.idle();
      await outbox.idle();
      await outbox.close();
      await feed.stop();
    },
  };
}
