import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { ChannelName } from '../core/messages.ts';
import type { Metrics, UpdateOutcome } from '../core/metrics.ts';
import type { DeliveryCounters } from '../outbound/outbox-stats.ts';
import type { JobEvent } from '../reminders/reminder-scheduler.ts';

/** What the metrics read at scrape time from the parts that count for themselves. */
export interface MetricSources {
  /** The outbound path's counters per channel, and its queued messages. */
  outbox?: { stats: { byChannel: Partial<Record<ChannelName, DeliveryCounters>> }; queued(): Partial<Record<ChannelName, number>> };
  /** Reminder jobs by state; may reject or be slow when Redis is down (then left out). */
  reminderJobCounts?: () => Promise<Record<string, number>>;
}

const OUTBOX_OUTCOMES: Record<keyof DeliveryCounters, string> = {
  sent: 'sent',
  rateLimited: 'rate_limited',
  retried: 'retried',
  failedPermanent: 'failed_permanent',
  failedTransient: 'failed_transient',
};

/** How long a scrape waits for the job counts before leaving them out. */
const JOB_COUNTS_TIMEOUT_MS = 1000;

/**
 * The {@link Metrics} port on prom-client, with its own registry (nothing global), plus what is read
 * at scrape time: outbound counters and queue depths. Every name starts with `doanbot_`.
 */
export class PromMetrics implements Metrics {
  readonly registry = new Registry();
  private sources: MetricSources = {};
  private readonly updates: Counter<'channel' | 'kind' | 'outcome'>;
  private readonly latency: Histogram<'channel'>;
  private readonly questions: Counter<'outcome'>;
  private readonly reminderJobs: Counter<'event'>;

  constructor(options: { processMetrics?: boolean } = {}) {
    const registers = [this.registry];
    this.updates = new Counter({
      name: 'doanbot_updates_total',
      help: 'Inbound updates handled by the core, by channel, kind (text, command, choice, document, unsupported) and outcome (handled, not_taken, failed)',
      labelNames: ['channel', 'kind', 'outcome'],
      registers,
    });
    this.latency = new Histogram({
      name: 'doanbot_update_handling_seconds',
      help: 'Time from an update reaching the core to its effects being stored, by channel',
      labelNames: ['channel'],
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.questions = new Counter({
      name: 'doanbot_qa_answers_total',
      help: 'Questions about the plan, by outcome: answered, or the "uncertain" reply',
      labelNames: ['outcome'],
      registers,
    });
    this.reminderJobs = new Counter({
      name: 'doanbot_reminder_jobs_total',
      help: 'Reminder and summary jobs by event: due (started), done, failed (an attempt failed)',
      labelNames: ['event'],
      registers,
    });
    const sources = () => this.sources;
    new Counter({
      name: 'doanbot_outbox_messages_total',
      help: 'Outbound messages by channel and outcome: sent, rate_limited (a 429), retried, failed_permanent, failed_transient',
      labelNames: ['channel', 'outcome'],
      registers,
      collect() {
        this.reset();
        for (const [channel, counters] of Object.entries(sources().outbox?.stats.byChannel ?? {})) {
          for (const [key, outcome] of Object.entries(OUTBOX_OUTCOMES)) {
            this.inc({ channel, outcome }, counters[key as keyof DeliveryCounters]);
          }
        }
      },
    });
    new Gauge({
      name: 'doanbot_queue_depth',
      help: 'Work waiting: outbound messages per channel (queue="outbox_<channel>"), reminder jobs by state (queue="reminders")',
      labelNames: ['queue', 'state'],
      registers,
      async collect() {
        this.reset();
        for (const [channel, queued] of Object.entries(sources().outbox?.queued() ?? {}))
          this.set({ queue: `outbox_${channel}`, state: 'queued' }, queued);
        const counts = await withTimeout(sources().reminderJobCounts?.(), JOB_COUNTS_TIMEOUT_MS);
        for (const [state, count] of Object.entries(counts ?? {})) this.set({ queue: 'reminders', state }, count);
      },
    });
    if (options.processMetrics !== false) collectDefaultMetrics({ register: this.registry, prefix: 'doanbot_' });
  }

  /** Where the scrape-time values come from (set once the app is built). */
  readFrom(sources: MetricSources): void {
    this.sources = sources;
  }

  updateHandled(update: { channel: ChannelName; kind: string; outcome: UpdateOutcome; seconds: number }): void {
    this.updates.inc({ channel: update.channel, kind: update.kind, outcome: update.outcome });
    if (update.outcome === 'handled') this.latency.observe({ channel: update.channel }, update.seconds);
  }

  questionAnswered(outcome: 'answered' | 'uncertain'): void {
    this.questions.inc({ outcome });
  }

  /** Counts a reminder job event (wired to the scheduler's observer). */
  reminderJob(event: JobEvent): void {
    this.reminderJobs.inc({ event });
  }

  /** The text exposition format, for `/metrics`. */
  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}

/** The promise's value, or undefined if it rejects or takes longer than `ms`. */
async function withTimeout<T>(promise: Promise<T> | undefined, ms: number): Promise<T | undefined> {
  if (!promise) return undefined;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([promise.catch(() => undefined), late]);
  } finally {
    clearTimeout(timer);
  }
}
