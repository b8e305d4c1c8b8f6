import type { Plan } from '../../src/core/domain/plan.ts';
import type { Period } from '../../src/core/domain/types.ts';
import type { BundleContent } from '../../src/store/stores.ts';

/** A test plan with the shipped form, in Vietnam's zone. */
export function testPlan(id = 'test-plan', fields: Partial<Plan> = {}): Plan {
  return {
    id,
    title: { vi: `Kế hoạch ${id}`, en: `Plan ${id}` },
    formId: 'qttn-report',
    timezone: 'Asia/Ho_Chi_Minh',
    reminderTime: '08:00',
    source: 'bundle',
    state: 'active',
    ...fields,
  };
}

/** What the stores know from flows/: one test plan holding the given periods. */
export function contentOf(periods: readonly Period[], plan: Plan = testPlan()): BundleContent {
  return { plans: [plan], periods, defaultPlanId: plan.id };
}
