import type { Command } from '../bot/command.ts';
import { isOpen } from '../report/periods.ts';
import { periodStatus } from '../report/period-status.ts';
import { titleIn } from '../text/dates.ts';
import { periodFromArgs } from './status.ts';
import { scopeOf } from '../org/scope.ts';

/**
 * /nhacnho [period]: nudges every officer of each unit that has not reported, now. A second /nhacnho
 * within a minute does not message the same people again (the reminders side keeps that window).
 */
export const remindCommand: Command = {
  names: ['nhacnho', 'remind'],
  words: ['nhắc nhở'],
  access: ['leader', 'admin'],
  descriptionKey: 'reminders.commands.remind',
  menu: true,
  async run(ctx, args) {
    const { hooks, stores, province, clock } = ctx.services;
    if (!hooks.remindNow) return ctx.replyText('reminders.remind.unavailable');
    const period = await periodFromArgs(ctx, args, { command: 'nhacnho', template: '{period}' });
    if (!period) return;
    const title = titleIn(period.title, ctx.lang);
    if (!isOpen(period, clock())) return ctx.replyText('reminders.remind.not_open', { period: title });
    const scope = scopeOf(ctx.person, province.code);
    const status = await periodStatus(stores, period, province.code, scope);
    if (status.missing.length === 0) return ctx.replyText('reminders.remind.all_reported', { period: title });
    const withOfficers = status.missing.filter((s) => s.officers.length > 0);
    if (withOfficers.length === 0) {
      return ctx.replyText('reminders.remind.no_officers', { units: status.missing.map((s) => s.unit.name).join(', ') });
    }
    const count = await hooks.remindNow(period, scope);
    const without = status.missing.filter((s) => s.officers.length === 0).map((s) => s.unit.name);
    const lines = [ctx.t('reminders.remind.done', { people: count, units: withOfficers.length, period: title })];
    if (count === 0) lines.push(ctx.t('reminders.remind.recently'));
    if (without.length) lines.push(ctx.t('reminders.remind.units_without_officers', { units: without.join(', ') }));
    await ctx.reply({ type: 'text', text: lines.join('\n') });
  },
};
