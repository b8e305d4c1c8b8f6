import type { Command } from '../bot/command.ts';
import type { BotContext } from '../bot/bot-context.ts';
import { foldText as fold } from '../../flow/fold.ts';
import { parseUnitList } from '../org/unit-import.ts';

const CODE = /^[A-Za-z0-9_-]{1,32}$/;

async function list(ctx: BotContext): Promise<void> {
  const { stores, province } = ctx.services;
  const units = await stores.units.list();
  const below = units.filter((u) => u.code !== province.code);
  if (below.length === 0) return ctx.replyText('units.empty');
  const counts = await Promise.all(below.map(async (u) => (await stores.people.listByUnit(u.code)).length));
  const lines = below.map((u, i) => ctx.t('units.line', { code: u.code, name: u.name, people: counts[i] ?? 0 }));
  await ctx.reply({ type: 'text', text: [ctx.t('units.list_title', { count: below.length }), ...lines].join('\n') });
}

async function add(ctx: BotContext, rest: string[]): Promise<void> {
  const [code, ...nameWords] = rest;
  const name = nameWords.join(' ').trim();
  if (!code || !CODE.test(code) || !name) return ctx.replyText('units.usage_add');
  const { stores, province, clock } = ctx.services;
  const added = await stores.units.add({
    code: code.toUpperCase(),
    name,
    parentCode: province.code,
    createdAt: clock().toISOString(),
  });
  await ctx.replyText(added ? 'units.added' : 'units.exists', { code: code.toUpperCase(), name });
}

async function rename(ctx: BotContext, rest: string[]): Promise<void> {
  const [code, ...nameWords] = rest;
  const name = nameWords.join(' ').trim();
  if (!code || !name) return ctx.replyText('units.usage_rename');
  const unit = await ctx.services.stores.units.get(code);
  if (!unit) return ctx.replyText('units.not_found', { code });
  await ctx.services.stores.units.put({ ...unit, name });
  await ctx.replyText('units.renamed', { code: unit.code, name });
}

async function remove(ctx: BotContext, rest: string[]): Promise<void> {
  const [code] = rest;
  const { stores, province } = ctx.services;
  if (!code) return ctx.replyText('units.usage_remove');
  if (code.toUpperCase() === province.code) return ctx.replyText('units.cannot_remove_province');
  const people = await stores.people.listByUnit(code.toUpperCase());
  if (people.length) return ctx.replyText('units.has_people', { code: code.toUpperCase(), count: people.length });
  const removed = await stores.units.remove(code);
  await ctx.replyText(removed ? 'units.removed' : 'units.not_found', { code: code.toUpperCase() });
}

/** Adds units from CSV or YAML text; used by "/donvi nhap" with lines and by a file sent to the bot. */
export async function importUnits(ctx: BotContext, text: string, fileName = 'list.csv'): Promise<void> {
  const parsed = parseUnitList(text, fileName);
  if (!parsed.ok) return ctx.replyText('units.import_error', { line: parsed.line, problem: ctx.t(parsed.problemKey) });
  const { stores, province, clock } = ctx.services;
  // A parent must be a unit that exists or one of the list: nothing is added otherwise.
  const known = new Set([...(await stores.units.list()).map((u) => u.code), ...parsed.units.map((r) => r.code.toUpperCase())]);
  const orphan = parsed.units.find((r) => r.parentCode && !known.has(r.parentCode.toUpperCase()));
  if (orphan) return ctx.replyText('units.unknown_parent', { code: orphan.code.toUpperCase(), parent: orphan.parentCode!.toUpperCase() });
  let added = 0;
  const skipped: string[] = [];
  for (const row of parsed.units) {
    const ok = await stores.units.add({
      code: row.code.toUpperCase(),
      name: row.name,
      parentCode: row.parentCode?.toUpperCase() ?? province.code,
      createdAt: clock().toISOString(),
    });
    if (ok) added += 1;
    else skipped.push(row.code.toUpperCase());
  }
  if (skipped.length === 0) return ctx.replyText('units.imported_all', { added });
  await ctx.replyText('units.imported', { added, skipped: skipped.join(', ') });
}

/** "/donvi nhap" followed by its lines; alone, it explains how to write them. */
function importFromMessage(ctx: BotContext, _rest: string[], raw: string): Promise<void> {
  if (!raw.trim()) return ctx.replyText('units.usage_import');
  return importUnits(ctx, raw);
}

const SUBCOMMANDS: Record<string, (ctx: BotContext, rest: string[], raw: string) => Promise<void>> = {
  ds: list,
  list: list,
  them: add,
  add: add,
  sua: rename,
  doiten: rename,
  rename: rename,
  xoa: remove,
  remove: remove,
  nhap: importFromMessage,
  import: importFromMessage,
};

export const unitsCommand: Command = {
  names: ['donvi', 'units'],
  access: ['admin'],
  descriptionKey: 'commands.units',
  menu: true,
  async run(ctx, args) {
    // "/donvi them HD01 Huyện Đoàn A"; an import may carry its list on the following lines.
    const [firstLine = '', ...moreLines] = args.split('\n');
    const [sub = 'ds', ...rest] = firstLine.trim().split(/\s+/).filter(Boolean);
    const handler = SUBCOMMANDS[fold(sub)];
    if (!handler) return ctx.replyText('units.usage');
    await handler(ctx, rest, moreLines.length ? moreLines.join('\n') : rest.join(' '));
  },
};
