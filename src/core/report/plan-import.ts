import { periodSchema } from '../domain/period-schema.ts';
import type { BotContext } from '../bot/bot-context.ts';
import type { Period } from '../domain/types.ts';
import { resolveChoice } from '../bot/resolve-choice.ts';
import { formatDeadline, titleIn } from '../text/dates.ts';
import { SESSION_VERSION, writeSession, type Session } from './session.ts';

/** A leader sent a plan document: say what was found and propose its deadlines as reporting periods. */
export async function offerPlanImport(ctx: BotContext, content: Buffer, fileName: string): Promise<void> {
  const importer = ctx.services.importer;
  if (!importer) return ctx.replyText('documents.import_unavailable');
  let found: { summary: string; periods: Period[] };
  try {
    found = await importer.read(content, fileName, ctx.lang);
  } catch (error) {
    ctx.services.logger.warn({ err: error, file: fileName }, 'plan document could not be read');
    return ctx.replyText('documents.unreadable', { name: fileName });
  }
  if (found.periods.length === 0) {
    return ctx.reply({ type: 'text', text: `${found.summary}\n\n${ctx.t('documents.no_deadlines')}` });
  }
  const lines = found.periods.map(
    (p, i) =>
      `${i + 1}. ${titleIn(p.title, ctx.lang)} — ${ctx.t('report.deadline_short', { deadline: formatDeadline(p, ctx.services.timezone) })}`,
  );
  const choices = [
    { id: 'import:confirm', label: ctx.t('documents.confirm') },
    { id: 'import:cancel', label: ctx.t('documents.cancel') },
  ];
  await writeSession(ctx.services.stores, ctx.from.channel, ctx.from.userId, {
    v: SESSION_VERSION,
    kind: 'confirm_import',
    periods: found.periods,
    choices,
  });
  await ctx.reply(
    { type: 'text', text: found.summary },
    { type: 'choices', text: [ctx.t('documents.proposed_periods'), ...lines].join('\n'), choices },
  );
}

/** The leader's answer to the proposal. */
export async function confirmPlanImport(
  ctx: BotContext,
  session: Extract<Session, { kind: 'confirm_import' }>,
  input: { kind: 'text'; text: string } | { kind: 'choice'; id: string },
): Promise<void> {
  const { stores, hooks } = ctx.services;
  const choice = resolveChoice(session.choices, input);
  if (!choice) return ctx.replyChoices(ctx.t('documents.confirm_again'), session.choices);
  await stores.sessions.clear(ctx.from.channel, ctx.from.userId);
  if (choice.id !== 'import:confirm') return ctx.replyText('documents.import_cancelled');
  const created: string[] = [];
  for (const raw of session.periods) {
    const period = periodSchema.safeParse(raw);
    if (!period.success) continue;
    if (await stores.periods.addImported(period.data)) {
      created.push(period.data.id);
      await hooks.periodChanged?.(period.data);
    }
  }
  await ctx.replyText('documents.imported', { count: created.length, ids: created.join(', ') || '—' });
}
