import type { PeriodDef } from '../../plan-bundle/bundle-types.ts';

/** The lane of a unit at `depth`: the depth when the period gives that level its own deadline, else none. */
export function laneOf(period: Pick<PeriodDef, 'levelDeadlines'>, depth: number): string | undefined {
  const key = String(depth);
  return period.levelDeadlines && Object.hasOwn(period.levelDeadlines, key) ? key : undefined;
}

/** The period as a unit at `depth` sees it: its level's deadline in place of the common unit deadline. */
export function periodForDepth<P extends Pick<PeriodDef, 'levelDeadlines' | 'unitDeadline' | 'deadlineIsDateOnly'>>(
  period: P,
  depth: number,
): P {
  const lane = laneOf(period, depth);
  const level = lane ? period.levelDeadlines![lane]! : undefined;
  return level ? { ...period, unitDeadline: level.at, deadlineIsDateOnly: level.dateOnly } : period;
}

/** The period as the units of one lane see it ('' or undefined: the common deadline). */
export function periodForLane<P extends Pick<PeriodDef, 'levelDeadlines' | 'unitDeadline' | 'deadlineIsDateOnly'>>(
  period: P,
  lane: string | undefined,
): P {
  return lane ? periodForDepth(period, Number(lane)) : period;
}
