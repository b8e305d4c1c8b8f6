import type { Command } from '../bot/command.ts';
import type { BotContext } from '../bot/bot-context.ts';
import type { Identity, Invite, Person, Unit } from '../domain/types.ts';
import { newPersonId } from '../org/ids.ts';
import { isOneOf } from '../../flow/fold.ts';
import { helpText } from './help.ts';

/** The word that confirms a change of unit or role: "/start CODE dongy". */
const CONFIRM_WORDS = ['dongy', 'dong y', 'xacnhan', 'xac nhan', 'yes', 'confirm', 'ok'];

function identityOf(ctx: BotContext): Identity {
  return { channel: ctx.from.channel, userId: ctx.from.userId, chatId: ctx.chat.chatId };
}

/**
 * "/start CODE [dongy]". A code is only used up when it does something: a refused or unconfirmed
 * attempt leaves it valid for the person it was meant for.
 */
async function redeem(ctx: BotContext, args: string): Promise<void> {
  const { stores } = ctx.services;
  if (ctx.isGroup) return ctx.replyText('invite.private_only');
  const [rawCode = '', ...rest] = args.trim().split(/\s+/);
  const code = rawCode.toUpperCase();
  const invite = await stores.invites.peek(code);
  if (!invite) return ctx.replyText('invite.invalid');
  const unit = await stores.units.get(invite.unitCode);
  if (!unit) return ctx.replyText('invite.unit_gone');
  if (invite.personId) return link(ctx, invite, invite.personId, unit);
  return join(ctx, invite, unit, rest.length > 0 && isOneOf(rest.join(' '), CONFIRM_WORDS));
}

/**
 * A link code adds this account to the person who asked for it, only when this account belongs to
 * nobody yet and that person has no other account on this channel: it never moves, deletes or demotes
 * anyone.
 */
async function link(ctx: BotContext, invite: Invite, personId: string, unit: Unit): Promise<void> {
  const { stores } = ctx.services;
  const target = await stores.people.get(personId);
  if (!target) return ctx.replyText('invite.invalid');
  const channel = ctx.t(`channels.${ctx.from.channel}`);
  if (ctx.person?.id === target.id) return ctx.replyText('invite.link_already', { name: target.name });
  if (ctx.person) {
    return ctx.replyText('invite.link_taken', {
      channel,
      name: ctx.person.name,
      unit: ctx.person.unitCode,
      role: ctx.t(`roles.${ctx.person.role}`),
      owner: target.name,
    });
  }
  if (target.identities.some((i) => i.channel === ctx.from.channel)) {
    return ctx.replyText('invite.link_channel_taken', { channel, name: target.name });
  }
  if (!(await stores.invites.redeem(invite.code))) return ctx.replyText('invite.invalid');
  const fresh = (await stores.people.get(target.id)) ?? target;
  const linked: Person = { ...fresh, identities: [...fresh.identities, identityOf(ctx)] };
  await stores.people.save(linked, fresh);
  ctx.person = linked;
  return ctx.replyText('invite.linked', { name: linked.name, unit: unit.name, role: ctx.t(`roles.${linked.role}`) });
}

/** An invite makes a newcomer a member; a member is asked before their unit or role changes. */
async function join(ctx: BotContext, invite: Invite, unit: Unit, confirmed: boolean): Promise<void> {
  const { stores, clock } = ctx.services;
  const previous = ctx.person;
  if (previous && previous.unitCode === unit.code && previous.role === invite.role) {
    return ctx.replyText('invite.already_member', { unit: unit.name, role: ctx.t(`roles.${invite.role}`) });
  }
  if (previous && !confirmed) {
    const from = await stores.units.get(previous.unitCode);
    return ctx.replyText('invite.confirm_change', {
      name: previous.name,
      fromUnit: from?.name ?? previous.unitCode,
      fromRole: ctx.t(`roles.${previous.role}`),
      toUnit: unit.name,
      toRole: ctx.t(`roles.${invite.role}`),
      code: invite.code,
    });
  }
  if (!(await stores.invites.redeem(invite.code))) return ctx.replyText('invite.invalid');
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
  await ctx.reply({
    type: 'text',
    text: `${ctx.t('invite.joined', { name: person.name, unit: unit.name, role: ctx.t(`roles.${person.role}`) })}\n\n${helpText(ctx)}`,
  });
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
