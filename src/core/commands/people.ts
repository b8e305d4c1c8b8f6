import type { Command } from '../bot/command.ts';
import type { BotContext } from '../bot/bot-context.ts';
import { foldText as fold } from '../../flow/fold.ts';
import { parseRole } from '../org/roles.ts';

async function list(ctx: BotContext, unitFilter?: string): Promise<void> {
  const { stores } = ctx.services;
  const people = unitFilter ? await stores.people.listByUnit(unitFilter.toUpperCase()) : await stores.people.list();
  if (people.length === 0) return ctx.replyText('people.empty');
  const lines = people.map((p) => {
    const channels = p.identities.map((i) => ctx.t(`channels.${i.channel}`)).join('+');
    const line = ctx.t('people.line', { id: p.id, name: p.name, role: ctx.t(`roles.${p.role}`), unit: p.unitCode, channels });
    return p.unreachable ? `${line} ${ctx.t('people.unreachable_mark')}` : line;
  });
  await ctx.reply({ type: 'text', text: [ctx.t('people.title', { count: people.length }), ...lines].join('\n') });
}

async function move(ctx: BotContext, [id, unitCode]: string[]): Promise<void> {
  const { stores } = ctx.services;
  if (!id || !unitCode) return ctx.replyText('people.usage');
  const person = await stores.people.get(id);
  if (!person) return ctx.replyText('people.not_found', { id });
  const unit = await stores.units.get(unitCode);
  if (!unit) return ctx.replyText('units.not_found', { code: unitCode.toUpperCase() });
  await stores.people.save({ ...person, unitCode: unit.code }, person);
  await ctx.replyText('people.moved', { name: person.name, unit: unit.name });
}

async function setRole(ctx: BotContext, [id, roleWord]: string[]): Promise<void> {
  const { stores } = ctx.services;
  const role = roleWord ? parseRole(roleWord) : undefined;
  if (!id || !role) return ctx.replyText('people.usage');
  const person = await stores.people.get(id);
  if (!person) return ctx.replyText('people.not_found', { id });
  await stores.people.save({ ...person, role }, person);
  await ctx.replyText('people.role_set', { name: person.name, role: ctx.t(`roles.${role}`) });
}

async function remove(ctx: BotContext, [id]: string[]): Promise<void> {
  const { stores } = ctx.services;
  if (!id) return ctx.replyText('people.usage');
  const person = await stores.people.get(id);
  if (!person) return ctx.replyText('people.not_found', { id });
  if (person.id === ctx.person?.id) return ctx.replyText('people.not_yourself');
  await stores.people.remove(person);
  for (const identity of person.identities) await stores.sessions.clear(identity.channel, identity.userId);
  await ctx.replyText('people.removed', { name: person.name });
}

const SUBCOMMANDS: Record<string, (ctx: BotContext, rest: string[]) => Promise<void>> = {
  ds: (ctx, rest) => list(ctx, rest[0]),
  list: (ctx, rest) => list(ctx, rest[0]),
  chuyen: move,
  move: move,
  vaitro: setRole,
  role: setRole,
  xoa: remove,
  remove: remove,
};

export const peopleCommand: Command = {
  names: ['nguoi', 'people'],
  access: ['admin'],
  descriptionKey: 'commands.people',
  menu: true,
  async run(ctx, args) {
    const [sub = 'ds', ...rest] = args.split(/\s+/).filter(Boolean);
    const handler = SUBCOMMANDS[fold(sub)];
    if (!handler) return ctx.replyText('people.usage');
    await handler(ctx, rest);
  },
};
