import type { Lang } from '../../i18n/translator.ts';
import type { Stores } from '../../store/stores.ts';
import type { PeriodStatus } from '../report/period-status.ts';
import { titleIn } from '../text/dates.ts';
import type { ExportServices } from './export-port.ts';
import { previousPeriod } from './previous-period.ts';
import type { ReportData } from './report-data.ts';
import type { FormRegistry } from '../plans/form-registry.ts';
import { planOf } from '../plans/plan-of.ts';

export interface ReportDataSources {
  stores: Stores;
  /** The report forms; the period's form is its plan's. */
  forms: FormRegistry;
  province: { code: string; name: string };
  timezone: string;
  exports: Pick<ExportServices, 'planTitle' | 'signer'>;
  clock: () => Date;
}

/** Reads from the stores what the exports of a period need: every unit's revisions, parents, the previous period. */
export async function loadReportData(sources: ReportDataSources, status: PeriodStatus, lang: Lang): Promise<ReportData> {
  const { stores, province } = sources;
  const [units, periods, { plan, form }] = await Promise.all([stores.units.list(), stores.periods.list(), planOf(sources, status.period)]);
  const names = new Map(units.map((u) => [u.code, u.name]));
  const before = previousPeriod(periods, status.period);
  const [reports, previousLatest] = await Promise.all([
    Promise.all(
      status.units.map(async (s) => ({
        unit: s.unit,
        parentName: (s.unit.parentCode && names.get(s.unit.parentCode)) || '',
        latest: s.latest,
        revisions: s.latest ? await stores.reports.revisions(status.period.id, s.unit.code) : [],
      })),
    ),
    before ? stores.reports.latestForPeriod(before.id) : Promise.resolve(undefined),
  ]);
  // Only the units of this export count in the previous period (a leader's subtree).
  const inScope = new Set(status.units.map((s) => s.unit.code));
  const data: ReportData = {
    planTitle: titleIn(plan?.title ?? sources.exports.planTitle, lang),
    period: status.period,
    units: reports,
    form,
    province,
    zone: sources.timezone,
    lang,
    generatedAt: sources.clock().toISOString(),
  };
  if (before && previousLatest) {
    data.previous = { period: before, latest: new Map([...previousLatest].filter(([code]) => inScope.has(code))) };
  }
  if (status.scope) data.scope = status.scope;
  if (sources.exports.signer) data.signer = sources.exports.signer;
  return data;
}
