import type { Lang } from '../../i18n/translator.ts';
import type { Stores } from '../../store/stores.ts';
import type { PeriodStatus } from '../report/period-status.ts';
import { titleIn } from '../text/dates.ts';
import type { ExportServices } from './export-port.ts';
import { previousPeriod } from './previous-period.ts';
import type { ReportData } from './report-data.ts';
import type { FormRegistry } from '../plans/form-registry.ts';
import { planOf } from '../plans/plan-of.ts';
import { loadTree } from '../org/scope.ts';

export interface ReportDataSources {
  stores: Stores;
  /** The report forms; the period's form is its plan's. */
  forms: FormRegistry;
  province: { code: string; name: string };
  timezone: string;
  exports: Pick<ExportServices, 'planTitle' | 'signer'>;
  clock: () => Date;
}

/**
 * Reads from the stores what the exports of a period need: every unit's revisions, parents, the
 * previous period. Only the units of the export are read (a commune's chart does not go through
 * the 100,000 units of a national tree, nor the previous period's reports of all of them).
 */
export async function loadReportData(sources: ReportDataSources, status: PeriodStatus, lang: Lang): Promise<ReportData> {
  const { stores, province } = sources;
  const [tree, periods, { plan, form }] = await Promise.all([
    loadTree(stores, province.code),
    stores.periods.list(),
    planOf(sources, status.period),
  ]);
  const before = previousPeriod(periods, status.period);
  // Only the units of this export count in the previous period (a leader's subtree).
  const inScope = status.units.map((s) => s.unit.code);
  const [reports, previousLatest] = await Promise.all([
    Promise.all(
      status.units.map(async (s) => ({
        unit: s.unit,
        parentName: (s.unit.parentCode && tree.get(s.unit.parentCode)?.name) || '',
        latest: s.latest,
        revisions: s.latest ? await stores.reports.revisions(status.period.id, s.unit.code) : [],
      })),
    ),
    before ? stores.reports.latestOf(before.id, inScope) : Promise.resolve(undefined),
  ]);
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
    data.previous = { period: before, latest: previousLatest };
  }
  if (status.scope) data.scope = status.scope;
  if (sources.exports.signer) data.signer = sources.exports.signer;
  return data;
}
