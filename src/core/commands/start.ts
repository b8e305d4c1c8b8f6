import type { Command } from '../bot/command.ts';
import type { BotContext } from '../bot/bot-context.ts';
import type { Identity, Person } from '../domain/types.ts';
import { newPersonId } from '../org/ids.ts';
import { helpText } from './help.ts';

function identityOf(ctx: BotContext): Identity {
  return { channel: ctx.from.channel, userId: ctx.from.userId, chatId: ctx.chat.chatId };
}

async function redeem(ctx: BotContext, code: string): Promise<void> {
  const { stores, clock } = ctx.services;
  if (ctx.isGroup) return ctx.replyText('invite.private_only');
  const invite = await stores.invites.redeem(code.trim().toUpperCase());
  if (!invite) return ctx.replyText('invite.invalid');
  const unit = await stores.units.get(invite.unitCode);
  if (!unit) return ctx.replyText('invite.unit_gone');

  if (invite.personId) {
    const target = await stores.people.get(invite.personId);
    if (!target) return ctx.replyText('invite.invalid');
    if (ctx.person && ctx.person.id !== target.id) {
      // This account already belongs to someone with other accounts: linking must not delete them.
      const others = ctx.person.identities.filter((i) => !(i.channel === ctx.from.channel && i.userId === ctx.from.userId));
      if (others.length > 0) return ctx.replyText('invite.link_other_person', { name: ctx.person.name });
      await stores.people.remove(ctx.person);
    }
    const identities = [...target.identities.filter((i) => i.channel !== ctx.from.channel), identityOf(ctx)];
    const linked: Person = { ...target, identities };
    await stores.people.save(linked, target);
    ctx.person = linked;
    return ctx.replyText('invite.linked', { name: linked.name, unit: unit.name, role: ctx.t(`roles.${linked.role}`) });
  }

  const previous = ctx.person;
  const person: Person = previous
    ? { ...previous, unitCode: unit.code, role: invite.role }
    : {
        id: newPersonId(),
        name: ctx.from.displayName?.trim() || ctx.from.userId,
        role: invite.role,
        unitCode: unit.code,
        identities: [identityOf(ctx)],
        createdAt: clock().toISOString(),
      };
  await stores.people.save(person, previous);
  ctx.person = person;
  await ctx.replyText('invite.joined', { name: person.name, unit: unit.name, role: ctx.t(`roles.${person.role}`) });
  await ctx.reply({ type: 'text', text: helpText(ctx) });
}

export const startCommand: Command = {
  names: ['start', 'batdau'],
  access: 'anyone',
  descriptionKey: 'commands.start',
  async run(ctx, args) {
    if (args) return redeem(ctx, args);
    await ctx.reply({ type: 'text', text: `${ctx.t('core.welcome')}\n\n${helpText(ctx)}` });
  },
};
