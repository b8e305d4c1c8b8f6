import type { BotContext } from '../bot/bot-context.ts';
import { mayRun } from '../bot/command.ts';
import { resolveChoice } from '../bot/resolve-choice.ts';
import type { Plan } from '../domain/plan.ts';
import type { Period } from '../domain/types.ts';
import { currentPeriod, openPeriods } from '../report/periods.ts';
import { readSession, writeSession, SESSION_VERSION, type Session } from '../report/session.ts';
import { matchPeriods } from './match-periods.ts';
import { groupedByPlan, periodChoices, shortPlanName } from './period-labels.ts';
import { titleIn } from '../text/dates.ts';

/** How to run a command again once the person has chosen the period: its name and its arguments, "{period}" standing for the period id. */
export interface Rerun {
  command: string;
  template: string;
}

const CHOICE_PREFIX = 'cmdperiod:';

/**
 * The period a leader's command names, across every plan, or when it names none the current one. When
 * the words fit periods of several plans, or none is named and several plans have periods open, the
 * person is asked (buttons on Telegram, numbered lines elsewhere) and the command runs again with the
 * chosen period. Replies and returns null when there is nothing to run now.
 */
export async function periodFromArgs(ctx: BotContext, words: string, rerun?: Rerun): Promise<Period | null> {
  const { stores, clock } = ctx.services;
  const [periods, plans] = await Promise.all([stores.periods.list(), stores.plans.list()]);
  const now = clock();
  if (words) {
    const found = matchPeriods(periods, plans, words);
    if (found.length === 1) return found[0]!;
    if (found.length === 0) {
      await ctx.replyText('report.unknown_period', { name: words, list: periods.map((p) => p.id).join(', ') });
      return null;
    }
    await askPeriod(ctx, found, plans, rerun);
    return null;
  }
  const open = openPeriods(periods, now);
  if (new Set(open.map((p) => p.planId)).size > 1) {
    await askPeriod(ctx, open, plans, rerun);
    return null;
  }
  const period = currentPeriod(periods, now);
  if (!period) await ctx.replyText('report.no_periods', { name: '', list: '' });
  return period ?? null;
}

/** Asks which period: as choices that run the command again, or (in the middle of a report) as a list to type from. */
async function askPeriod(ctx: BotContext, periods: readonly Period[], plans: readonly Plan[], rerun?: Rerun): Promise<void> {
  const { stores } = ctx.services;
  const session = await readSession(stores, ctx.from.channel, ctx.from.userId);
  if (!rerun || session?.kind === 'report') {
    const byId = new Map(plans.map((p) => [p.id, p]));
    const lines = groupedByPlan(periods).map((p) => {
      const plan = byId.get(p.planId);
      return `• ${p.id} — ${titleIn(p.title, ctx.lang)}${plan ? ` (${shortPlanName(plan, ctx.lang)})` : ''}`;
    });
    return ctx.replyText('plans.pick.typed', { command: rerun?.command ?? '', list: lines.join('\n') });
  }
  const choices = periodChoices(ctx, periods, plans, CHOICE_PREFIX);
  await writeSession(stores, ctx.from.channel, ctx.from.userId, {
    v: SESSION_VERSION,
    kind: 'pick_command_period',
    command: rerun.command,
    template: rerun.template,
    choices,
  });
  await ctx.replyChoices(ctx.t('plans.pick.which'), choices);
}

/** The person chose a period for a command that asked: run it with that period. */
export async function continuePeriodPick(
  ctx: BotContext,
  session: Extract<Session, { kind: 'pick_command_period' }>,
  input: { kind: 'text'; text: string } | { kind: 'choice'; id: string },
): Promise<void> {
  const choice = resolveChoice(session.choices, input);
  if (!choice) return ctx.replyChoices(ctx.t('plans.pick.again'), session.choices);
  await ctx.services.stores.sessions.clear(ctx.from.channel, ctx.from.userId);
  const command = ctx.commands.find((c) => c.names.includes(session.command));
  if (!command || !mayRun(command.access, ctx.person?.role ?? null)) return ctx.replyText('core.errors.stale_choice');
  const periodId = choice.id.slice(CHOICE_PREFIX.length);
  await command.run(ctx, session.template.replace('{period}', periodId));
}
