import type { Period } from '../core/domain/types.ts';
import type { PeriodDef } from '../plan-bundle/bundle-types.ts';

/** A bundle's period as the bot stores and uses it (version 1 until a leader moves its deadline). */
export function toPeriod(def: PeriodDef): Period {
  return { ...def, version: 1 };
}
