import type { Period } from '../domain/types.ts';
import type { BotContext } from '../bot/bot-context.ts';
import { promptFor, restoreState, startForm, step, type FormInput, type FormState } from '../../flow/form-engine.ts';
import { resolveChoice } from '../bot/resolve-choice.ts';
import { formatDateTime, formatDeadline, titleIn } from '../text/dates.ts';
import { confirmPlanImport } from './plan-import.ts';
import { notifyReviewers } from '../review/notify-review.ts';
import { answerHistory, answerHistorySchema } from './answer-history.ts';
import { confirmFormUpload } from '../forms/form-upload.ts';
import { formOf } from '../plans/plan-of.ts';
import { isLate, isOpen, openPeriods } from './periods.ts';
import { matchPeriods } from '../plans/match-periods.ts';
import { periodChoices } from '../plans/period-labels.ts';
import { continuePeriodPick } from '../plans/pick-period.ts';
import type { Plan } from '../domain/plan.ts';
import { loadTree } from '../org/scope.ts';
import { periodForUnit } from './unit-deadline.ts';
import { foldText } from '../../flow/fold.ts';
import { readSession, writeSession, SESSION_VERSION, type ReportSession, type Session } from './session.ts';

/**
 * The officer's report conversation: choose the period, answer one question at a time (the form
 * engine), review, submit. Every answer is in Redis before the next question is sent.
 */
export async function startReport(ctx: BotContext, args: string): Promise<void> {
  const { stores, province } = ctx.services;
  const person = ctx.person;
  if (!person) return ctx.replyText('core.errors.not_member');
  if (ctx.isGroup) return ctx.replyText('report.private_only');
  // "/baocao thay XA01 [kỳ]": an officer of a unit above reports for a unit below that cannot.
  const target = await reportTarget(ctx, args);
  if (!target) return;
  args = target.rest;
  if (target.unitCode === province.code) return ctx.replyText('report.province_does_not_report');
  if (!target.onBehalf && !target.reports) return ctx.replyText('behalf.parent_unit', { examples: target.children });

  const now = ctx.services.clock();
  const [periods, plans] = await Promise.all([stores.periods.list(), stores.plans.list()]);
  const open = openPeriods(periods, now);
  const session = await readSession(stores, ctx.from.channel, ctx.from.userId);

  if (args) {
    const named = matchPeriods(periods, plans, args);
    const namedOpen = named.filter((p) => isOpen(p, now));
    if (named.length === 0) return ctx.replyText('report.unknown_period', { name: args, list: periods.map((p) => p.id).join(', ') });
    if (namedOpen.length === 0) return ctx.replyText('report.period_closed', { period: titleIn(named[0]!.title, ctx.lang) });
    if (namedOpen.length === 1) return beginPeriod(ctx, namedOpen[0]!, session, target.unitCode);
    if (target.onBehalf) {
      return ctx.replyText('behalf.name_period', { code: target.unitCode, list: namedOpen.map((p) => p.id).join(', ') });
    }
    return pickPeriod(ctx, namedOpen, plans);
  }
  if (session?.kind === 'report') {
    const period = open.find((p) => p.id === session.periodId);
    if (period && session.unitCode === target.unitCode) return resume(ctx, period, session);
  }
  if (open.length === 0) {
    const upcoming = periods.filter((p) => Date.parse(p.unitDeadline) > now.getTime());
    return ctx.replyText(upcoming.length ? 'report.not_open_yet' : 'report.no_open_period');
  }
  if (open.length === 1 && open[0]) return beginPeriod(ctx, open[0], session, target.unitCode);
  if (target.onBehalf) return ctx.replyText('behalf.name_period', { code: target.unitCode, list: open.map((p) => p.id).join(', ') });
  return pickPeriod(ctx, open, plans);
}

/** Asks which of several open periods (grouped by plan, nearest deadline first). */
async function pickPeriod(ctx: BotContext, open: readonly Period[], plans: readonly Plan[]): Promise<void> {
  const choices = periodChoices(ctx, open, plans, 'period:');
  await writeSession(ctx.services.stores, ctx.from.channel, ctx.from.userId, { v: SESSION_VERSION, kind: 'pick_period', choices });
  await ctx.replyChoices(ctx.t('report.pick_period'), choices);
}

