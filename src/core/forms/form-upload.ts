import type { BotContext } from '../bot/bot-context.ts';
import { resolveChoice } from '../bot/resolve-choice.ts';
import type { Plan } from '../domain/plan.ts';
import { safeParseFormSpec, type FormSpec } from '../../flow/form-spec.ts';
import { sayText } from '../../flow/form-text.ts';
import { xlsIssueText } from '../../flow/xlsform/issue-text.ts';
import { SESSION_VERSION, writeSession, type Session } from '../report/session.ts';
import { formPreview, revisionChanges } from './form-preview.ts';

const MAX_ISSUES_SHOWN = 25;

/**
 * An admin or leader sent an .xlsx form: read it whole; on mistakes list them (sheet, row, column) and
 * change nothing; otherwise show the preview, what a revision keeps, and ask to confirm. A form whose id
 * the bot knows is a new revision of it (for every plan using it); a new form is put to one plan.
 */
export async function offerFormUpload(ctx: BotContext, content: Buffer, fileName: string): Promise<void> {
  const workbook = ctx.services.formWorkbook;
  if (!workbook) return ctx.replyText('forms.upload.unavailable');
  // A form is the same for every unit: only the province's leaders and admins change it.
  if (ctx.person?.unitCode !== ctx.services.province.code) return ctx.replyText('forms.upload.province_only');
  const read = await workbook.read(content);
  if (!read.ok) {
    if ('unreadable' in read) return ctx.replyText(`forms.upload.${read.unreadable}`, { name: fileName });
    const lines = read.issues.slice(0, MAX_ISSUES_SHOWN).map((issue) => `• ${xlsIssueText(issue, ctx.t)}`);
    if (read.issues.length > MAX_ISSUES_SHOWN)
      lines.push(ctx.t('forms.upload.more_issues', { count: read.issues.length - MAX_ISSUES_SHOWN }));
    return ctx.reply({
      type: 'text',
      text: [ctx.t('forms.upload.refused', { name: fileName, count: read.issues.length }), ...lines].join('\n'),
    });
  }
  const spec = read.spec;
  const plans = (await ctx.services.stores.plans.list()).filter((p) => p.state === 'active');
  const current = ctx.services.forms.get(spec.id);
  const lines = [formPreview(spec, ctx.t), ''];
  let choices;
  let planId: string | null = null;
  if (current) {
    const users = plans.filter((p) => p.formId === spec.id);
    const changes = revisionChanges(current, spec);
    lines.push(
      ctx.t('forms.upload.revision', {
        id: spec.id,
        from: current.revision,
        to: nextRevision(current, spec),
        plans: users.map((p) => p.id).join(', ') || '—',
      }),
      ctx.t('forms.upload.kept', { names: changes.kept.join(', ') || '—' }),
    );
    if (changes.dropped.length) lines.push(ctx.t('forms.upload.dropped', { names: changes.dropped.join(', ') }));
    if (changes.added.length) lines.push(ctx.t('forms.upload.added', { names: changes.added.join(', ') }));
    choices = [
      { id: 'form:confirm', label: ctx.t('forms.upload.confirm') },
      { id: 'form:cancel', label: ctx.t('forms.upload.cancel') },
    ];
  } else {
    // A draft made from a plan is named after it ("<plan>-bao-cao"): offer that plan first.
    const own = plans.find((p) => spec.id === `${p.id}-bao-cao`);
    const ordered = own ? [own, ...plans.filter((p) => p !== own)] : plans;
    if (ordered.length === 0) return ctx.replyText('forms.upload.no_plan');
    planId = own?.id ?? null;
    lines.push(ctx.t('forms.upload.new_form', { id: spec.id }));
    choices = [
      ...ordered.slice(0, 8).map((p) => ({ id: `form:plan:${p.id}`, label: ctx.t('forms.upload.for_plan', { plan: titleOf(p, ctx) }) })),
      { id: 'form:cancel', label: ctx.t('forms.upload.cancel') },
    ];
  }
  await writeSession(ctx.services.stores, ctx.from.channel, ctx.from.userId, {
    v: SESSION_VERSION,
    kind: 'confirm_form',
    form: spec,
    planId,
    choices,
  });
  await ctx.reply({ type: 'choices', text: lines.join('\n'), choices });
}

/** The leader's answer to the preview: the form goes live (stored, then used), or nothing changes. */
export async function confirmFormUpload(
  ctx: BotContext,
  session: Extract<Session, { kind: 'confirm_form' }>,
  input: { kind: 'text'; text: string } | { kind: 'choice'; id: string },
): Promise<void> {
  const { stores, forms } = ctx.services;
  const choice = resolveChoice(session.choices, input);
  if (!choice) return ctx.replyChoices(ctx.t('forms.upload.confirm_again'), session.choices);
  await stores.sessions.clear(ctx.from.channel, ctx.from.userId);
  if (choice.id === 'form:cancel') return ctx.replyText('forms.upload.cancelled');
  const parsed = safeParseFormSpec(session.form, () => false);
  if (!parsed.ok) return ctx.replyText('forms.upload.expired');
  const current = forms.get(parsed.spec.id);
  const spec: FormSpec = current ? { ...parsed.spec, revision: nextRevision(current, parsed.spec) } : parsed.spec;
  await stores.forms.put({ spec, uploadedBy: ctx.person?.name ?? ctx.from.userId, uploadedAt: ctx.services.clock().toISOString() });
  forms.put(spec);
  const planId = choice.id.startsWith('form:plan:') ? choice.id.slice('form:plan:'.length) : null;
  if (planId) {
    const plan = await stores.plans.setForm(planId, spec.id);
    if (!plan) return ctx.replyText('forms.upload.plan_gone', { plan: planId });
    return ctx.replyText('forms.upload.attached', { id: spec.id, plan: titleOf(plan, ctx) });
  }
  await ctx.replyText('forms.upload.revised', { id: spec.id, revision: spec.revision, title: sayText(spec.title, ctx.t) });
}

/** A revision goes after the one in use, even when the workbook's version was not raised. */
function nextRevision(current: FormSpec, next: FormSpec): number {
  return Math.max(next.revision, current.revision + 1);
}

function titleOf(plan: Plan, ctx: BotContext): string {
  return (ctx.lang === 'en' && plan.title.en) || plan.title.vi;
}
