import { DateTime } from 'luxon';
import type { Command } from '../bot/command.ts';
import { formatDateTime, formatDeadline, titleIn } from '../text/dates.ts';
import type { BotContext } from '../bot/bot-context.ts';
import type { Period } from '../domain/types.ts';
import { periodFromArgs } from './status.ts';
import { scopeOf } from '../org/scope.ts';
import { unitInArgs } from '../org/unit-in-args.ts';
import type { UnitTree } from '../org/unit-tree.ts';
import { hasSubtreeDeadline, periodForUnit, periodOwedBy } from '../report/unit-deadline.ts';
import { foldText } from '../../flow/fold.ts';
import { extendLevel } from './extend-level.ts';

/** Late reports stay accepted at least this long after a moved deadline. */
const LATE_WINDOW_DAYS = 30;

/** A deadline typed by a leader, resolved in the zone: a date means the end of that day. */
export interface TypedDeadline {
  iso: string;
  dateOnly: boolean;
  millis: number;
}

const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?:\s+(\d{1,2})(?:[:hg](\d{2})(?::(\d{2}))?|[hg]))?$/i;
const ISO_LIKE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/i;

/**
 * Reads "25/6/2027", "25/06/27" (a two-digit year is 20xx), "25/06/2027 17:00", "25/06/2027 17h00",
 * "25/06/2027 17h", "2027-06-25" or "2027-06-25T17:00" (seconds allowed) in `zone`; null when it is
 * not such a date or the date does not exist.
 */
export function parseTypedDeadline(text: string, zone: string): TypedDeadline | null {
  const trimmed = text.trim();
  const dayFirst = DAY_FIRST.exec(trimmed);
  const isoLike = dayFirst ? null : ISO_LIKE.exec(trimmed);
  const parts = dayFirst
    ? { day: dayFirst[1], month: dayFirst[2], year: fullYear(dayFirst[3]!), hour: dayFirst[4], minute: dayFirst[5], second: dayFirst[6] }
    : isoLike
      ? { year: isoLike[1], month: isoLike[2], day: isoLike[3], hour: isoLike[4], minute: isoLike[5], second: isoLike[6] }
      : null;
  if (!parts) return null;
  const dateOnly = parts.hour === undefined;
  let time = DateTime.fromObject(
    {
      year: Number(parts.year),
      month: Number(parts.month),
      day: Number(parts.day),
      hour: Number(parts.hour ?? 0),
      minute: Number(parts.minute ?? 0),
      second: Number(parts.second ?? 0),
    },
    { zone },
  );
  if (!time.isValid) return null;
  if (dateOnly) time = time.endOf('day').set({ millisecond: 0 });
  return { iso: time.toISO({ suppressMilliseconds: true }) ?? '', dateOnly, millis: time.toMillis() };
}

/** "27" → "2027": officers often write the year with two digits. */
function fullYear(year: string): string {
  return year.length === 2 ? String(2000 + Number(year)) : year;
}

/** Splits "<period words> <date> [time]" into the period words and the deadline (the date comes last). */
export function splitExtendArgs(args: string, zone: string): { period: string; deadline: TypedDeadline } | null {
  const words = args.split(/\s+/).filter(Boolean);
  for (const take of [2, 1]) {
    if (words.length < take) continue;
    const deadline = parseTypedDeadline(words.slice(-take).join(' '), zone);
    if (deadline) return { period: words.slice(0, -take).join(' '), deadline };
  }
  return null;
}

/** The closing instant that keeps late reports open at least LATE_WINDOW_DAYS after `deadline`. */
function closesAfter(period: Period, deadline: TypedDeadline): string {
  const lateUntil = DateTime.fromISO(deadline.iso, { setZone: true }).plus({ days: LATE_WINDOW_DAYS });
  return Date.parse(period.closes) >= lateUntil.toMillis()
    ? period.closes
    : (lateUntil.toISO({ suppressMilliseconds: true }) ?? period.closes);
}

