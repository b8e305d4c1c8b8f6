import type { Command } from '../bot/command.ts';
import type { BotContext } from '../bot/bot-context.ts';
import { foldText as fold } from '../../flow/fold.ts';
import { parseRole } from '../org/roles.ts';
import { covers, loadTree } from '../org/scope.ts';
import type { Person } from '../domain/types.ts';

/** The person with this id when the admin's subtree holds them; replies and returns null otherwise. */
async function personInScope(ctx: BotContext, id: string): Promise<Person | null> {
  const { stores, province } = ctx.services;
  const person = await stores.people.get(id);
  if (!person) return (await ctx.replyText('people.not_found', { id }), null);
  if (!covers(await loadTree(stores, province.code), ctx.person, person.unitCode)) {
    return (await ctx.replyText('tree.outside_scope', { code: person.unitCode }), null);
  }
  return person;
}

async function list(ctx: BotContext, unitFilter?: string): Promise<void> {
  const { stores, province } = ctx.services;
  const tree = await loadTree(stores, province.code);
  const all = unitFilter ? await stores.people.listByUnit(unitFilter.toUpperCase()) : await stores.people.list();
  const people = all.filter((p) => covers(tree, ctx.person, p.unitCode));
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
  const person = await personInScope(ctx, id);
  if (!person) return;
  const unit = await stores.units.get(unitCode);
  if (!unit) return ctx.replyText('units.not_found', { code: unitCode.toUpperCase() });
  if (!covers(await loadTree(stores, ctx.services.province.code), ctx.person, unit.code)) {
    return ctx.replyText('tree.outside_scope', { code: unit.code });
  }
  await stores.people.save({ ...person, unitCode: unit.code }, person);
  await ctx.replyText('people.moved', { name: person.name, unit: unit.name });
}

async function setRole(ctx: BotContext, [id, roleWord]: string[]): Promise<void> {
  const { stores } = ctx.services;
  const role = roleWord ? parseRole(roleWord) : undefined;
  if (!id || !role) return ctx.replyText('people.usage');
  const person = await personInScope(ctx, id);
  if (!person) return;
  await stores.people.save({ ...person, role }, person);
  await ctx.replyText('people.role_set', { name: person.name, role: ctx.t(`roles.${role}`) });
}

async function remove(ctx: BotContext, [id]: string[]): Promise<void> {
  const { stores } = ctx.services;
  if (!id) return ctx.replyText('people.usage');
  const person = await personInScope(ctx, id);
  if (!person) return;
  if (person.id === ctx.person?.id) return ctx.replyText('people.not_yourself');
  await stores.people.remove(person);
  for (const identity of person.identities) await stores.sessions.clear(identity.channel, identity.userId);
  await ctx.replyText('people.removed', { name: person.name });
}

/** Sub-command words; a Map, so that a typed word such as "constructor" finds nothing. */
const SUBCOMMANDS = new Map<string, (ctx: BotContext, rest: string[]) => Promise<void>>([
  ['ds', (ctx, rest) => list(ctx, rest[0])],
  ['list', (ctx, rest) => list(ctx, rest[0])],
  ['chuyen', move],
  ['move', move],
  ['vaitro', setRole],
  ['role', setRole],
  ['xoa', remove],
  ['remove', remove],
]);

export const peopleCommand: Command = {
  names: ['nguoi', 'people'],
  access: ['admin'],
  descriptionKey: 'commands.people',
  menu: true,
  async run(ctx, args) {
    const [sub = 'ds', ...rest] = args.split(/\s+/).filter(Boolean);
    const handler = SUBCOMMANDS.get(fold(sub));
    if (!handler) return ctx.replyText('people.usage');
    await handler(ctx, rest);
  },
};
