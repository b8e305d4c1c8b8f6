import type { Period } from '../core/domain/types.ts';
import type { PeriodDef } from '../plan-bundle/bundle-types.ts';

/** A bundle's period as the bot stores and uses it (version 1 until a leader moves its deadline). */
export function toPeriod(def: PeriodDef): Period {
  return {
    id: def.id,
    title: def.title,
    unitDeadline: def.unitDeadline,
    ...(def.provinceDeadline ? { provinceDeadline: def.provinceDeadline } : {}),
    deadlineIsDateOnly: def.deadlineIsDateOnly,
    ...(def.opens ? { opens: def.opens } : {}),
    closes: def.closes,
    reminders: [...def.reminders],
    summaries: [...def.summaries],
    ...(def.section ? { section: def.section } : {}),
    version: 1,
  };
}
