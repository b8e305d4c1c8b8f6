import type { PeriodDef } from '../../plan-bundle/bundle-types.ts';

/** The fields that decide which deadline a unit has. */
type DeadlineFields = Pick<PeriodDef, 'levelDeadlines' | 'subtreeDeadlines' | 'unitDeadline' | 'deadlineIsDateOnly'>;

/** What the effective deadline needs of the unit tree (a UnitTree). */
export interface TreeShape {
  depth(code: string): number;
  /** Parent, grandparent… up to the root, nearest first. */
  ancestors(code: string): string[];
  isReporting(code: string): boolean;
}

/** Lanes of subtree overrides start with this ("u:HD01"); level lanes are depths ("2"), so a unit code "2" is no level. */
const SUBTREE_LANE = 'u:';

/** The reminder lane of the units below an override set for `unitCode`. */
export function subtreeLane(unitCode: string): string {
  return `${SUBTREE_LANE}${unitCode}`;
}

/** The lane of a unit at `depth`: the depth when the period gives that level its own deadline, else none. */
export function laneOf(period: Pick<PeriodDef, 'levelDeadlines'>, depth: number): string | undefined {
  const key = String(depth);
  return period.levelDeadlines && Object.hasOwn(period.levelDeadlines, key) ? key : undefined;
}

/** The period as a unit at `depth` sees it: its level's deadline in place of the common unit deadline. */
export function periodForDepth<P extends DeadlineFields>(period: P, depth: number): P {
  const lane = laneOf(period, depth);
  const level = lane ? period.levelDeadlines![lane]! : undefined;
  return level ? { ...period, unitDeadline: level.at, deadlineIsDateOnly: level.dateOnly } : period;
}

/** True when the period has a deadline set for the subtree of `unitCode`. */
export function hasSubtreeDeadline(period: Pick<PeriodDef, 'subtreeDeadlines'>, unitCode: string): boolean {
  return !!period.subtreeDeadlines && Object.hasOwn(period.subtreeDeadlines, unitCode);
}

/**
 * The unit whose subtree deadline applies: the nearest of `unitCode` itself (when `withSelf`) and the
 * units above it that has one; undefined when none does.
 */
function overrideOwner(period: DeadlineFields, tree: TreeShape, unitCode: string, withSelf: boolean): string | undefined {
  if (!period.subtreeDeadlines || Object.keys(period.subtreeDeadlines).length === 0) return undefined;
  const chain = withSelf ? [unitCode, ...tree.ancestors(unitCode)] : tree.ancestors(unitCode);
  return chain.find((code) => hasSubtreeDeadline(period, code));
}

/**
 * The reminder lane of a unit: the subtree override that applies to it ("u:HD01"), else its level's
 * ("2"), else none (the common deadline). An override set for a unit applies to the units below it,
 * and to the unit itself when it reports.
 */
export function laneOfUnit(period: DeadlineFields, tree: TreeShape, unitCode: string): string | undefined {
  const owner = overrideOwner(period, tree, unitCode, tree.isReporting(unitCode));
  return owner !== undefined ? subtreeLane(owner) : laneOf(period, tree.depth(unitCode));
}

/** The period as the units of one lane see it ('' or undefined: the common deadline). */
export function periodForLane<P extends DeadlineFields>(period: P, lane: string | undefined): P {
  if (!lane) return period;
  if (!lane.startsWith(SUBTREE_LANE)) return periodForDepth(period, Number(lane));
  const code = lane.slice(SUBTREE_LANE.length);
  const own = hasSubtreeDeadline(period, code) ? period.subtreeDeadlines![code]! : undefined;
  return own ? { ...period, unitDeadline: own.at, deadlineIsDateOnly: own.dateOnly } : period;
}

/**
 * The period with the deadline a unit has (its effective deadline): the nearest override of its own
 * subtree or of a unit above it, else its level's deadline, else the common one.
 */
export function periodForUnit<P extends DeadlineFields>(period: P, tree: TreeShape, unitCode: string): P {
  return periodForLane(period, laneOfUnit(period, tree, unitCode));
}

/**
 * The period as the units below `unitCode` see it, for a heading: the nearest subtree deadline at or
 * above it, else the period as it is (the common deadline).
 */
export function periodBelow<P extends DeadlineFields>(period: P, tree: TreeShape, unitCode: string): P {
  const owner = overrideOwner(period, tree, unitCode, true);
  return owner !== undefined ? periodForLane(period, subtreeLane(owner)) : period;
}

/**
 * The period with the deadline `unitCode` owes the unit above it: an override of its own subtree does
 * not count (that one is what the units below owe it).
 */
export function periodOwedBy<P extends DeadlineFields>(period: P, tree: TreeShape, unitCode: string): P {
  const owner = overrideOwner(period, tree, unitCode, false);
  return periodForLane(period, owner !== undefined ? subtreeLane(owner) : laneOf(period, tree.depth(unitCode)));
}
