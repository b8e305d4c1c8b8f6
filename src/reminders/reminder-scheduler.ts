import { DelayedError, Queue, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Period } from '../core/domain/types.ts';
import { deliverReminders, deliverSummary } from './deliver-moment.ts';
import type { Tally } from './deliver-claimed.ts';
import type { ReminderDeps } from './reminder-deps.ts';
import { isSuperseded, pendingMoments, plannedMoments, type MomentKind, type PlannedMoment } from './schedule.ts';
import { planContext } from './plan-context.ts';

/** Slack after a claim's lease before a job whose messages were held elsewhere looks again. */
const BUSY_MARGIN_MS = 1_000;

/** The data of one delayed job: one moment of one version of a period. */
export interface MomentJob {
  kind: MomentKind;
  periodId: string;
  version: number;
  offset: string;
  at: number;
}

/** Settings of the {@link ReminderScheduler}. */
export interface ReminderSchedulerOptions {
  /** An ioredis connection with `maxRetriesPerRequest: null` (BullMQ's requirement); not closed here. */
  connection: Redis;
  /** BullMQ key prefix, e.g. "doanbot:bull" (derived from REDIS_PREFIX so that tests isolate). */
  prefix: string;
  /** Queue name; default "reminders". */
  queueName?: string;
  logger: Logger;
  /** Tries of a job whose messages could not all be sent; default 6. */
  attempts?: number;
  /** First retry delay, doubled each time; default 30 s. */
  backoffMs?: number;
  /** Jobs handled at once by this process; default 4. */
  concurrency?: number;
  /**
   * Every so often every period is planned again (idempotent), so that periods created outside this
   * process (`npm run plan:import`, another process) and jobs a queue lost are planned without a
   * restart; default 10 minutes.
   */
  replanEveryMs?: number;
  /**
   * Tells when periods change in any process (a plan created in chat, a deadline moved, `npm run
   * plan:import`): every period is planned again at once rather than at the next periodic planning.
   */
  periodChanges?: { on(listener: () => void): () => void };
  /**
   * How long a running job's lock holds without renewal (BullMQ lockDuration), and how often stalled jobs
   * are looked for: together they bound how soon a job whose process died is run again. Defaults 20 s and 10 s.
   */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
}

/** How a job ended (its BullMQ return value). */
export type MomentOutcome =
  { status: 'done'; tally: Tally } | { status: 'skipped'; reason: 'stale_version' | 'no_period' | 'closed' | 'superseded' | 'archived' };

/** Thrown to make BullMQ try the job again later: some messages could not be sent yet. */
export class RetryLaterError extends Error {
  constructor(readonly tally: Tally) {
    super(`reminder messages not all delivered (failed ${tally.failed}, busy ${tally.busy}); retrying later`);
    this.name = 'RetryLaterError';
  }
}

/** What the metrics count of reminder jobs. */
export type JobEvent = 'due' | 'done' | 'failed';

/** Job ids carry kind, period, version and offset, so two processes planning the same moment add one job. */
export function momentJobId(kind: MomentKind, periodId: string, version: number, offset: string): string {
  return `${kind}_${periodId}_v${version}_${offset}`.replace(/:/g, '_');
}

/**
 * Reminders and summaries as BullMQ delayed jobs: one per (kind, period, version, offset), planned from
 * the stored periods at start-up and whenever a period changes. A job of an older version, of a closed
 * period, or superseded by a later moment that is also due, is skipped; otherwise its messages go out
 * exactly once each (see {@link SendClaims}).
 */
export class ReminderScheduler {
  private readonly queue: Queue<MomentJob, MomentOutcome>;
  private worker: Worker<MomentJob, MomentOutcome> | null = null;
  private replanTimer: NodeJS.Timeout | undefined;
  private stopListening: (() => void) | undefined;
  private planning: Promise<void> | null = null;
  private planAgain = false;
  private readonly logger: Logger;
  private readonly observers: ((event: JobEvent) => void)[] = [];

  constructor(
    private readonly deps: ReminderDeps,
    private readonly options: ReminderSchedulerOptions,
  ) {
    const name = options.queueName ?? 'reminders';
    this.logger = options.logger.child({ queue: name });
    this.queue = new Queue<MomentJob, MomentOutcome>(name, {
      connection: options.connection,
      prefix: options.prefix,
      defaultJobOptions: {
        attempts: options.attempts ?? 6,
        backoff: { type: 'exponential', delay: options.backoffMs ?? 30_000 },
        removeOnComplete: { age: 30 * 24 * 3600 },
        removeOnFail: { age: 30 * 24 * 3600 },
      },
    });
  }

  /** Starts handling jobs and plans every stored period. */
  async start(): Promise<void> {
    this.worker = new Worker<MomentJob, MomentOutcome>(this.queue.name, (job, token) => this.handle(job, token), {
      connection: this.options.connection,
      prefix: this.options.prefix,
      concurrency: this.options.concurrency ?? 4,
      lockDuration: this.options.lockDurationMs ?? 20_000,
      stalledInterval: this.options.stalledIntervalMs ?? 10_000,
    });
    this.worker.on('failed', (job, error) => {
      this.logger.warn({ jobId: job?.id, attempt: job?.attemptsMade, err: error }, 'reminder job failed');
    });
    this.worker.on('error', (error) => this.logger.error({ err: error }, 'reminder worker error'));
    this.worker.on('active', () => this.notify('due'));
    this.worker.on('completed', () => this.notify('done'));
    this.worker.on('failed', () => this.notify('failed'));
    await this.planAll();
    this.replanTimer = setInterval(
      () => {
        this.planAll().catch((error: unknown) => this.logger.error({ err: error }, 'planning reminders again failed'));
      },
      this.options.replanEveryMs ?? 10 * 60_000,
    );
    this.replanTimer.unref();
    this.stopListening = this.options.periodChanges?.on(() => this.replanSoon());
  }

