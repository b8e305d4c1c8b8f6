import type { Redis } from 'ioredis';
import type { ReportRevision, Review, ReviewEntry } from '../core/domain/types.ts';
import type { Keys } from './keys.ts';
import { parseStored } from './json.ts';
import { reviewEntrySchema, revisionSchema } from './schemas.ts';
import { REBUILD_SCRIPT, REVIEW_SCRIPT, SUBMIT_SCRIPT } from './rollup-scripts.ts';

/** Counts and sums of the latest reports below one unit (see rollup-scripts.ts for the fields). */
export type Rollup = Record<string, number>;

/** Every revision of every unit's report, and the latest one per unit and period. */
export class ReportStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  /**
   * Stores a new revision and returns it with its number. `once` (the update's key) makes a repeat of
   * the same submission (an update handled again after a crash) return the first one's number.
   */
  async submit(revision: Omit<ReportRevision, 'revision'>, options: { once?: string } = {}): Promise<ReportRevision> {
    const payload = { ...revision, revision: 0 };
    // cjson turns empty tables into objects and has no null inside tables: keep answers as a JSON string field.
    const n = (await this.redis.eval(
      SUBMIT_SCRIPT,
      6,
      this.keys.reportRevisions(revision.periodId, revision.unitCode),
      this.keys.reportLatest(revision.periodId),
      this.keys.units(),
      this.keys.rollupsBuilt(),
      this.keys.rollups(revision.periodId),
      this.keys.submission(options.once ?? ''),
      JSON.stringify({ ...payload, answers: JSON.stringify(revision.answers) }),
      revision.unitCode,
      revision.periodId,
      options.once ? '1' : '0',
    )) as number;
    return { ...revision, revision: n };
  }

  /**
   * Accepts or returns revision `revision` of the unit's report: 'done', 'outdated' when a newer
   * revision has come in since, 'none' when the unit has not reported.
   */
  async review(
    periodId: string,
    unitCode: string,
    revision: number,
    review: Review,
    unitOfReviewer: string,
  ): Promise<'done' | 'outdated' | 'none'> {
    const entry: ReviewEntry = {
      revision,
      state: review.state,
      by: { ...review.by, unitCode: unitOfReviewer },
      at: review.at,
      ...(review.comment ? { comment: review.comment } : {}),
    };
    const result = (await this.redis.eval(
      REVIEW_SCRIPT,
      5,
      this.keys.reportLatest(periodId),
      this.keys.units(),
      this.keys.rollupsBuilt(),
      this.keys.reviewAudit(periodId, unitCode),
      this.keys.rollups(periodId),
      unitCode,
      revision,
      JSON.stringify(review),
      periodId,
      JSON.stringify(entry),
    )) as number;
    return result === 1 ? 'done' : result === 0 ? 'outdated' : 'none';
  }

  /** Every review of the unit's reports for the period, oldest first. */
  async reviewAudit(periodId: string, unitCode: string): Promise<ReviewEntry[]> {
    const raws = await this.redis.lrange(this.keys.reviewAudit(periodId, unitCode), 0, -1);
    return raws.map((raw) => parseStored(raw, reviewEntrySchema)).filter((e): e is ReviewEntry => e !== null);
  }

  /** The latest revision of each of these units (absent: not reported), in one round trip. */
  async latestOf(periodId: string, unitCodes: readonly string[]): Promise<Map<string, ReportRevision>> {
    const result = new Map<string, ReportRevision>();
    if (unitCodes.length === 0) return result;
    const raws = await this.redis.hmget(this.keys.reportLatest(periodId), ...unitCodes);
    raws.forEach((raw, i) => {
      const rev = decode(raw);
      if (rev) result.set(unitCodes[i]!, rev);
    });
    return result;
  }

  /**
   * The roll-ups of these units (units above reporting units) for the period, built first if the
   * tree changed since they were last built; a unit with nothing reported below it has an empty one.
   */
  async rollups(periodId: string, unitCodes: readonly string[]): Promise<Map<string, Rollup>> {
    if (!(await this.redis.sismember(this.keys.rollupsBuilt(), periodId))) {
      await this.redis.eval(
        REBUILD_SCRIPT,
        4,
        this.keys.reportLatest(periodId),
        this.keys.units(),
        this.keys.rollupsBuilt(),
        this.keys.rollups(periodId),
        periodId,
      );
    }
    const result = new Map<string, Rollup>();
    if (unitCodes.length === 0) return result;
    const raws = await this.redis.hmget(this.keys.rollups(periodId), ...unitCodes);
    raws.forEach((raw, i) => result.set(unitCodes[i]!, parseRollup(raw)));
    return result;
  }

  async latest(periodId: string, unitCode: string): Promise<ReportRevision | null> {
    return decode(await this.redis.hget(this.keys.reportLatest(periodId), unitCode));
  }

  /** Latest revision of every unit that has reported for the period. */
  async latestForPeriod(periodId: string): Promise<Map<string, ReportRevision>> {
    const all = await this.redis.hgetall(this.keys.reportLatest(periodId));
    const result = new Map<string, ReportRevision>();
    for (const [unitCode, raw] of Object.entries(all)) {
      const rev = decode(raw);
      if (rev) result.set(unitCode, rev);
    }
    return result;
  }

  async revisions(periodId: string, unitCode: string): Promise<ReportRevision[]> {
    const raws = await this.redis.lrange(this.keys.reportRevisions(periodId, unitCode), 0, -1);
    return raws.map(decode).filter((r): r is ReportRevision => r !== null);
  }
}

function decode(raw: string | null | undefined): ReportRevision | null {
  if (raw == null) return null;
  try {
    const parsed = JSON.parse(raw) as Record<string, unknown>;
    if (typeof parsed.answers === 'string') parsed.answers = JSON.parse(parsed.answers);
    return parseStored(JSON.stringify(parsed), revisionSchema);
  } catch {
    return null;
  }
}

/** A stored roll-up (JSON of numbers); anything else counts as empty. */
function parseRollup(raw: string | null): Rollup {
  if (!raw) return {};
  try {
    const parsed = JSON.parse(raw) as unknown;
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    const out: Rollup = {};
    for (const [field, value] of Object.entries(parsed)) if (typeof value === 'number') out[field] = value;
    return out;
  } catch {
    return {};
  }
}
