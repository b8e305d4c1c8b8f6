import type { TextFn } from '../../flow/text-fn.ts';
import type { Lang } from '../../i18n/translator.ts';
import type { Plan } from '../domain/plan.ts';
import { titleIn } from '../text/dates.ts';

/** "📋 Kế hoạch: …", the line that names a period's plan in reminders, status and summaries. */
export function planLine(plan: Pick<Plan, 'title'>, t: TextFn, lang: Lang): string {
  return t('plans.plan_line', { plan: titleIn(plan.title, lang) });
}

/** Puts the plan's line after the first line of a text (its heading), or nothing when there is no plan. */
export function withPlanLine(text: string, plan: Pick<Plan, 'title'> | null | undefined, t: TextFn, lang: Lang): string {
  if (!plan) return text;
  const cut = text.indexOf('\n');
  const line = planLine(plan, t, lang);
  return cut < 0 ? `${text}\n${line}` : `${text.slice(0, cut)}\n${line}${text.slice(cut)}`;
}
