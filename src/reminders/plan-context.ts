import type { Plan } from '../core/domain/plan.ts';
import type { Period } from '../core/domain/types.ts';
import { planOf } from '../core/plans/plan-of.ts';
import type { FormSpec } from '../flow/form-spec.ts';
import type { ReminderDeps } from './reminder-deps.ts';
import type { ScheduleZone } from './schedule.ts';

/** A period's plan as reminders need it: the plan (named in every text), its form and its schedule zone. */
export interface PlanContext {
  plan: Plan | null;
  form: FormSpec;
  schedule: ScheduleZone;
}

export async function planContext(deps: ReminderDeps, period: Period): Promise<PlanContext> {
  const { plan, form } = await planOf(deps, period);
  const schedule = plan ? { timezone: plan.timezone, reminderTime: plan.reminderTime } : deps.schedule;
  return { plan, form, schedule };
}
