import type { Person } from '../domain/types.ts';
import type { Stores } from '../../store/stores.ts';
import type { UnitTree } from '../org/unit-tree.ts';

/**
 * Who reviews a unit's report: the leaders of the nearest unit above it that has leaders (in a flat
 * province, the province's leaders); where no unit above has one, the nearest admins.
 */
export async function reviewersOf(stores: Stores, tree: UnitTree, unitCode: string): Promise<Person[]> {
  const chain = tree.ancestors(unitCode);
  const peopleByUnit = await Promise.all(chain.map((code) => stores.people.listByUnit(code)));
  for (const role of ['leader', 'admin'] as const) {
    for (const people of peopleByUnit) {
      const found = people.filter((p) => p.role === role);
      if (found.length) return found;
    }
  }
  return [];
}

/** May this person accept or return the unit's report: a leader or admin of a unit above it. */
export function mayReview(tree: UnitTree, person: Person | null, unitCode: string): boolean {
  if (!person || person.role === 'officer') return false;
  return person.unitCode !== unitCode && tree.isWithin(unitCode, person.unitCode);
}
