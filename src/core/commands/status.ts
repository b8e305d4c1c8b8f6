import type { Command } from '../bot/command.ts';
import type { BotContext } from '../bot/bot-context.ts';
import type { Period } from '../domain/types.ts';
import { currentPeriod, findPeriod } from '../report/periods.ts';
import { periodStatus, type PeriodStatus } from '../report/period-status.ts';
import { renderStatus, renderSummary } from '../report/render-status.ts';
import { foldText as fold } from '../../flow/fold.ts';
import { provinceAudience } from '../report/province-audience.ts';
import { scopeOf } from '../org/scope.ts';
import { summaryChart } from '../exports/summary-chart.ts';

const LEADERS = ['leader', 'admin'] as const;

/** The period a leader's command names, or the current one; replies and returns null when none fits. */
export async function periodFromArgs(ctx: BotContext, args: string): Promise<Period | null> {
  const periods = await ctx.services.stores.periods.list();
  const period = args ? findPeriod(periods, args) : currentPeriod(periods, ctx.services.clock());
  if (!period) {
    await ctx.replyText(args ? 'report.unknown_period' : 'report.no_periods', {
      name: args,
      list: periods.map((p) => p.id).join(', '),
    });
    return null;
  }
  return period;
}

/** Who reported for the period the leader named (or the current one); null after replying when none fits. */
export async function statusFromArgs(ctx: BotContext, args: string): Promise<PeriodStatus | null> {
  const period = await periodFromArgs(ctx, args);
  const { stores, province } = ctx.services;
  return period ? periodStatus(stores, period, province.code, scopeOf(ctx.person, province.code)) : null;
}

export const statusCommand: Command = {
  names: ['tinhhinh', 'status'],
  words: ['tình hình', 'tinh hinh'],
  access: LEADERS,
  descriptionKey: 'commands.status',
  menu: true,
  async run(ctx, args) {
    const status = await statusFromArgs(ctx, args);
    if (status) await ctx.reply({ type: 'text', text: renderStatus(status, ctx.t, ctx.lang, ctx.services.timezone) });
  },
};

/** Words after /tonghop that mean "post it to the provincial group". */
const TO_GROUP = new Set(['nhom', 'group']);

export const summaryCommand: Command = {
  names: ['tonghop', 'summary'],
  words: ['tổng hợp', 'tong hop'],
  access: LEADERS,
  descriptionKey: 'commands.summary',
  menu: true,
  async run(ctx, args) {
    const words = args.split(/\s+/).filter(Boolean);
    const toGroup = words.some((w) => TO_GROUP.has(fold(w)));
    const status = await statusFromArgs(ctx, words.filter((w) => !TO_GROUP.has(fold(w))).join(' '));
    if (!status) return;
    const { stores, form, timezone } = ctx.services;
    if (!toGroup) {
      await ctx.reply({ type: 'text', text: renderSummary(status, form, ctx.t, ctx.lang, timezone) });
      const chart = await summaryChart(ctx.services, status, ctx.lang);
      if (chart) await ctx.reply(chart);
      return;
    }
    const audience = await provinceAudience(stores, ctx.services.channels);
    if (audience.length === 0) return ctx.replyText('status.no_group');
    // The province reads Vietnamese first.
    const text = renderSummary(status, form, (k, p) => ctx.services.translator.t('vi', k, p), 'vi', timezone);
    const chart = await summaryChart(ctx.services, status, 'vi');
    for (const chat of audience) await ctx.services.outbound.sendMany(chat, [{ type: 'text', text }, ...(chart ? [chart] : [])]);
    await ctx.replyText('status.posted_to_group', { count: audience.length });
  },
};