  /** Plans every period again once the planning under way (if any) is done; changes meanwhile make one more. */
  private replanSoon(): void {
    if (this.planning) {
      this.planAgain = true;
      return;
    }
    this.planning = this.planAll()
      .catch((error: unknown) => this.logger.error({ err: error }, 'planning reminders after a change failed'))
      .finally(() => {
        this.planning = null;
        if (this.planAgain) {
          this.planAgain = false;
          this.replanSoon();
        }
      });
  }

  /** Plans every stored period (idempotent: existing jobs are kept). */
  async planAll(): Promise<void> {
    for (const period of await this.deps.stores.periods.list()) await this.planPeriod(period);
  }

  /**
   * Adds the jobs of a period's current version that are still worth running (future moments, and the
   * latest one already due of each kind), and removes the waiting jobs of its previous version.
   * A closed period, or one of an archived plan, is not planned.
   */
  async planPeriod(period: Period): Promise<number> {
    const now = this.deps.clock().getTime();
    if (Date.parse(period.closes) <= now || period.planArchived) return 0;
    const { schedule } = await planContext(this.deps, period);
    const { moments, invalid } = plannedMoments(period, schedule);
    if (invalid.length) this.logger.warn({ periodId: period.id, invalid }, 'offsets that are not durations were ignored');
    if (period.version > 1) {
      await Promise.all(moments.map((m) => this.queue.remove(momentJobId(m.kind, period.id, period.version - 1, m.offset)).catch(() => 0)));
    }
    const pending = pendingMoments(moments, now);
    await this.queue.addBulk(
      pending.map((m) => ({
        name: m.kind,
        data: { kind: m.kind, periodId: period.id, version: period.version, offset: m.offset, at: m.at },
        opts: { jobId: momentJobId(m.kind, period.id, period.version, m.offset), delay: Math.max(0, m.at - now) },
      })),
    );
    this.logger.info({ periodId: period.id, version: period.version, planned: pending.length }, 'reminders planned');
    return pending.length;
  }

  private async handle(job: Job<MomentJob, MomentOutcome>, token: string | undefined): Promise<MomentOutcome> {
    const log = this.logger.child({ jobId: job.id });
    const outcome = await this.run(job.data);
    if (outcome.status === 'skipped') log.info({ reason: outcome.reason }, 'reminder job skipped');
    else log.info({ tally: outcome.tally }, 'reminder job done');
    if (outcome.status !== 'done') return outcome;
    if (outcome.tally.failed > 0) throw new RetryLaterError(outcome.tally);
    if (outcome.tally.busy > 0) {
      // Messages claimed by another process: either it sends them, or it died and their claims lapse
      // within one lease. Look again just after that, without spending one of the job's attempts.
      log.info(
        { tally: outcome.tally, retryInMs: this.deps.claims.lease },
        'reminder messages held elsewhere; looking again after the lease',
      );
      await job.moveToDelayed(Date.now() + this.deps.claims.lease + BUSY_MARGIN_MS, token);
      throw new DelayedError();
    }
    return outcome;
  }

  private async run(data: MomentJob): Promise<MomentOutcome> {
    const period = await this.deps.stores.periods.get(data.periodId);
    if (!period) return { status: 'skipped', reason: 'no_period' };
    if (period.version !== data.version) return { status: 'skipped', reason: 'stale_version' };
    const now = this.deps.clock().getTime();
    if (Date.parse(period.closes) <= now) return { status: 'skipped', reason: 'closed' };
    if (period.planArchived) return { status: 'skipped', reason: 'archived' };
    const plan = await planContext(this.deps, period);
    const { moments } = plannedMoments(period, plan.schedule);
    const moment: PlannedMoment = moments.find((m) => m.kind === data.kind && m.offset === data.offset) ?? data;
    if (isSuperseded(moments, moment, now)) return { status: 'skipped', reason: 'superseded' };
    const tally =
      moment.kind === 'reminder'
        ? await deliverReminders(this.deps, period, moment, plan)
        : await deliverSummary(this.deps, period, moment, plan);
    return { status: 'done', tally };
  }

  /** Calls `observer` when a job falls due (starts), is done, or fails (set before `start`). */
  observe(observer: (event: JobEvent) => void): void {
    this.observers.push(observer);
  }

  /** Whether the worker is taking jobs (for the health check). */
  isRunning(): boolean {
    return this.worker?.isRunning() ?? false;
  }

  /** Jobs by state (waiting, delayed, active, failed…), for the queue depth metric. */
  jobCounts(): Promise<Record<string, number>> {
    return this.queue.getJobCounts('waiting', 'delayed', 'active', 'failed', 'prioritized');
  }

  private notify(event: JobEvent): void {
    for (const observer of this.observers) observer(event);
  }

  /** Stops taking jobs (waiting for those running) and closes the queue; the Redis connection stays open. */
  async close(): Promise<void> {
    clearInterval(this.replanTimer);
    this.stopListening?.();
    await this.planning;
    this.deps.claims.stop();
    await this.worker?.close();
    await this.queue.close();
  }
}
