import type { FormSpec } from '../../flow/form-spec.ts';
import type { PlanStore } from '../../store/plan-store.ts';
import type { Plan } from '../domain/plan.ts';
import type { Period } from '../domain/types.ts';
import type { FormRegistry } from './form-registry.ts';

/** What finding a period's plan and form needs. */
export interface PlanLookup {
  stores: { plans: Pick<PlanStore, 'get'> };
  forms: FormRegistry;
}

/**
 * The plan a period belongs to and the form its reports use (the default form when the plan's form is
 * no longer known, so a report can always be taken). `plan` is null only for a period whose plan is gone.
 */
export async function planOf(lookup: PlanLookup, period: Pick<Period, 'planId'>): Promise<{ plan: Plan | null; form: FormSpec }> {
  const plan = await lookup.stores.plans.get(period.planId);
  const form = (plan && lookup.forms.get(plan.formId)) ?? lookup.forms.get(lookup.forms.defaultId);
  if (!form) throw new Error(`no form for plan "${period.planId}" and no default form`);
  return { plan, form };
}

/** The form a period's reports use. */
export async function formOf(lookup: PlanLookup, period: Pick<Period, 'planId'>): Promise<FormSpec> {
  return (await planOf(lookup, period)).form;
}