/** The province moves the common deadline of a period (as it always did). */
async function extendCommon(ctx: BotContext, period: Period, deadline: TypedDeadline): Promise<void> {
  const { stores, timezone, hooks } = ctx.services;
  const updated = await stores.periods.setDeadline(period.id, {
    unitDeadline: deadline.iso,
    closes: closesAfter(period, deadline),
    deadlineIsDateOnly: deadline.dateOnly,
  });
  if (!updated) return ctx.replyText('report.period_gone');
  await hooks.periodChanged?.(updated);
  await ctx.replyText('reminders.extend.done', {
    period: titleIn(updated.title, ctx.lang),
    deadline: formatDeadline(updated, timezone),
    closes: formatDateTime(updated.closes, timezone),
  });
}

/**
 * Sets the deadline of the units below `unitCode`. A leader or admin below the province may not give
 * a date later than the deadline their own unit owes the unit above it.
 */
async function extendSubtree(ctx: BotContext, period: Period, tree: UnitTree, unitCode: string, deadline: TypedDeadline): Promise<void> {
  const { stores, timezone, hooks, province } = ctx.services;
  const own = scopeOf(ctx.person, province.code);
  const shown = formatDeadline({ unitDeadline: deadline.iso, deadlineIsDateOnly: deadline.dateOnly }, timezone);
  if (own !== province.code) {
    // The deadline the own unit has now: what it owes upward, or, when it reports itself, the
    // deadline set for it from above (its leader may not move that one later).
    const owed = periodForUnit(period, tree, own);
    if (deadline.millis > Date.parse(owed.unitDeadline)) {
      return ctx.replyText('reminders.extend.after_own_deadline', {
        deadline: shown,
        code: unitCode,
        own,
        owed: formatDeadline(owed, timezone),
      });
    }
  }
  // The closing is stored only when this deadline pushes it back (a plan.yaml closing otherwise stays the plan's).
  const closes = closesAfter(period, deadline);
  const updated = await stores.periods.setSubtreeDeadline(
    period.id,
    unitCode,
    { at: deadline.iso, dateOnly: deadline.dateOnly },
    closes === period.closes ? undefined : closes,
  );
  if (!updated) return ctx.replyText('report.period_gone');
  await hooks.periodChanged?.(updated);
  const done = {
    period: titleIn(updated.title, ctx.lang),
    code: unitCode,
    name: tree.get(unitCode)?.name ?? unitCode,
    deadline: shown,
    closes: formatDateTime(updated.closes, timezone),
  };
  // A unit that reports has no units below it: the deadline is its own.
  if (tree.isReporting(unitCode)) return ctx.replyText('reminders.extend.done_unit', done);
  await ctx.replyText('reminders.extend.done_subtree', {
    ...done,
    owed: formatDeadline(periodOwedBy(updated, tree, unitCode), timezone),
  });
}

/**
 * Removes the deadline set for the subtree of `unitCode` (within the person's scope, checked before).
 * One set for a unit that reports is that unit's own deadline: its own leaders may not remove it.
 */
async function removeSubtree(ctx: BotContext, period: Period, tree: UnitTree, unitCode: string): Promise<void> {
  const { stores, hooks, timezone, province } = ctx.services;
  const title = titleIn(period.title, ctx.lang);
  if (!hasSubtreeDeadline(period, unitCode)) return ctx.replyText('reminders.extend.subtree_none', { period: title, code: unitCode });
  if (unitCode === scopeOf(ctx.person, province.code) && tree.isReporting(unitCode)) {
    const deadline = formatDeadline(periodForUnit(period, tree, unitCode), timezone);
    return ctx.replyText('reminders.extend.own_deadline_remove', { code: unitCode, deadline });
  }
  const updated = await stores.periods.setSubtreeDeadline(period.id, unitCode, null);
  if (!updated) return ctx.replyText('report.period_gone');
  await hooks.periodChanged?.(updated);
  await ctx.replyText('reminders.extend.subtree_removed', { period: title, code: unitCode });
}

