import type { Command } from '../bot/command.ts';
import type { BotContext } from '../bot/bot-context.ts';
import type { Period } from '../domain/types.ts';
import { subtreeStatus } from '../report/subtree-status.ts';
import { groupedByPlan } from '../plans/period-labels.ts';
import { planLine } from '../plans/plan-line.ts';
import { hasSubtreeDeadline, periodForLane, periodForUnit, subtreeLane } from '../report/unit-deadline.ts';
import { loadTree } from '../org/scope.ts';
import { formatDateTime, formatDeadline, titleIn } from '../text/dates.ts';

/** The periods still taking reports (deadline coming, or passed but not yet closed), nearest deadline first. */
function comingPeriods(periods: readonly Period[], now: Date): Period[] {
  return periods
    .filter((p) => Date.parse(p.closes) > now.getTime() && !p.planArchived)
    .sort((a, b) => Date.parse(a.unitDeadline) - Date.parse(b.unitDeadline));
}

/**
 * One line for a unit: its deadline and whether it has reported (on time or late) or is overdue; for a
 * unit that gathers and has set a deadline for the units below it, that deadline on a second line.
 */
async function unitLine(ctx: BotContext, basePeriod: Period, unitCode: string, now: Date): Promise<string> {
  const { stores, timezone } = ctx.services;
  // A subtree or a level may have its own deadline (communes before their district).
  const tree = await loadTree(stores, ctx.services.province.code);
  const period = periodForUnit(basePeriod, tree, unitCode);
  const below =
    !tree.isReporting(unitCode) && hasSubtreeDeadline(basePeriod, unitCode)
      ? `\n${ctx.t('reminders.deadlines.subtree', { unit: unitCode, deadline: formatDeadline(periodForLane(basePeriod, subtreeLane(unitCode)), timezone) })}`
      : '';
  return (await statusLine(ctx, period, unitCode, now)) + below;
}

/** The unit's deadline, and whether it has reported (on time or late) or is overdue. */
async function statusLine(ctx: BotContext, period: Period, unitCode: string, now: Date): Promise<string> {
  const { stores, timezone } = ctx.services;
  const latest = await stores.reports.latest(period.id, unitCode);
  const params = { period: titleIn(period.title, ctx.lang), deadline: formatDeadline(period, timezone), id: period.id };
  if (latest) {
    const key = latest.late ? 'reminders.deadlines.reported_late' : 'reminders.deadlines.reported';
    return ctx.t(key, { ...params, at: formatDateTime(latest.submittedAt, timezone) });
  }
  const overdue = now.getTime() > Date.parse(period.unitDeadline);
  return ctx.t(overdue ? 'reminders.deadlines.overdue' : 'reminders.deadlines.pending', params);
}

/**
 * One line for the province: the deadline and how many units have reported, from the roll-ups kept
 * on submit (a national tree's 100,000 reports are not read for two numbers).
 */
async function provinceLine(ctx: BotContext, period: Period): Promise<string> {
  const { stores, timezone, province } = ctx.services;
  const tree = await loadTree(stores, province.code);
  const { whole } = await subtreeStatus(stores, period, tree, province.code);
  return ctx.t('reminders.deadlines.province', {
    period: titleIn(period.title, ctx.lang),
    deadline: formatDeadline(period, timezone),
    id: period.id,
    reported: whole.reported,
    total: whole.total,
  });
}

/** /lich: the coming deadlines of the person's unit and whether it has reported (the province sees x/y). */
export const deadlinesCommand: Command = {
  names: ['lich', 'deadlines'],
  words: ['lịch', 'lịch báo cáo', 'lich bao cao'],
  access: 'member',
  descriptionKey: 'reminders.commands.deadlines',
  menu: true,
  async run(ctx) {
    const person = ctx.person!;
    const { stores, clock, province } = ctx.services;
    const now = clock();
    const [all, plans] = await Promise.all([stores.periods.list(), stores.plans.list()]);
    const periods = groupedByPlan(comingPeriods(all, now));
    if (periods.length === 0) return ctx.replyText('reminders.deadlines.none');
    const isProvince = person.unitCode === province.code;
    const unit = await stores.units.get(person.unitCode);
    const lines = await Promise.all(periods.map((p) => (isProvince ? provinceLine(ctx, p) : unitLine(ctx, p, person.unitCode, now))));
    // Several plans: each plan's deadlines under its name.
    if (new Set(periods.map((p) => p.planId)).size > 1) {
      const byId = new Map(plans.map((p) => [p.id, p]));
      for (let i = periods.length - 1; i >= 0; i -= 1) {
        const plan = byId.get(periods[i]!.planId);
        if (plan && periods[i - 1]?.planId !== periods[i]!.planId) lines.splice(i, 0, planLine(plan, ctx.t, ctx.lang));
      }
    }
    const heading = ctx.t('reminders.deadlines.heading', { unit: unit?.name ?? person.unitCode });
    const hint = isProvince ? [] : [ctx.t('reminders.deadlines.hint')];
    await ctx.reply({ type: 'text', text: [heading, ...lines, ...hint].join('\n') });
  },
};
