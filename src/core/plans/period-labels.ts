import type { Choice } from '../messages.ts';
import type { Plan } from '../domain/plan.ts';
import type { Period } from '../domain/types.ts';
import type { BotContext } from '../bot/bot-context.ts';
import { formatDeadline, titleIn } from '../text/dates.ts';

const MAX_PLAN_NAME = 40;

/** A plan's title cut to fit in a button ("Kế hoạch Tháng Thanh niên năm 2027"). */
export function shortPlanName(plan: Pick<Plan, 'title'>, lang: 'vi' | 'en'): string {
  const title = titleIn(plan.title, lang);
  return title.length <= MAX_PLAN_NAME ? title : `${title.slice(0, MAX_PLAN_NAME - 1).replace(/\s+\S*$/u, '')}…`;
}

/**
 * Periods ordered for a person to choose from: grouped by plan (the plan with the nearest deadline
 * first), nearest deadline first within each plan.
 */
export function groupedByPlan(periods: readonly Period[]): Period[] {
  const nearest = new Map<string, number>();
  for (const p of periods) nearest.set(p.planId, Math.min(nearest.get(p.planId) ?? Infinity, Date.parse(p.unitDeadline)));
  return [...periods].sort(
    (a, b) =>
      (nearest.get(a.planId) ?? 0) - (nearest.get(b.planId) ?? 0) ||
      a.planId.localeCompare(b.planId) ||
      Date.parse(a.unitDeadline) - Date.parse(b.unitDeadline),
  );
}

/**
 * One choice per period, "Period title (hạn 10/06/2027)", with the plan's short name in front when
 * the periods belong to several plans: "[Tháng Thanh niên 2027] Báo cáo tháng 3 (hạn …)".
 */
export function periodChoices(ctx: BotContext, periods: readonly Period[], plans: readonly Plan[], idPrefix: string): Choice[] {
  const several = new Set(periods.map((p) => p.planId)).size > 1;
  const byId = new Map(plans.map((p) => [p.id, p]));
  return groupedByPlan(periods).map((p) => {
    const plan = byId.get(p.planId);
    const deadline = ctx.t('report.deadline_short', { deadline: formatDeadline(p, ctx.services.timezone) });
    const label = `${titleIn(p.title, ctx.lang)} (${deadline})`;
    return { id: `${idPrefix}${p.id}`, label: several && plan ? `[${shortPlanName(plan, ctx.lang)}] ${label}` : label };
  });
}
