import type { FormSpec } from '../../flow/form-spec.ts';
import type { Lang } from '../../i18n/translator.ts';
import type { Period, ReportRevision, Unit } from '../domain/types.ts';

/** Where a unit stands for the period. */
export type UnitState = 'on_time' | 'late' | 'missing';

/** One reporting unit with its latest revision and every revision it sent. */
export interface UnitReport {
  unit: Unit;
  /** The parent unit's name ("" at the top). */
  parentName: string;
  latest: ReportRevision | null;
  /** Every revision, oldest first (the latest is the last). */
  revisions: ReportRevision[];
}

/**
 * Everything the exports (workbook, Word draft, chart) are built from: a small data model the
 * commands fill from the stores, so that every builder is a pure function of it.
 */
export interface ReportData {
  /** The plan's title, in the reader's language. */
  planTitle: string;
  period: Period;
  /** The previous period of the same plan, with the latest revision of each unit that reported. */
  previous?: { period: Period; latest: ReadonlyMap<string, ReportRevision> };
  units: UnitReport[];
  form: FormSpec;
  province: { code: string; name: string };
  /** The unit whose subtree the export covers, when not the whole province (targets then count per unit). */
  scope?: Unit;
  /** Who signs the province's report (config or the plan), when known. */
  signer?: { title?: string; name?: string };
  zone: string;
  lang: Lang;
  /** When the export is made (ISO). */
  generatedAt: string;
}

export function unitState(report: UnitReport): UnitState {
  if (!report.latest) return 'missing';
  return report.latest.late ? 'late' : 'on_time';
}

/** Counts behind "x/y, on time, late, missing". */
export interface Completeness {
  total: number;
  reported: number;
  onTime: number;
  late: number;
  missing: number;
  /** reported / total in %, rounded; 0 with no units. */
  percent: number;
}

export function completeness(units: readonly UnitReport[]): Completeness {
  const states = units.map(unitState);
  const onTime = states.filter((s) => s === 'on_time').length;
  const late = states.filter((s) => s === 'late').length;
  const total = units.length;
  return {
    total,
    reported: onTime + late,
    onTime,
    late,
    missing: total - onTime - late,
    percent: total ? Math.round(((onTime + late) / total) * 100) : 0,
  };
}
