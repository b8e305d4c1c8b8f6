import type { Plan } from '../core/domain/plan.ts';
import type { Period } from '../core/domain/types.ts';
import type { PeriodDef, PlanBundle } from '../plan-bundle/bundle-types.ts';

/** A bundle's period as the bot stores and uses it (version 1 until a leader moves its deadline). */
export function toPeriod(def: PeriodDef, planId: string): Period {
  return { ...def, version: 1, planId };
}

/** A bundle as a plan of the bot (active until an admin archives it). */
export function bundlePlan(bundle: PlanBundle): Plan {
  return {
    id: bundle.id,
    title: bundle.title,
    ...(bundle.issuer !== undefined && { issuer: bundle.issuer }),
    formId: bundle.form.id,
    timezone: bundle.timezone,
    reminderTime: bundle.reminderTime,
    source: 'bundle',
    state: 'active',
  };
}
