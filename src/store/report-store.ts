import type { Redis } from 'ioredis';
import type { ReportRevision } from '../core/domain/types.ts';
import type { Keys } from './keys.ts';
import { parseStored } from './json.ts';
import { revisionSchema } from './schemas.ts';

// Appends the revision with the next number and records it as the latest, atomically.
const SUBMIT_SCRIPT = `
local n = redis.call('LLEN', KEYS[1]) + 1
local rev = cjson.decode(ARGV[1])
rev['revision'] = n
local encoded = cjson.encode(rev)
redis.call('RPUSH', KEYS[1], encoded)
redis.call('HSET', KEYS[2], ARGV[2], encoded)
return n
`;

/** Every revision of every unit's report, and the latest one per unit and period. */
export class ReportStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  /** Stores a new revision and returns it with its number. */
  async submit(revision: Omit<ReportRevision, 'revision'>): Promise<ReportRevision> {
    const payload = { ...revision, revision: 0 };
    // cjson turns empty tables into objects and has no null inside tables: keep answers as a JSON string field.
    const n = (await this.redis.eval(
      SUBMIT_SCRIPT,
      2,
      this.keys.reportRevisions(revision.periodId, revision.unitCode),
      this.keys.reportLatest(revision.periodId),
      JSON.stringify({ ...payload, answers: JSON.stringify(revision.answers) }),
      revision.unitCode,
    )) as number;
    return { ...revision, revision: n };
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
