import { foldText as fold } from '../../flow/fold.ts';
import type { Plan } from '../domain/plan.ts';
import type { Period } from '../domain/types.ts';

/** Lower case, no diacritics, no spaces or dashes: "6 tháng" and "6thang-2027" compare alike. */
function compact(text: string): string {
  return fold(text).replace(/[\s_.:/-]+/g, '');
}

/** Among one plan's periods whose title holds the words, the shortest title is the closest fit. */
function closestPerPlan(periods: readonly Period[]): Period[] {
  const best = new Map<string, Period>();
  for (const p of periods) {
    const held = best.get(p.planId);
    if (!held || p.title.vi.length < held.title.vi.length) best.set(p.planId, p);
  }
  return [...best.values()];
}

/**
 * The plan a person's words start with, by id ("thang-thanh-nien thang-3") or title ("Tháng Thanh
 * niên tháng 3"), and the words left; the longest match wins.
 */
function namedPlan(plans: readonly Plan[], words: string): { plan: Plan; rest: string } | null {
  const folded = fold(words);
  let found: { plan: Plan; rest: string; length: number } | null = null;
  for (const plan of plans) {
    const titles = [plan.title.vi, plan.title.en].map(fold);
    // "Kế hoạch Tháng Thanh niên năm 2027" is named "Tháng Thanh niên năm 2027" too.
    const names = [fold(plan.id), ...titles, ...titles.map((t) => t.replace(/^(ke hoach|plan)\s+/, ''))];
    for (const name of names) {
      if (!name || !(folded === name || folded.startsWith(`${name} `) || folded.startsWith(`${name}/`))) continue;
      if (!found || name.length > found.length)
        found = { plan, rest: folded.slice(name.length).replace(/^[\s/]+/, ''), length: name.length };
    }
  }
  return found && { plan: found.plan, rest: found.rest };
}

/**
 * The periods a person's words may name, across every plan: a period id ("6thang-2027"), the start
 * of one ("6thang"), words of its title ("6 tháng"), each optionally after the plan's id or title
 * ("tháng thanh niên tháng 3"). Within one plan the closest title wins (as with one plan); several
 * plans matching give several periods, for the person to choose from. Empty when nothing fits.
 */
export function matchPeriods(periods: readonly Period[], plans: readonly Plan[], words: string): Period[] {
  const wanted = fold(words);
  if (!wanted) return [];
  const exact = periods.filter((p) => fold(p.id) === wanted);
  if (exact.length) return exact;
  const named = namedPlan(plans, words);
  if (named) {
    const own = periods.filter((p) => p.planId === named.plan.id);
    if (!named.rest) return own;
    const within = matchPeriods(own, [], named.rest);
    if (within.length) return within;
  }
  const short = compact(words);
  const byId = short ? periods.filter((p) => compact(p.id).startsWith(short)) : [];
  if (byId.length === 1) return byId;
  const byTitle = periods.filter((p) => fold(p.title.vi).includes(wanted) || fold(p.title.en).includes(wanted));
  if (byTitle.length) return closestPerPlan(byTitle);
  if (byId.length) return byId;
  // Words of a plan's title alone ("tháng thanh niên"): that plan's periods.
  const plansNamed = new Set(plans.filter((p) => fold(p.title.vi).includes(wanted) || fold(p.title.en).includes(wanted)).map((p) => p.id));
  return periods.filter((p) => plansNamed.has(p.planId));
}
