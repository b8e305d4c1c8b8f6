import type { Redis } from 'ioredis';
import type { ChannelName } from '../core/messages.ts';
import type { Identity, Person } from '../core/domain/types.ts';
import type { Keys } from './keys.ts';
import { parseStored } from './json.ts';
import { personSchema } from './schemas.ts';

/** People with their identities on each channel; a person belongs to one unit with one role. */
export class PeopleStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  async get(id: string): Promise<Person | null> {
    return parseStored(await this.redis.get(this.keys.person(id)), personSchema);
  }

  async findByIdentity(channel: ChannelName, userId: string): Promise<Person | null> {
    const id = await this.redis.get(this.keys.identity(channel, userId));
    return id ? this.get(id) : null;
  }

  async list(): Promise<Person[]> {
    const ids = await this.redis.smembers(this.keys.people());
    return this.getMany(ids);
  }

  async listByUnit(unitCode: string): Promise<Person[]> {
    return this.getMany(await this.redis.smembers(this.keys.unitPeople(unitCode)));
  }

  private async getMany(ids: string[]): Promise<Person[]> {
    if (ids.length === 0) return [];
    const raws = await this.redis.mget(ids.map((id) => this.keys.person(id)));
    return raws
      .map((raw) => parseStored(raw, personSchema))
      .filter((p): p is Person => p !== null)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  /** Writes a person and every index that points at it, in one transaction. */
  async save(person: Person, previous?: Person | null): Promise<void> {
    const tx = this.redis.multi();
    tx.set(this.keys.person(person.id), JSON.stringify(person));
    tx.sadd(this.keys.people(), person.id);
    if (previous && previous.unitCode !== person.unitCode) tx.srem(this.keys.unitPeople(previous.unitCode), person.id);
    tx.sadd(this.keys.unitPeople(person.unitCode), person.id);
    for (const identity of previous?.identities ?? []) {
      if (!person.identities.some((i) => sameIdentity(i, identity))) tx.del(this.keys.identity(identity.channel, identity.userId));
    }
    for (const identity of person.identities) tx.set(this.keys.identity(identity.channel, identity.userId), person.id);
    await tx.exec();
  }

  async remove(person: Person): Promise<void> {
    const tx = this.redis.multi();
    tx.del(this.keys.person(person.id));
    tx.srem(this.keys.people(), person.id);
    tx.srem(this.keys.unitPeople(person.unitCode), person.id);
    for (const identity of person.identities) tx.del(this.keys.identity(identity.channel, identity.userId));
    await tx.exec();
  }
}

function sameIdentity(a: Identity, b: Identity): boolean {
  return a.channel === b.channel && a.userId === b.userId;
}