/** Words that, in place of the date, remove a deadline set for a subtree or a level. */
const REMOVE_WORDS = new Set(['bo', 'xoa', 'remove', 'clear']);

/** "cấp 2" / "level 2" among the period words: the depth, and the other words. */
function levelIn(words: string): { depth: number | null; rest: string } {
  const list = words.split(/\s+/).filter(Boolean);
  const at = list.findIndex((w, i) => LEVEL_WORDS.has(foldText(w)) && /^\d{1,2}$/.test(list[i + 1] ?? ''));
  if (at < 0) return { depth: null, rest: words };
  return { depth: Number(list[at + 1]), rest: list.filter((_, i) => i !== at && i !== at + 1).join(' ') };
}

const LEVEL_WORDS = new Set(['cap', 'level']);

/**
 * /giahan [unit] <period> <date or date and time>. The province's leaders and admins, naming no unit,
 * move the period's common deadline (as always). Naming a unit, or as a leader or admin of a unit
 * below the province, it sets the deadline of the units below that unit (within their own subtree
 * only, and not later than what their own unit owes upward). Late reports stay open at least 30 days
 * after it, and the period's reminders are planned again (those already sent for an offset are not
 * sent again). `/giahan <period> cấp <n> <date>`: a province admin sets the deadline of a level.
 * "bỏ" in place of the date removes a subtree's or a level's deadline.
 */
export const extendCommand: Command = {
  names: ['giahan', 'extend'],
  words: ['gia hạn'],
  access: ['leader', 'admin'],
  descriptionKey: 'reminders.commands.extend',
  subtreeDescriptionKey: 'reminders.commands.extend_subtree',
  menu: true,
  async run(ctx, args) {
    const { stores, timezone, clock, province } = ctx.services;
    const words = args.trim().split(/\s+/).filter(Boolean);
    const removing = words.length > 1 && REMOVE_WORDS.has(foldText(words.at(-1)!));
    const split = removing ? { period: words.slice(0, -1).join(' '), deadline: null } : splitExtendArgs(args, timezone);
    if (!split) {
      const typedDate = words.find((w) => /^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}/.test(w));
      if (typedDate) return ctx.replyText('reminders.extend.bad_date', { date: typedDate });
      const periods = await stores.periods.list();
      const usage = scopeOf(ctx.person, province.code) === province.code ? 'reminders.extend.usage' : 'reminders.extend.usage_subtree';
      return ctx.replyText(usage, { list: periods.map((p) => p.id).join(', ') || '—', own: ctx.person?.unitCode ?? '' });
    }
    const dateWords = words.slice(split.period ? split.period.split(/\s+/).length : 0).join(' ');
    const level = levelIn(split.period);
    if (level.depth !== null) {
      const rerun = { command: 'giahan', template: `{period} cap ${level.depth} ${dateWords}` };
      const period = await periodFromArgs(ctx, level.rest, rerun);
      return period ? extendLevel(ctx, period, level.depth, split.deadline) : undefined;
    }
    const target = await unitInArgs(ctx, split.period);
    if (!target) return;
    const unitWord = target.rest === split.period ? '' : `${target.unitCode} `;
    const period = await periodFromArgs(ctx, target.rest, { command: 'giahan', template: `${unitWord}{period} ${dateWords}` });
    if (!period) return;
    const { deadline } = split;
    if (!deadline) {
      if (target.unitCode === province.code) return ctx.replyText('reminders.extend.remove_common');
      return removeSubtree(ctx, period, target.tree, target.unitCode);
    }
    const shown = deadline.dateOnly
      ? formatDeadline({ unitDeadline: deadline.iso, deadlineIsDateOnly: true }, timezone)
      : formatDateTime(deadline.iso, timezone);
    if (deadline.millis <= clock().getTime()) return ctx.replyText('reminders.extend.in_past', { deadline: shown });
    if (target.unitCode === province.code) return extendCommon(ctx, period, deadline);
    return extendSubtree(ctx, period, target.tree, target.unitCode, deadline);
  },
};
