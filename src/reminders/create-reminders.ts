import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { App } from '../app/create-app.ts';
import type { ChannelName } from '../core/messages.ts';
import type { ReminderDeps } from './reminder-deps.ts';
import { ReminderScheduler } from './reminder-scheduler.ts';
import { remindNow } from './remind-now.ts';
import { SendClaims } from './send-claims.ts';
import { PERIODS_TOPIC } from '../store/period-store.ts';
import { DEFAULT_REMINDER_TIME } from '../plan-bundle/plan-schema.ts';

/** Settings of {@link createReminders}, from the configuration. */
export interface RemindersSetup {
  /** BullMQ-ready connection (`maxRetriesPerRequest: null`). */
  redis: Redis;
  logger: Logger;
  /** Channels running in this process. */
  channels: readonly ChannelName[];
  /** Zone deadlines are shown in. */
  displayZone: string;
  provinceCode: string;
  /** See ReminderSchedulerOptions.replanEveryMs. */
  replanEveryMs?: number;
  clock?: () => Date;
}

/**
 * Builds the reminder scheduler over a created app and sets the core's hooks: a changed period is
 * planned again, /nhacnho nudges now. Call `start()` once the app has started, `close()` before it stops.
 */
export function createReminders(app: App, setup: RemindersSetup): ReminderScheduler {
  const clock = setup.clock ?? (() => new Date());
  const deps: ReminderDeps = {
    stores: app.stores,
    // Reminders and summaries wait behind replies to people when the channel's budget is short.
    outbox: { send: (to, message) => app.outbox.send(to, message, 'bulk') },
    claims: new SendClaims(setup.redis),
    translator: app.translator,
    forms: app.forms,
    schedule: { timezone: setup.displayZone, reminderTime: DEFAULT_REMINDER_TIME },
    displayZone: setup.displayZone,
    provinceCode: setup.provinceCode,
    channels: setup.channels,
    clock,
    summaryChart: (status) => app.summaryChart(status, 'vi'),
  };
  const scheduler = new ReminderScheduler(deps, {
    connection: setup.redis,
    prefix: app.stores.keys.bull(),
    logger: setup.logger.child({ component: 'reminders' }),
    ...(setup.replanEveryMs ? { replanEveryMs: setup.replanEveryMs } : {}),
    periodChanges: { on: (listener) => app.feed.on(PERIODS_TOPIC, listener) },
  });
  app.hooks.periodChanged = async (period) => {
    await scheduler.planPeriod(period);
  };
  app.hooks.remindNow = (period, scope) => remindNow(deps, period, scope);
  return scheduler;
}
