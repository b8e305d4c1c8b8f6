import type { Redis } from 'ioredis';
import type { Unit } from '../core/domain/types.ts';
import type { Keys } from './keys.ts';
import { parseStored } from './json.ts';
import { unitSchema } from './schemas.ts';

/** Units in one Redis hash: code → JSON. Codes are stored upper-case. */
export class UnitStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  async get(code: string): Promise<Unit | null> {
    return parseStored(await this.redis.hget(this.keys.units(), code.toUpperCase()), unitSchema);
  }

  async list(): Promise<Unit[]> {
    const all = await this.redis.hvals(this.keys.units());
    return all
      .map((raw) => parseStored(raw, unitSchema))
      .filter((u): u is Unit => u !== null)
      .sort((a, b) => a.code.localeCompare(b.code));
  }

  /** Adds a unit; false when the code is taken. */
  async add(unit: Unit): Promise<boolean> {
    return (await this.redis.hsetnx(this.keys.units(), unit.code, JSON.stringify(unit))) === 1;
  }

  async put(unit: Unit): Promise<void> {
    await this.redis.hset(this.keys.units(), unit.code, JSON.stringify(unit));
  }

  async remove(code: string): Promise<boolean> {
    return (await this.redis.hdel(this.keys.units(), code.toUpperCase())) === 1;
  }
}
