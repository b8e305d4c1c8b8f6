import type { BotContext } from '../bot/bot-context.ts';
import type { Period } from '../domain/types.ts';
import { loadTree, scopeOf } from '../org/scope.ts';
import { formatDeadline, formatDateTime, titleIn } from '../text/dates.ts';
import { laneOf } from '../report/unit-deadline.ts';
import type { TypedDeadline } from './extend.ts';

/** Depths a level deadline may name, as in plan.yaml's `deadlines.levels` (1 to 99). */
const MAX_DEPTH = 99;

/**
 * `/giahan <period> cấp <n> <date>`: a province admin gives the units `n` levels below the root their
 * own deadline (as `deadlines.levels` does in plan.yaml, for any period, also one created in chat);
 * with no date ("bỏ") the level's deadline is removed. It may not be later than the common deadline.
 */
export async function extendLevel(ctx: BotContext, period: Period, depth: number, deadline: TypedDeadline | null): Promise<void> {
  const { stores, timezone, clock, hooks, province } = ctx.services;
  if (ctx.person?.role !== 'admin' || scopeOf(ctx.person, province.code) !== province.code) {
    return ctx.replyText('reminders.extend.level_admin_only');
  }
  if (depth < 1 || depth > MAX_DEPTH) return ctx.replyText('reminders.extend.level_bad_depth', { depth });
  const title = titleIn(period.title, ctx.lang);
  const common = formatDeadline(period, timezone);
  if (!deadline) {
    if (laneOf(period, depth) === undefined) return ctx.replyText('reminders.extend.level_none', { period: title, depth });
    const updated = await stores.periods.setLevelDeadline(period.id, depth, null);
    if (!updated) return ctx.replyText('report.period_gone');
    await hooks.periodChanged?.(updated);
    return ctx.replyText('reminders.extend.level_removed', { period: title, depth, common });
  }
  const shown = deadline.dateOnly
    ? formatDeadline({ unitDeadline: deadline.iso, deadlineIsDateOnly: true }, timezone)
    : formatDateTime(deadline.iso, timezone);
  if (deadline.millis <= clock().getTime()) return ctx.replyText('reminders.extend.in_past', { deadline: shown });
  if (deadline.millis > Date.parse(period.unitDeadline)) {
    return ctx.replyText('reminders.extend.level_after_common', { depth, deadline: shown, common });
  }
  const updated = await stores.periods.setLevelDeadline(period.id, depth, { at: deadline.iso, dateOnly: deadline.dateOnly });
  if (!updated) return ctx.replyText('report.period_gone');
  await hooks.periodChanged?.(updated);
  const tree = await loadTree(stores, province.code);
  const count = tree.reportingByDepth(province.code).get(depth) ?? 0;
  await ctx.replyText('reminders.extend.level_done', { period: title, depth, deadline: shown, common, count });
}
