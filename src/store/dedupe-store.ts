import type { Redis } from 'ioredis';
import type { Keys } from './keys.ts';

/** Set-if-absent with a TTL: remembers update keys so a platform's redelivery is handled once. */
export class DedupeStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
    private readonly ttlSeconds = 60 * 60 * 24 * 2,
  ) {}

  /** True the first time a key is seen, false afterwards. */
  async firstTime(updateKey: string): Promise<boolean> {
    return (await this.redis.set(this.keys.seen(updateKey), '1', 'EX', this.ttlSeconds, 'NX')) === 'OK';
  }
}
