import type { Period, ReportRevision, Unit } from '../domain/types.ts';
import type { Stores } from '../../store/stores.ts';
import type { UnitTree } from '../org/unit-tree.ts';

/** Completeness and review counts of the reports below one unit. */
export interface Progress {
  /** Reporting units. */
  total: number;
  reported: number;
  late: number;
  accepted: number;
  returned: number;
}

export interface ChildProgress extends Progress {
  unit: Unit;
  /** For a child that reports itself (no unit below it): its latest report. */
  latest?: ReportRevision | null;
}

/**
 * A period seen from one unit of the tree, from the roll-ups: the whole subtree, each child unit,
 * each level, and the totals of every numeric answer (all reports, and accepted reports only).
 */
export interface SubtreeStatus {
  period: Period;
  scope: Unit | { code: string; name: string };
  isRoot: boolean;
  whole: Progress;
  children: ChildProgress[];
  /** Depth below the root → reporting units and reports at that depth. */
  levels: { depth: number; total: number; reported: number }[];
  /** Question id → sum over all reports. */
  sums: Map<string, number>;
  /** Question id → sum over accepted reports only. */
  acceptedSums: Map<string, number>;
}

const EMPTY: Progress = { total: 0, reported: 0, late: 0, accepted: 0, returned: 0 };

function fromRollup(total: number, rollup: Record<string, number> | undefined): Progress {
  const r = rollup ?? {};
  return { total, reported: r.n ?? 0, late: r.late ?? 0, accepted: r.acc ?? 0, returned: r.ret ?? 0 };
}

function fromRevision(latest: ReportRevision | null | undefined): Progress {
  if (!latest) return { ...EMPTY, total: 1 };
  const state = latest.review?.state;
  return {
    total: 1,
    reported: 1,
    late: latest.late ? 1 : 0,
    accepted: state === 'accepted' ? 1 : 0,
    returned: state === 'returned' ? 1 : 0,
  };
}

/** Reads the roll-ups of `scope` and of its children (one pipelined round trip each) and the reports of leaf children. */
export async function subtreeStatus(stores: Stores, period: Period, tree: UnitTree, scope: string): Promise<SubtreeStatus> {
  const children = tree.children(scope);
  const parents = children.filter((c) => !tree.isReporting(c.code)).map((c) => c.code);
  const leaves = children.filter((c) => tree.isReporting(c.code)).map((c) => c.code);
  const scopeReports = tree.isReporting(scope);
  const [rollups, latest] = await Promise.all([
    stores.reports.rollups(period.id, scopeReports ? parents : [scope, ...parents]),
    stores.reports.latestOf(period.id, scopeReports ? [scope, ...leaves] : leaves),
  ]);
  const scopeRollup = rollups.get(scope) ?? {};
  const whole = scopeReports ? fromRevision(latest.get(scope)) : fromRollup(tree.reportingCount(scope), scopeRollup);
  const sums = new Map<string, number>();
  const acceptedSums = new Map<string, number>();
  if (scopeReports) {
    const own = latest.get(scope);
    for (const [id, value] of Object.entries(own?.answers ?? {})) {
      if (typeof value !== 'number') continue;
      sums.set(id, value);
      if (own?.review?.state === 'accepted') acceptedSums.set(id, value);
    }
  } else {
    for (const [field, value] of Object.entries(scopeRollup)) {
      if (field.startsWith('s:')) sums.set(field.slice(2), value);
      else if (field.startsWith('a:')) acceptedSums.set(field.slice(2), value);
    }
  }
  const byDepth = tree.reportingByDepth(scope);
  const levels = [...byDepth.entries()]
    .sort(([a], [b]) => a - b)
    .map(([depth, total]) => ({ depth, total, reported: scopeReports ? whole.reported : (scopeRollup[`d${depth}`] ?? 0) }));
  return {
    period,
    scope: tree.get(scope) ?? { code: scope, name: scope },
    isRoot: scope === tree.rootCode,
    whole,
    children: children.map((unit) =>
      tree.isReporting(unit.code)
        ? { unit, ...fromRevision(latest.get(unit.code)), latest: latest.get(unit.code) ?? null }
        : { unit, ...fromRollup(tree.reportingCount(unit.code), rollups.get(unit.code)) },
    ),
    levels,
    sums,
    acceptedSums,
  };
}
