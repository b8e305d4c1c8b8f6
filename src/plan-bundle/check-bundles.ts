import { join } from 'node:path';
import type { FormSpec } from '../flow/form-spec.ts';
import { SpecError, type SpecIssue } from '../flow/spec-error.ts';
import type { PlanBundle } from './bundle-types.ts';

/**
 * Checks what must hold across bundles loaded together: a period id names one period of one plan
 * (reports and reminders are keyed by it), and a form id names one form.
 * @throws SpecError naming the plan.yaml of the later bundle at fault.
 */
export function checkBundlesTogether(bundles: readonly PlanBundle[], sharedForms: readonly FormSpec[] = []): void {
  const periodOwner = new Map<string, string>();
  const forms = new Map<string, FormSpec>(sharedForms.map((f) => [f.id, f]));
  for (const bundle of bundles) {
    const issues: SpecIssue[] = [];
    bundle.periods.forEach((period, i) => {
      const owner = periodOwner.get(period.id);
      if (owner) issues.push({ path: `periods[${i}].id`, message: `period id "${period.id}" is already used by plan "${owner}"` });
      else periodOwner.set(period.id, bundle.id);
    });
    const known = forms.get(bundle.form.id);
    if (known && JSON.stringify(known) !== JSON.stringify(bundle.form)) {
      issues.push({ path: 'form', message: `another form file already has the id "${bundle.form.id}"` });
    }
    forms.set(bundle.form.id, bundle.form);
    if (issues.length) throw new SpecError(join(bundle.dir, 'plan.yaml'), issues);
  }
}
