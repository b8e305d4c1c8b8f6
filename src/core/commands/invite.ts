import type { Command } from '../bot/command.ts';
import type { BotContext } from '../bot/bot-context.ts';
import type { Invite, Role } from '../domain/types.ts';
import { newInviteCode } from '../org/ids.ts';
import { parseRole } from '../org/roles.ts';
import { formatDateTime } from '../text/dates.ts';
import { covers, loadTree } from '../org/scope.ts';

/** How to use a code on each channel: a deep link where there is one, otherwise the text to send. */
export function howToJoin(ctx: BotContext, code: string): string {
  return ctx.services.channels
    .filter((channel) => channel !== 'console' || ctx.from.channel === 'console')
    .map((channel) => {
      const link = ctx.services.inviteLink(channel, code);
      return link
        ? ctx.t('invite.join_link', { channel: ctx.t(`channels.${channel}`), link })
        : ctx.t('invite.join_text', { channel: ctx.t(`channels.${channel}`), code });
    })
    .join('\n');
}

async function createInvite(ctx: BotContext, fields: Pick<Invite, 'unitCode' | 'role'> & { personId?: string }): Promise<Invite> {
  const { stores, inviteTtlHours, clock } = ctx.services;
  const now = clock();
  const invite: Invite = {
    code: newInviteCode(),
    ...fields,
    createdBy: ctx.person?.id ?? ctx.from.userId,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + inviteTtlHours * 3600_000).toISOString(),
  };
  await stores.invites.create(invite, inviteTtlHours * 3600);
  return invite;
}

export const inviteCommand: Command = {
  names: ['moi', 'invite'],
  access: ['admin'],
  descriptionKey: 'commands.invite',
  menu: true,
  async run(ctx, args) {
    // The role may be written in two words ("lãnh đạo", "can bo").
    const [unitCode, ...roleWords] = args.split(/\s+/).filter(Boolean);
    const roleWord = roleWords.join(' ');
    if (!unitCode) return ctx.replyText('invite.usage');
    const role: Role | undefined = roleWord ? parseRole(roleWord) : 'officer';
    if (!role) return ctx.replyText('invite.unknown_role', { role: roleWord });
    const { stores, province } = ctx.services;
    const tree = await loadTree(stores, province.code);
    const unit = tree.get(unitCode) ?? (await stores.units.get(unitCode));
    if (!unit) return ctx.replyText('units.not_found', { code: unitCode.toUpperCase() });
    if (!covers(tree, ctx.person, unit.code)) return ctx.replyText('tree.outside_scope', { code: unit.code });
    // The province does not report, so an officer there could do nothing.
    if (role === 'officer' && unit.code === ctx.services.province.code)
      return ctx.replyText('invite.no_province_officer', { code: unit.code });
    const invite = await createInvite(ctx, { unitCode: unit.code, role });
    await ctx.reply({
      type: 'text',
      text: [
        ctx.t('invite.created', {
          code: invite.code,
          unit: `${unit.code} – ${unit.name}`,
          role: ctx.t(`roles.${role}`),
          expires: formatDateTime(invite.expiresAt, ctx.services.timezone),
        }),
        howToJoin(ctx, invite.code),
      ].join('\n'),
    });
  },
};

export const linkCommand: Command = {
  names: ['lienket', 'link'],
  access: 'member',
  descriptionKey: 'commands.link',
  menu: true,
  async run(ctx) {
    const person = ctx.person!;
    const invite = await createInvite(ctx, { unitCode: person.unitCode, role: person.role, personId: person.id });
    await ctx.reply({
      type: 'text',
      text: [ctx.t('invite.link_created', { code: invite.code }), howToJoin(ctx, invite.code)].join('\n'),
    });
  },
};
