import type { TextFn } from '../../flow/text-fn.ts';
import { titleIn } from '../text/dates.ts';
import { completeness, unitState, type Completeness, type ReportData, type UnitState } from './report-data.ts';
import { figureRows, round1, type FigureRow } from './figures.ts';

/** Above this many units, completeness is drawn per parent unit (or as one bar) instead of per unit. */
export const MAX_UNIT_ROWS = 30;
/** At most this many figures are drawn; the workbook has them all. */
export const MAX_FIGURES = 8;

/** One bar of the completeness panel: a unit, a parent unit, or the whole province. */
export interface CompletenessRow {
  label: string;
  counts: Record<UnitState, number>;
}

/** One bar of the figures panel: the total as % of the reference (target, or previous period = 100 %). */
export interface FigureBar {
  label: string;
  /** total / reference × 100 (the total itself when the chart has no reference); null: no bar, as this figure has no reference. */
  value: number | null;
  /** What the bar's end says, e.g. "17/30 buổi" or "17 buổi (kỳ trước 12)". */
  caption: string;
}

/** What the summary chart shows, with every text already in the reader's language. */
export interface ChartModel {
  title: string;
  subtitle: string;
  completenessTitle: string;
  rows: CompletenessRow[];
  /** Series names for on time / late / missing. */
  stateNames: Record<UnitState, string>;
  figuresTitle: string;
  /** Shown instead of the figures when there are none. */
  noFigures: string;
  /** 'target': bars are % of target; 'previous': % of the previous period; 'total': raw totals. */
  reference: 'target' | 'previous' | 'total';
  figures: FigureBar[];
  /** Numbers as the reader writes them (axis labels). */
  format: (n: number) => string;
}

/** What a chart needs of one figure: its name, unit, total, and target or previous total when known. */
export type ChartFigure = Pick<FigureRow, 'label' | 'measure' | 'total' | 'target' | 'previous'>;

/**
 * The summary chart's content: completeness per unit (per parent unit, or one bar, when there are
 * more than {@link MAX_UNIT_ROWS}) and the main figures against their target or the previous period.
 */
export function chartModel(data: ReportData, t: TextFn, format: (n: number) => string): ChartModel {
  const c = completeness(data.units);
  return assemble(titleIn(data.period.title, data.lang), c, completenessRows(data, t), c.reported ? figureRows(data, t) : [], t, format);
}

/**
 * The same chart for a large subtree, from its roll-ups (no unit-by-unit read): one completeness bar per
 * child unit, and the figures' totals with their target or previous total.
 */
export function subtreeChartModel(
  title: string,
  children: readonly { label: string; total: number; reported: number; late: number }[],
  figures: readonly ChartFigure[],
  t: TextFn,
  format: (n: number) => string,
): ChartModel {
  const total = children.reduce((n, c) => n + c.total, 0);
  const reported = children.reduce((n, c) => n + c.reported, 0);
  const late = children.reduce((n, c) => n + c.late, 0);
  const c: Completeness = {
    total,
    reported,
    onTime: reported - late,
    late,
    missing: total - reported,
    percent: total ? Math.round((reported / total) * 100) : 0,
  };
  const counts = (x: { total: number; reported: number; late: number }) => ({
    on_time: x.reported - x.late,
    late: x.late,
    missing: x.total - x.reported,
  });
  const rows =
    children.length <= MAX_UNIT_ROWS
      ? children.map((x) => ({ label: x.label, counts: counts(x) }))
      : [{ label: t('exports.chart.all_units', { count: total }), counts: counts({ total, reported, late }) }];
  return assemble(title, c, rows, reported ? figures : [], t, format);
}

function assemble(
  title: string,
  c: Completeness,
  rows: CompletenessRow[],
  all: readonly ChartFigure[],
  t: TextFn,
  format: (n: number) => string,
): ChartModel {
  // Main figures: those with something to show (a total, or a target to reach).
  const figures = all.filter((f) => f.total !== 0 || (f.target ?? 0) > 0).slice(0, MAX_FIGURES);
  const reference = figures.some((f) => f.target !== undefined && f.target > 0)
    ? 'target'
    : figures.some((f) => f.previous !== undefined && f.previous > 0)
      ? 'previous'
      : 'total';
  return {
    title,
    subtitle: t('exports.chart.subtitle', { ...c }),
    completenessTitle: t('exports.chart.completeness_title'),
    rows,
    stateNames: {
      on_time: t('exports.chart.on_time'),
      late: t('exports.chart.late'),
      missing: t('exports.chart.missing'),
    },
    figuresTitle: t(`exports.chart.figures_${reference}`),
    noFigures: t('exports.chart.no_figures'),
    format,
    reference,
    figures: figures.map((f) => {
      const measure = f.measure ? ` ${f.measure}` : '';
      if (reference === 'target' && f.target !== undefined && f.target > 0) {
        const value = round1((f.total / f.target) * 100);
        return { label: f.label, value, caption: `${format(value)}% · ${format(f.total)}/${format(f.target)}${measure}` };
      }
      if (reference === 'previous' && f.previous !== undefined && f.previous > 0) {
        const value = round1((f.total / f.previous) * 100);
        return {
          label: f.label,
          value,
          caption: `${format(value)}% · ${t('exports.chart.against_previous', { total: format(f.total), previous: format(f.previous), measure })}`,
        };
      }
      return { label: f.label, value: reference === 'total' ? f.total : null, caption: `${format(f.total)}${measure}` };
    }),
  };
}

function completenessRows(data: ReportData, t: TextFn): CompletenessRow[] {
  const empty = (): Record<UnitState, number> => ({ on_time: 0, late: 0, missing: 0 });
  if (data.units.length <= MAX_UNIT_ROWS) {
    return data.units.map((u) => ({ label: u.unit.name, counts: { ...empty(), [unitState(u)]: 1 } }));
  }
  const groups = new Map<string, CompletenessRow>();
  for (const u of data.units) {
    const label = u.parentName || data.province.name;
    const row = groups.get(label) ?? { label, counts: empty() };
    row.counts[unitState(u)] += 1;
    groups.set(label, row);
  }
  if (groups.size > 1 && groups.size <= MAX_UNIT_ROWS) return [...groups.values()];
  const all = { label: t('exports.chart.all_units', { count: data.units.length }), counts: empty() };
  for (const u of data.units) all.counts[unitState(u)] += 1;
  return [all];
}
