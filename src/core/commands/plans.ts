import type { Command } from '../bot/command.ts';
import type { BotContext } from '../bot/bot-context.ts';
import type { Plan, PlanState } from '../domain/plan.ts';
import type { Period } from '../domain/types.ts';
import { foldText as fold } from '../../flow/fold.ts';
import { isOpen } from '../report/periods.ts';
import { formatDeadline, titleIn } from '../text/dates.ts';

/** A plan named by its id, or by words of its title when they fit one plan only. */
function findPlan(plans: readonly Plan[], words: string): Plan[] {
  const wanted = fold(words);
  if (!wanted) return [];
  const exact = plans.filter((p) => p.id === wanted);
  if (exact.length) return exact;
  return plans.filter((p) => fold(p.id).startsWith(wanted) || fold(p.title.vi).includes(wanted) || fold(p.title.en).includes(wanted));
}

/** Where a period stands now: taking reports, not open yet, or closed. */
function periodState(period: Period, now: Date): string {
  if (period.planArchived) return 'closed';
  if (isOpen(period, now)) return 'open';
  return period.opens && Date.parse(period.opens) > now.getTime() ? 'upcoming' : 'closed';
}

/** The period's level deadlines (plan.yaml's or set with /giahan … cấp), shallowest first; none: nothing. */
function levelLine(ctx: BotContext, period: Period): string[] {
  const levels = Object.entries(period.levelDeadlines ?? {}).sort(([a], [b]) => Number(a) - Number(b));
  if (levels.length === 0) return [];
  const zone = ctx.services.timezone;
  const parts = levels.map(([depth, d]) =>
    ctx.t('plans.list.level', { depth, deadline: formatDeadline({ unitDeadline: d.at, deadlineIsDateOnly: d.dateOnly }, zone) }),
  );
  return [ctx.t('plans.list.levels', { levels: parts.join(', ') })];
}

async function list(ctx: BotContext): Promise<void> {
  const { stores, clock, timezone } = ctx.services;
  const [plans, periods] = await Promise.all([stores.plans.list(), stores.periods.list()]);
  const now = clock();
  const ordered = [...plans.filter((p) => p.state === 'active'), ...plans.filter((p) => p.state === 'archived')];
  const blocks = ordered.map((plan) => {
    const own = periods.filter((p) => p.planId === plan.id);
    const head = ctx.t('plans.list.plan', {
      title: titleIn(plan.title, ctx.lang),
      id: plan.id,
      state: ctx.t(`plans.state.${plan.state}`),
      source: ctx.t(`plans.source.${plan.source}`),
    });
    const lines = own.flatMap((p) => [
      ctx.t('plans.list.period', {
        id: p.id,
        title: titleIn(p.title, ctx.lang),
        deadline: formatDeadline(p, timezone),
        state: ctx.t(`plans.period_state.${periodState(p, now)}`),
      }),
      ...levelLine(ctx, p),
    ]);
    return [head, ...(lines.length ? lines : [ctx.t('plans.list.no_periods')])].join('\n');
  });
  const hint = ctx.person?.role === 'admin' ? ['', ctx.t('plans.list.admin_hint')] : [];
  await ctx.reply({
    type: 'text',
    text: [ctx.t('plans.list.title', { count: plans.length }), '', blocks.join('\n\n'), ...hint].join('\n'),
  });
}

/** /kehoach dong|mo <plan>: archives a plan (no reports, no reminders; data kept) or opens it again. */
async function setState(ctx: BotContext, words: string, state: PlanState): Promise<void> {
  if (ctx.person?.role !== 'admin') return ctx.replyText('core.errors.admin_only', { command: 'kehoach' });
  const { stores, hooks } = ctx.services;
  const plans = await stores.plans.list();
  const found = findPlan(plans, words);
  if (found.length !== 1) {
    const key = found.length === 0 ? 'plans.close.unknown' : 'plans.close.ambiguous';
    return ctx.replyText(key, { name: words, list: (found.length ? found : plans).map((p) => p.id).join(', ') });
  }
  const plan = found[0]!;
  const title = titleIn(plan.title, ctx.lang);
  if (plan.state === state) return ctx.replyText(`plans.close.already_${state}`, { title });
  await stores.plans.setState(plan.id, state);
  if (state === 'active') {
    // Its periods' reminders are planned again (those already sent are not sent twice).
    for (const period of await stores.periods.list()) if (period.planId === plan.id) await hooks.periodChanged?.(period);
  }
  await ctx.replyText(state === 'archived' ? 'plans.close.archived' : 'plans.close.reopened', { title, id: plan.id });
}

/** Sub-commands of /kehoach, typed in Vietnamese or English. */
const SUBCOMMANDS = new Map<string, (ctx: BotContext, rest: string) => Promise<void>>([
  ['dong', (ctx, rest) => setState(ctx, rest, 'archived')],
  ['close', (ctx, rest) => setState(ctx, rest, 'archived')],
  ['luutru', (ctx, rest) => setState(ctx, rest, 'archived')],
  ['archive', (ctx, rest) => setState(ctx, rest, 'archived')],
  ['mo', (ctx, rest) => setState(ctx, rest, 'active')],
  ['molai', (ctx, rest) => setState(ctx, rest, 'active')],
  ['reopen', (ctx, rest) => setState(ctx, rest, 'active')],
]);

/** /kehoach: every plan with its periods and state; an admin closes (archives) or reopens a plan. */
export const plansCommand: Command = {
  names: ['kehoach', 'plans'],
  words: ['kế hoạch', 'các kế hoạch'],
  access: 'member',
  descriptionKey: 'plans.command',
  menu: true,
  async run(ctx, args) {
    const [sub = '', ...rest] = args.trim().split(/\s+/).filter(Boolean);
    if (!sub) return list(ctx);
    const handler = SUBCOMMANDS.get(fold(sub));
    if (!handler) return ctx.replyText('plans.usage');
    await handler(ctx, rest.join(' '));
  },
};
