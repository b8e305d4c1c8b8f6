import type { Command } from '../bot/command.ts';
import type { BotContext } from '../bot/bot-context.ts';
import type { OutboundMessage } from '../messages.ts';
import { periodFromArgs, type Rerun } from '../plans/pick-period.ts';
import { formOf } from '../plans/plan-of.ts';
import { periodStatus, type PeriodStatus } from '../report/period-status.ts';
import { renderStatus, renderSummary } from '../report/render-status.ts';
import { foldText as fold } from '../../flow/fold.ts';
import { provinceAudience } from '../report/province-audience.ts';
import { subtreeChart, summaryChart } from '../exports/summary-chart.ts';
import { unitInArgs, type UnitInArgs } from '../org/unit-in-args.ts';
import { subtreeStatus } from '../report/subtree-status.ts';
import { renderSubtreeStatus, renderSubtreeSummary } from '../report/render-subtree.ts';
import { offerChoices } from '../bot/offered-choices.ts';
import { periodBelow } from '../report/unit-deadline.ts';

/** Up to this many reporting units, /tinhhinh and /tonghop list every unit; above it, the child units with their x/y. */
export const DETAIL_LIMIT = 40;

function isLarge(target: UnitInArgs): boolean {
  return target.tree.reportingCount(target.unitCode) > DETAIL_LIMIT;
}

/** Under a detailed list, each child unit that has units below it, with x/y reported below it. */
function childrenBlock(status: PeriodStatus, target: UnitInArgs, t: BotContext['t']): string[] {
  const { tree, unitCode } = target;
  const parents = tree.children(unitCode).filter((c) => !tree.isReporting(c.code));
  if (parents.length === 0) return [];
  const lines = ['', t('tree.children_heading', { count: tree.children(unitCode).length })];
  for (const child of parents) {
    const below = status.units.filter((s) => tree.isWithin(s.unit.code, child.code));
    const reported = below.filter((s) => s.latest).length;
    const total = below.length;
    lines.push(
      t('tree.child', { code: child.code, name: child.name, reported, total, percent: total ? Math.round((reported / total) * 100) : 0 }),
    );
  }
  return lines;
}

const LEADERS = ['leader', 'admin'] as const;

export { periodFromArgs };

/**
 * How to run a command again once the leader has chosen which plan's period: its other words (unit,
 * "nhom", "csv"…) kept, the period words replaced by the chosen period's id.
 */
export function rerunOf(command: string, args: string, periodWords: string, keep = ''): Rerun {
  const others = periodWords ? args.replace(periodWords, ' ') : args;
  return { command, template: `{period} ${others} ${keep}`.replace(/\s+/g, ' ').trim() };
}

/**
 * Who reported for the period the leader named (or the current one) below the unit named (or their
 * own); null after replying, or after asking which plan's period (`command` then runs again with it).
 */
export async function statusFromArgs(
  ctx: BotContext,
  args: string,
  again?: { command: string; keep?: string },
): Promise<PeriodStatus | null> {
  const target = await unitInArgs(ctx, args);
  const rerun = again && target ? rerunOf(again.command, args, target.rest, again.keep) : undefined;
  const period = target && (await periodFromArgs(ctx, target.rest, rerun));
  const { stores, province } = ctx.services;
  return period && target ? periodStatus(stores, period, province.code, target.unitCode) : null;
}

export const statusCommand: Command = {
  names: ['tinhhinh', 'status'],
  words: ['tình hình', 'tinh hinh'],
  access: LEADERS,
  descriptionKey: 'commands.status',
  menu: true,
  async run(ctx, args) {
    const target = await unitInArgs(ctx, args);
    const period = target && (await periodFromArgs(ctx, target.rest, rerunOf('tinhhinh', args, target.rest)));
    if (!target || !period) return;
    const { stores, province, timezone } = ctx.services;
    // The deadline shown is the one the units below have when a deadline was set for their subtree.
    const shown = periodBelow(period, target.tree, target.unitCode);
    if (isLarge(target)) {
      const status = { ...(await subtreeStatus(stores, period, target.tree, target.unitCode)), period: shown };
      const { text, choices } = renderSubtreeStatus(status, ctx.t, ctx.lang, timezone);
      return choices.length ? offerChoices(ctx, text, choices) : ctx.reply({ type: 'text', text });
    }
    const status = { ...(await periodStatus(stores, period, province.code, target.unitCode)), period: shown };
    const text = renderStatus(status, ctx.t, ctx.lang, timezone);
    await ctx.reply({ type: 'text', text: [text, ...childrenBlock(status, target, ctx.t)].join('\n') });
  },
};

/** Words after /tonghop that mean "post it to the provincial group". */
const TO_GROUP = new Set(['nhom', 'group']);
/** Words after /tonghop that mean "totals of accepted reports only". */
const ACCEPTED_ONLY = new Set(['duyet', 'daduyet', 'accepted']);

export const summaryCommand: Command = {
  names: ['tonghop', 'summary'],
  words: ['tổng hợp', 'tong hop'],
  access: LEADERS,
  descriptionKey: 'commands.summary',
  menu: true,
  async run(ctx, args) {
    const words = args.split(/\s+/).filter(Boolean);
    const toGroup = words.some((w) => TO_GROUP.has(fold(w)));
    const acceptedOnly = words.some((w) => ACCEPTED_ONLY.has(fold(w)));
    const target = await unitInArgs(ctx, words.filter((w) => !TO_GROUP.has(fold(w)) && !ACCEPTED_ONLY.has(fold(w))).join(' '));
    const period = target && (await periodFromArgs(ctx, target.rest, rerunOf('tonghop', args, target.rest)));
    if (!target || !period) return;
    const { stores, timezone, province } = ctx.services;
    const form = await formOf(ctx.services, period);
    // A large subtree is summed from the roll-ups (its chart has a bar per child unit); a small one lists its units.
    const status = isLarge(target) ? null : await periodStatus(stores, period, province.code, target.unitCode);
    const render = async (t: BotContext['t'], lang: BotContext['lang']): Promise<OutboundMessage[]> => {
      if (!status) {
        const subtree = await subtreeStatus(stores, period, target.tree, target.unitCode);
        const chart = await subtreeChart(ctx.services, subtree, form, lang);
        return [{ type: 'text', text: renderSubtreeSummary(subtree, form, acceptedOnly, t, lang, timezone) }, ...(chart ? [chart] : [])];
      }
      const accepted = status.reported.filter((s) => s.latest?.review?.state === 'accepted');
      const text = acceptedOnly
        ? `${renderSummary({ ...status, reported: accepted }, form, t, lang, timezone)}\n${t('review.totals_note_accepted')}`
        : `${renderSummary(status, form, t, lang, timezone)}\n${t('review.totals_note_all')}`;
      const chart = await summaryChart(ctx.services, status, lang);
      return [{ type: 'text', text }, ...(chart ? [chart] : [])];
    };
    if (!toGroup) return ctx.reply(...(await render(ctx.t, ctx.lang)));
    const audience = await provinceAudience(stores, ctx.services.channels, province.code);
    if (audience.length === 0) return ctx.replyText('status.no_group');
    // The province reads Vietnamese first.
    const messages = await render((k, p) => ctx.services.translator.t('vi', k, p), 'vi');
    for (const chat of audience) await ctx.services.outbound.sendMany(chat, messages);
    await ctx.replyText('status.posted_to_group', { count: audience.length });
  },
};
