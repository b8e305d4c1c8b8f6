import { periodSchema, withPlan } from '../domain/period-schema.ts';
import type { BotContext } from '../bot/bot-context.ts';
import type { Period } from '../domain/types.ts';
import type { Choice } from '../messages.ts';
import { resolveChoice } from '../bot/resolve-choice.ts';
import { formatDeadline, titleIn } from '../text/dates.ts';
import { planFromDraft, type PlanDraft, type ProposedPlanPeriod } from '../plans/new-plan.ts';
import { DEFAULT_REMINDER_TIME } from '../../plan-bundle/plan-schema.ts';
import { SESSION_VERSION, writeSession, type Session } from './session.ts';
import { sayText } from '../../flow/form-text.ts';

const CONFIRM = 'import:confirm';

/**
 * A leader sent a plan document: say what was found and propose its deadlines as reporting periods of
 * a new plan, with the form to use (one choice per form the bot knows when there are several).
 */
export async function offerPlanImport(ctx: BotContext, content: Buffer, fileName: string): Promise<void> {
  const importer = ctx.services.importer;
  if (!importer) return ctx.replyText('documents.import_unavailable');
  let found: { summary: string; periods: ProposedPlanPeriod[]; draft: PlanDraft };
  try {
    found = await importer.read(content, fileName, ctx.lang);
  } catch (error) {
    ctx.services.logger.warn({ err: error, file: fileName }, 'plan document could not be read');
    return ctx.replyText('documents.unreadable', { name: fileName });
  }
  if (found.periods.length === 0) {
    return ctx.reply({ type: 'text', text: `${found.summary}\n\n${ctx.t('documents.no_deadlines')}` });
  }
  const lines = proposalLines(ctx, found.periods);
  const forms = ctx.services.forms.list();
  const confirmations: Choice[] =
    forms.length > 1
      ? forms.map((f) => ({ id: `${CONFIRM}:${f.id}`, label: ctx.t('plans.import.with_form', { form: sayText(f.title, ctx.t) }) }))
      : [{ id: CONFIRM, label: ctx.t('documents.confirm') }];
  const choices = [...confirmations, { id: 'import:cancel', label: ctx.t('documents.cancel') }];
  await writeSession(ctx.services.stores, ctx.from.channel, ctx.from.userId, {
    v: SESSION_VERSION,
    kind: 'confirm_import',
    periods: found.periods,
    draft: found.draft,
    choices,
  });
  await ctx.reply(
    { type: 'text', text: found.summary },
    { type: 'choices', text: [ctx.t('plans.import.proposed', { title: found.draft.title }), ...lines].join('\n'), choices },
  );
}

/** The leader's answer to the proposal: a new plan with its periods, document and form, or nothing. */
export async function confirmPlanImport(
  ctx: BotContext,
  session: Extract<Session, { kind: 'confirm_import' }>,
  input: { kind: 'text'; text: string } | { kind: 'choice'; id: string },
): Promise<void> {
  const { stores, hooks, forms } = ctx.services;
  const choice = resolveChoice(session.choices, input);
  if (!choice) return ctx.replyChoices(ctx.t('documents.confirm_again'), session.choices);
  await stores.sessions.clear(ctx.from.channel, ctx.from.userId);
  if (!choice.id.startsWith(CONFIRM)) return ctx.replyText('documents.import_cancelled');
  const proposed: ProposedPlanPeriod[] = session.periods.flatMap((raw) => {
    const parsed = periodSchema.safeParse(raw);
    if (!parsed.success) return [];
    const series = parsed.data.series;
    return [{ ...withPlan(parsed.data, stores.plans.defaultPlanId), ...(series ? { series } : {}) }];
  });
  if (!session.draft) return addToDefaultPlan(ctx, proposed);

  const chosen = choice.id.slice(CONFIRM.length + 1);
  const form = forms.get(chosen) ?? forms.get(forms.defaultId)!;
  const [plans, periods] = await Promise.all([stores.plans.list(), stores.periods.list()]);
  const created = planFromDraft(session.draft, proposed, {
    formId: form.id,
    timezone: ctx.services.timezone,
    reminderTime: DEFAULT_REMINDER_TIME,
    createdBy: ctx.person?.id ?? ctx.from.userId,
    now: ctx.services.clock(),
    takenPlanIds: new Set(plans.map((p) => p.id)),
    takenPeriodIds: new Set(periods.map((p) => p.id)),
  });
  if (!(await stores.plans.create(created.plan, session.draft.documentText, created.periods))) {
    return ctx.replyText('plans.import.taken', { id: created.plan.id });
  }
  for (const period of created.periods) await hooks.periodChanged?.(period);
  await ctx.replyText('plans.import.created', {
    count: created.periods.length,
    ids: created.periods.map((p) => p.id).join(', '),
    title: created.plan.title.vi,
    id: created.plan.id,
    form: sayText(form.title, ctx.t),
  });
  await sendDraftForm(ctx, session.draft, created.plan.id, created.plan.title.vi);
}

/** The plan's own targets as a draft form workbook, for the leader to edit and send back (nothing when it sets none). */
async function sendDraftForm(ctx: BotContext, draft: PlanDraft, planId: string, title: string): Promise<void> {
  const { importer, formWorkbook, logger } = ctx.services;
  if (!importer?.draftForm || !formWorkbook) return;
  try {
    const form = importer.draftForm(draft.documentText, draft.fileName, planId, title);
    if (!form) return;
    const content = await formWorkbook.write(form.spec, form.notes);
    const caption = ctx.t('forms.draft.caption', { count: form.notes.size });
    await ctx.reply({ type: 'file', fileName: `${form.spec.id}.xlsx`, mimeType: XLSX_TYPE, content, caption });
  } catch (error) {
    logger.warn({ err: error, plan: planId }, 'could not draft a form from the plan');
  }
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A proposal confirmed before plans existed (a session kept across the upgrade): periods of the default plan. */
async function addToDefaultPlan(ctx: BotContext, periods: readonly Period[]): Promise<void> {
  const { stores, hooks } = ctx.services;
  const created: string[] = [];
  for (const period of periods) {
    if (await stores.periods.addImported(period)) {
      created.push(period.id);
      await hooks.periodChanged?.(period);
    }
  }
  await ctx.replyText('documents.imported', { count: created.length, ids: created.join(', ') || '—' });
}

/** One line per proposed period, and one per recurring report ("Báo cáo tháng: 12 kỳ, hạn 20/01/2027 … 20/12/2027"). */
function proposalLines(ctx: BotContext, periods: readonly ProposedPlanPeriod[]): string[] {
  const zone = ctx.services.timezone;
  const lines: string[] = [];
  const seen = new Set<string>();
  for (const p of periods) {
    if (!p.series) {
      const province = p.provinceDeadline
        ? `; ${ctx.t('plans.import.province_deadline', { deadline: formatDeadline({ unitDeadline: p.provinceDeadline, deadlineIsDateOnly: p.deadlineIsDateOnly }, zone) })}`
        : '';
      lines.push(
        `${lines.length + 1}. ${titleIn(p.title, ctx.lang)} — ${ctx.t('report.deadline_short', { deadline: formatDeadline(p, zone) })}${province}`,
      );
      continue;
    }
    if (seen.has(p.series)) continue;
    seen.add(p.series);
    const all = periods.filter((o) => o.series === p.series);
    lines.push(
      `${lines.length + 1}. ${ctx.t('plans.import.series', {
        title: p.series,
        count: all.length,
        first: formatDeadline(all[0]!, zone),
        last: formatDeadline(all.at(-1)!, zone),
      })}`,
    );
  }
  return lines;
}
