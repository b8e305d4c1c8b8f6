import type { Command } from '../bot/command.ts';
import { mayRun } from '../bot/command.ts';
import type { BotContext } from '../bot/bot-context.ts';

/** The commands this person may use, one line each, in their language. */
export function helpText(ctx: BotContext): string {
  const role = ctx.person?.role ?? null;
  // The province does not report, so its leaders and admins are not offered /baocao and /huy.
  const reports = ctx.person?.unitCode !== ctx.services.province.code;
  const lines = ctx.commands
    .filter((c) => c.menu !== false && mayRun(c.access, role) && (reports || !c.reporting))
    .map((c) => `/${c.names[0]} — ${ctx.t(reports && c.subtreeDescriptionKey ? c.subtreeDescriptionKey : c.descriptionKey)}`);
  const intro = ctx.t(role ? `help.intro_${role}` : 'help.intro_guest');
  return [intro, '', ...lines, '', ctx.t('help.ask_hint')].join('\n');
}

export const helpCommand: Command = {
  names: ['trogiup', 'help'],
  words: ['trợ giúp', 'tro giup', 'giúp', 'help', 'menu'],
  access: 'anyone',
  descriptionKey: 'commands.help',
  menu: true,
  run: (ctx) => ctx.reply({ type: 'text', text: helpText(ctx) }),
};