async function beginPeriod(ctx: BotContext, period: Period, session: Session | null, unitCode = ctx.person!.unitCode): Promise<void> {
  const person = ctx.person!;
  if (session?.kind === 'report' && session.periodId === period.id && session.unitCode === unitCode) {
    return resume(ctx, period, session);
  }
  const { stores, timezone } = ctx.services;
  const [unit, previous, history, form] = await Promise.all([
    stores.units.get(unitCode),
    stores.reports.latest(period.id, unitCode),
    answerHistory(stores, period, unitCode, ctx.services.province.code),
    formOf(ctx.services, period),
  ]);
  const state = startForm(form, previous?.answers);
  const next: ReportSession = {
    v: SESSION_VERSION,
    kind: 'report',
    periodId: period.id,
    unitCode,
    ...(unitCode !== person.unitCode ? { onBehalfOf: person.unitCode } : {}),
    form: state,
    paused: false,
    baseRevision: previous?.revision ?? 0,
    history,
  };
  await writeSession(stores, ctx.from.channel, ctx.from.userId, next);
  const intro = ctx.t('report.intro', {
    period: titleIn(period.title, ctx.lang),
    unit: unit?.name ?? unitCode,
    deadline: formatDeadline(await periodOfUnit(ctx, period, unitCode), timezone),
  });
  const prefilled = previous
    ? `\n${ctx.t('report.prefilled', { revision: previous.revision, at: formatDateTime(previous.submittedAt, timezone) })}`
    : '';
  await ctx.reply({ type: 'text', text: intro + prefilled }, ...promptFor(form, state, ctx.t));
}

async function resume(ctx: BotContext, period: Period, session: ReportSession): Promise<void> {
  const { stores } = ctx.services;
  const form = await formOf(ctx.services, period);
  const state = restoreState(form, session.form) ?? startForm(form, answersOf(session.form));
  await writeSession(stores, ctx.from.channel, ctx.from.userId, { ...session, form: state, paused: false });
  await ctx.reply(
    { type: 'text', text: ctx.t('report.resuming', { period: titleIn(period.title, ctx.lang) }) },
    ...promptFor(form, state, ctx.t),
  );
}

/** Which unit a /baocao is for: the person's own, or "thay <code>" a unit below it (which then must report). */
async function reportTarget(
  ctx: BotContext,
  args: string,
): Promise<{ unitCode: string; onBehalf: boolean; reports: boolean; children: string; rest: string } | null> {
  const { stores, province } = ctx.services;
  const person = ctx.person!;
  const tree = await loadTree(stores, province.code);
  const [first = '', second = '', ...rest] = args.split(/\s+/).filter(Boolean);
  const children = () =>
    tree
      .reportingWithin(person.unitCode)
      .slice(0, 5)
      .map((u) => u.code)
      .join(', ');
  if (!BEHALF_WORDS.has(foldText(first))) {
    return { unitCode: person.unitCode, onBehalf: false, reports: tree.isReporting(person.unitCode), children: children(), rest: args };
  }
  const unit = second ? tree.get(second) : undefined;
  if (!unit) return (await ctx.replyText('behalf.usage', { examples: children() || '—' }), null);
  if (unit.code === person.unitCode || !tree.isWithin(unit.code, person.unitCode)) {
    return (await ctx.replyText('tree.outside_scope', { code: unit.code }), null);
  }
  if (!tree.isReporting(unit.code)) return (await ctx.replyText('behalf.not_reporting', { code: unit.code }), null);
  return { unitCode: unit.code, onBehalf: true, reports: true, children: '', rest: rest.join(' ') };
}

/** The period with the unit's own deadline: its subtree's (set with /giahan), else its level's, else the common one. */
async function periodOfUnit(ctx: BotContext, period: Period, unitCode: string): Promise<Period> {
  const tree = await loadTree(ctx.services.stores, ctx.services.province.code);
  return periodForUnit(period, tree, unitCode);
}

const BEHALF_WORDS = new Set(['thay', 'for', 'thay cho']);

/** Gives the message to the conversation in progress; false when there is none to take it. */
export async function continueConversation(ctx: BotContext, input: FormInput): Promise<boolean> {
  const { stores } = ctx.services;
  const session = await readSession(stores, ctx.from.channel, ctx.from.userId);
  if (!session) return false;
  const writer = session.kind === 'report' ? (session.onBehalfOf ?? session.unitCode) : null;
  if (session.kind !== 'confirm_import' && (!ctx.person || (writer !== null && writer !== ctx.person.unitCode))) {
    // Removed, or moved to another unit (by an admin) since the report began: never submit for the former unit.
    await stores.sessions.clear(ctx.from.channel, ctx.from.userId);
    await ctx.replyText(ctx.person ? 'report.unit_changed' : 'core.errors.not_member');
    return true;
  }
  if (session.kind === 'pick_period') {
    const choice = resolveChoice(session.choices, input);
    if (!choice) {
      await ctx.replyChoices(ctx.t('report.pick_period_again'), session.choices);
      return true;
    }
    const period = await stores.periods.get(choice.id.replace(/^period:/, ''));
    if (!period) return (await ctx.replyText('report.period_gone'), true);
    await beginPeriod(ctx, period, null);
    return true;
  }
  if (session.kind === 'pick_command_period') {
    await continuePeriodPick(ctx, session, input);
    return true;
  }
  if (session.kind === 'confirm_import') {
    await confirmPlanImport(ctx, session, input);
    return true;
  }
  if (session.kind === 'confirm_form') {
    await confirmFormUpload(ctx, session, input);
    return true;
  }
  if (session.paused) return false;
  await answer(ctx, session, input);
  return true;
}

