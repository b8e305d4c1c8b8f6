import type { ChannelName } from '../messages.ts';
import type { Person } from '../domain/types.ts';
import { newPersonId } from './ids.ts';

/** The part of the people store this needs. */
export interface PeopleRecords {
  findByIdentity(channel: ChannelName, userId: string): Promise<Person | null>;
  save(person: Person, previous?: Person | null): Promise<void>;
}

/**
 * Makes every configured admin (`ADMIN_*_IDS`) an admin of the province again at start-up, whatever
 * happened in chat. An account that was merged into someone else's person (an old link) is split off
 * into a person of its own, so the other person's role is left as it is. Returns who was restored.
 */
export async function restoreConfiguredAdmins(
  people: PeopleRecords,
  adminIds: Partial<Record<ChannelName, readonly string[]>>,
  provinceCode: string,
  now: Date,
): Promise<Person[]> {
  const restored: Person[] = [];
  for (const [channel, ids] of Object.entries(adminIds) as [ChannelName, readonly string[]][]) {
    for (const userId of ids) {
      const holder = await people.findByIdentity(channel, userId);
      if (!holder || (holder.role === 'admin' && holder.unitCode === provinceCode)) continue;
      const own = holder.identities.filter((i) => i.channel === channel && i.userId === userId);
      const others = holder.identities.filter((i) => !(i.channel === channel && i.userId === userId));
      if (others.length === 0) {
        const admin: Person = { ...holder, role: 'admin', unitCode: provinceCode };
        await people.save(admin, holder);
        restored.push(admin);
        continue;
      }
      await people.save({ ...holder, identities: others }, holder);
      const admin: Person = {
        id: newPersonId(),
        name: userId,
        role: 'admin',
        unitCode: provinceCode,
        identities: own,
        createdAt: now.toISOString(),
      };
      await people.save(admin);
      restored.push(admin);
    }
  }
  return restored;
}
