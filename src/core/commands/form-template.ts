import type { BotContext } from '../bot/bot-context.ts';
import type { Command } from '../bot/command.ts';
import type { Plan } from '../domain/plan.ts';
import { foldText } from '../../flow/fold.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * `/mau [plan]`: the plan's report form as an XLSForm workbook to edit and send back. Without a plan
 * named, the only active plan's (or the list of plans to choose from).
 */
export const formTemplateCommand: Command = {
  names: ['mau', 'form'],
  access: ['leader', 'admin'],
  descriptionKey: 'forms.command.description',
  menu: true,
  async run(ctx: BotContext, args: string): Promise<void> {
    const workbook = ctx.services.formWorkbook;
    if (!workbook) return ctx.replyText('forms.upload.unavailable');
    const plans = (await ctx.services.stores.plans.list()).filter((p) => p.state === 'active');
    const plan = pickPlan(plans, args.trim());
    if (!plan) {
      const list = plans.map((p) => `• ${p.id} — ${(ctx.lang === 'en' && p.title.en) || p.title.vi}`).join('\n');
      return ctx.replyText(args.trim() ? 'forms.command.unknown_plan' : 'forms.command.which_plan', { name: args.trim(), list });
    }
    const form = ctx.services.forms.get(plan.formId) ?? ctx.services.forms.get(ctx.services.forms.defaultId);
    if (!form) return ctx.replyText('forms.command.no_form');
    const content = await workbook.write(form);
    const how = ctx.t(ctx.from.channel === 'zalo' ? 'forms.command.send_back_zalo' : 'forms.command.send_back');
    await ctx.reply(
      {
        type: 'file',
        fileName: `${form.id}.xlsx`,
        mimeType: XLSX,
        content,
        caption: ctx.t('forms.command.caption', { id: form.id, revision: form.revision }),
      },
      { type: 'text', text: how },
    );
  },
};

function pickPlan(plans: readonly Plan[], args: string): Plan | undefined {
  if (!args) return plans.length === 1 ? plans[0] : undefined;
  const exact = plans.find((p) => p.id === args.toLowerCase());
  if (exact) return exact;
  const words = foldText(args).split(' ');
  const matching = plans.filter((p) => {
    const title = foldText(`${p.id} ${p.title.vi} ${p.title.en ?? ''}`);
    return words.every((w) => title.includes(w));
  });
  return matching.length === 1 ? matching[0] : undefined;
}
