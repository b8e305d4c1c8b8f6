import type { Period, Person, ReportRevision, Unit } from '../domain/types.ts';
import type { Stores } from '../../store/stores.ts';

export interface UnitStatus {
  unit: Unit;
  latest: ReportRevision | null;
  /** Officers of the unit (the people reminders go to). */
  officers: Person[];
}

/** Who has reported for a period: the numbers behind /tinhhinh, /tonghop, reminders and group summaries. */
export interface PeriodStatus {
  period: Period;
  units: UnitStatus[];
  reported: UnitStatus[];
  missing: UnitStatus[];
  onTime: number;
  late: number;
}

/** Units that report: every unit except the province at the root. */
export function reportingUnits(units: readonly Unit[], provinceCode: string): Unit[] {
  return units.filter((u) => u.code !== provinceCode && u.parentCode !== null);
}

export async function periodStatus(stores: Stores, period: Period, provinceCode: string): Promise<PeriodStatus> {
  const [units, latest] = await Promise.all([stores.units.list(), stores.reports.latestForPeriod(period.id)]);
  const statuses = await Promise.all(
    reportingUnits(units, provinceCode).map(async (unit) => ({
      unit,
      latest: latest.get(unit.code) ?? null,
      officers: (await stores.people.listByUnit(unit.code)).filter((p) => p.role === 'officer'),
    })),
  );
  const reported = statuses.filter((s) => s.latest !== null);
  return {
    period,
    units: statuses,
    reported,
    missing: statuses.filter((s) => s.latest === null),
    onTime: reported.filter((s) => !s.latest?.late).length,
    late: reported.filter((s) => s.latest?.late).length,
  };
}