async function answer(ctx: BotContext, session: ReportSession, input: FormInput): Promise<void> {
  const { stores, timezone } = ctx.services;
  const period = await stores.periods.get(session.periodId);
  if (!period) {
    await stores.sessions.clear(ctx.from.channel, ctx.from.userId);
    return ctx.replyText('report.period_gone');
  }
  const form = await formOf(ctx.services, period);
  const state: FormState = restoreState(form, session.form) ?? startForm(form, answersOf(session.form));
  const history = answerHistorySchema.safeParse(session.history ?? {});
  const result = step(form, state, input, ctx.t, history.success ? history.data : undefined);
  if (result.outcome !== 'submit') {
    await writeSession(stores, ctx.from.channel, ctx.from.userId, { ...session, form: result.state });
    return ctx.reply(...result.messages);
  }

  const now = ctx.services.clock();
  if (!isOpen(period, now)) {
    await writeSession(stores, ctx.from.channel, ctx.from.userId, { ...session, form: result.state });
    return ctx.replyText('report.period_closed', { period: titleIn(period.title, ctx.lang) });
  }
  const person = ctx.person!;
  // Another officer of the unit may have sent a report while this one was being filled in.
  const meanwhile = session.baseRevision === undefined ? null : await stores.reports.latest(period.id, session.unitCode);
  const overtaken =
    meanwhile && meanwhile.revision > (session.baseRevision ?? 0) && meanwhile.submittedBy.personId !== person.id ? meanwhile : null;
  // Keyed by the update: if this update is handled again (its process died before completing it),
  // the report is not stored twice.
  const revision = await stores.reports.submit(
    {
      periodId: period.id,
      unitCode: session.unitCode,
      ...(session.onBehalfOf ? { onBehalfOf: session.onBehalfOf } : {}),
      answers: result.state.answers,
      submittedBy: { personId: person.id, name: person.name, channel: ctx.from.channel },
      submittedAt: now.toISOString(),
      late: isLate(await periodOfUnit(ctx, period, session.unitCode), now),
    },
    { once: ctx.message.updateKey },
  );
  await stores.sessions.clear(ctx.from.channel, ctx.from.userId);
  const key = revision.late ? 'report.submitted_late' : 'report.submitted';
  await ctx.reply(...result.messages, {
    type: 'text',
    text: ctx.t(key, {
      period: titleIn(period.title, ctx.lang),
      at: formatDateTime(now, timezone),
      revision: revision.revision,
      deadline: formatDeadline(await periodOfUnit(ctx, period, session.unitCode), timezone),
    }),
  });
  await notifyReviewers(ctx.services, revision);
  if (overtaken) {
    await ctx.replyText('report.overtaken', {
      name: overtaken.submittedBy.name,
      revision: overtaken.revision,
      at: formatDateTime(overtaken.submittedAt, timezone),
    });
  }
}

/** /huy: stops the conversation; what was entered stays for /baocao to resume. */
export async function pauseConversation(ctx: BotContext): Promise<void> {
  const { stores } = ctx.services;
  const session = await readSession(stores, ctx.from.channel, ctx.from.userId);
  if (session?.kind === 'report' && !session.paused) {
    await writeSession(stores, ctx.from.channel, ctx.from.userId, { ...session, paused: true });
    const answered = Object.keys(answersOf(session.form)).length;
    return ctx.replyText('report.paused', { count: answered });
  }
  if (session && session.kind !== 'report') {
    await stores.sessions.clear(ctx.from.channel, ctx.from.userId);
    return ctx.replyText('core.cancelled');
  }
  await ctx.replyText('core.nothing_to_cancel');
}

function answersOf(raw: unknown): Record<string, never> {
  const answers = (raw as { answers?: unknown } | null)?.answers;
  return answers && typeof answers === 'object' ? (answers as Record<string, never>) : {};
}
