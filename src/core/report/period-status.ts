import type { Period, Person, ReportRevision, Unit } from '../domain/types.ts';
import type { Stores } from '../../store/stores.ts';
import { loadTree } from '../org/scope.ts';
import type { Plan } from '../domain/plan.ts';

export interface UnitStatus {
  unit: Unit;
  latest: ReportRevision | null;
  /** Officers of the unit (the people reminders go to). */
  officers: Person[];
}

/** Who has reported for a period: the numbers behind /tinhhinh, /tonghop, reminders and group summaries. */
export interface PeriodStatus {
  period: Period;
  /** The period's plan (null only when it is gone), named in status texts. */
  plan: Plan | null;
  units: UnitStatus[];
  reported: UnitStatus[];
  missing: UnitStatus[];
  onTime: number;
  late: number;
  /** The unit whose subtree this covers, when it is not the whole province. */
  scope?: Unit;
}

/** Who has reported in the subtree of `scope` (default: the whole province). */
export async function periodStatus(stores: Stores, period: Period, provinceCode: string, scope = provinceCode): Promise<PeriodStatus> {
  const tree = await loadTree(stores, provinceCode);
  const units = tree.reportingWithin(scope);
  const latest = await stores.reports.latestOf(
    period.id,
    units.map((u) => u.code),
  );
  const plan = await stores.plans.get(period.planId);
  const statuses = await Promise.all(
    units.map(async (unit) => ({
      unit,
      latest: latest.get(unit.code) ?? null,
      officers: (await stores.people.listByUnit(unit.code)).filter((p) => p.role === 'officer'),
    })),
  );
  const reported = statuses.filter((s) => s.latest !== null);
  const scopeUnit = tree.get(scope);
  return {
    period,
    plan,
    units: statuses,
    reported,
    missing: statuses.filter((s) => s.latest === null),
    onTime: reported.filter((s) => !s.latest?.late).length,
    late: reported.filter((s) => !!s.latest?.late).length,
    ...(scope !== provinceCode ? { scope: scopeUnit ?? { code: scope, name: scope, parentCode: null, createdAt: '' } } : {}),
  };
}
