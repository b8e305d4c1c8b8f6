import type { Person } from '../domain/types.ts';
import type { Stores } from '../../store/stores.ts';
import { UnitTree } from './unit-tree.ts';

/**
 * The unit whose subtree a person acts on: a leader's or admin's own unit (the province's cover
 * everything), an officer's own unit.
 */
export function scopeOf(person: Person | null, rootCode: string): string {
  return person?.unitCode ?? rootCode;
}

/** Every unit as a tree, read now. */
export async function loadTree(stores: Stores, rootCode: string): Promise<UnitTree> {
  return new UnitTree(await stores.units.list(), rootCode);
}

/** True when the person's scope covers the unit (their own unit or one below it). */
export function covers(tree: UnitTree, person: Person | null, unitCode: string): boolean {
  return tree.isWithin(unitCode.toUpperCase(), scopeOf(person, tree.rootCode));
}
