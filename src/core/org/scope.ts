import type { Person } from '../domain/types.ts';
import type { Stores } from '../../store/stores.ts';
import type { UnitTable } from './unit-table.ts';
import { UnitTree } from './unit-tree.ts';

/**
 * The unit whose subtree a person acts on: a leader's or admin's own unit (the province's cover
 * everything), an officer's own unit.
 */
export function scopeOf(person: Person | null, rootCode: string): string {
  return person?.unitCode ?? rootCode;
}

/**
 * One tree per unit table (the store hands out one table per change), so a national tree is built
 * once; an old table's tree goes with it once no command holds it.
 */
const trees = new WeakMap<UnitTable, UnitTree>();

/** Every unit as a tree, as the store holds them now. */
export async function loadTree(stores: Stores, rootCode: string): Promise<UnitTree> {
  const units = await stores.units.snapshot();
  const known = trees.get(units);
  if (known && known.rootCode === rootCode) return known;
  const tree = new UnitTree(units, rootCode);
  trees.set(units, tree);
  return tree;
}

/** True when the person's scope covers the unit (their own unit or one below it). */
export function covers(tree: UnitTree, person: Person | null, unitCode: string): boolean {
  return tree.isWithin(unitCode.toUpperCase(), scopeOf(person, tree.rootCode));
}
