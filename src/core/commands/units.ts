import type { Command } from '../bot/command.ts';
import type { BotContext } from '../bot/bot-context.ts';
import { foldText as fold } from '../../flow/fold.ts';
import { abilitiesOf } from '../channel-words.ts';
import { formatUnitList, parseUnitList, type UnitRow } from '../org/unit-import.ts';
import { covers, loadTree, scopeOf } from '../org/scope.ts';
import { renderTree } from '../org/render-tree.ts';
import { UnitTree } from '../org/unit-tree.ts';

const CODE = /^[A-Za-z0-9_-]{1,32}$/;

async function list(ctx: BotContext): Promise<void> {
  const { stores, province } = ctx.services;
  const tree = await loadTree(stores, province.code);
  const below = tree.subtree(scopeOf(ctx.person, province.code)).filter((u) => u.code !== province.code);
  if (below.length === 0) return ctx.replyText('units.empty');
  const counts = await Promise.all(below.map(async (u) => (await stores.people.listByUnit(u.code)).length));
  const lines = below.map((u, i) => {
    const line = ctx.t('units.line', { code: u.code, name: u.name, people: counts[i] ?? 0 });
    const parent = tree.parentOf(u.code);
    return parent && parent !== province.code ? `${line} ${ctx.t('tree.under', { parent })}` : line;
  });
  await ctx.reply({ type: 'text', text: [ctx.t('units.list_title', { count: below.length }), ...lines].join('\n') });
}

/** "/donvi xuat": the units in scope as a CSV file that `/donvi nhap` (or sending the file) reads back unchanged. */
async function exportList(ctx: BotContext): Promise<void> {
  const { stores, province } = ctx.services;
  const tree = await loadTree(stores, province.code);
  const below = tree.subtree(scopeOf(ctx.person, province.code)).filter((u) => u.code !== province.code);
  if (below.length === 0) return ctx.replyText('units.empty');
  const rows = below.map((u) => ({ code: u.code, name: u.name, parentCode: tree.parentOf(u.code) ?? province.code }));
  const csv = formatUnitList(rows);
  // Where no file can be sent (Zalo) the list comes as text, to paste after /donvi nhap.
  if (!abilitiesOf(ctx.from.channel).sendsFiles) {
    return ctx.reply({ type: 'text', text: `${ctx.t('units.exported_text', { count: rows.length })}\n\n${csv}` });
  }
  // The BOM lets Excel open the Vietnamese names as UTF-8; the import skips it.
  const content = Buffer.from(`\uFEFF${csv}`, 'utf8');
  await ctx.reply({
    type: 'file',
    fileName: 'don-vi.csv',
    mimeType: 'text/csv',
    content,
    caption: ctx.t('units.exported', { count: rows.length }),
  });
}

async function add(ctx: BotContext, rest: string[]): Promise<void> {
  const [code, ...nameWords] = rest;
  if (!code || !CODE.test(code)) return ctx.replyText('units.usage_add');
  const { stores, province, clock } = ctx.services;
  const tree = await loadTree(stores, province.code);
  // "/donvi them XA01 Xã A HD01": a last word that is an existing unit's code names the parent.
  const last = nameWords.at(-1);
  const parent = nameWords.length > 1 && last && CODE.test(last) && tree.get(last) ? tree.get(last)! : null;
  const name = (parent ? nameWords.slice(0, -1) : nameWords).join(' ').trim();
  if (!name) return ctx.replyText('units.usage_add');
  const parentCode = parent?.code ?? scopeOf(ctx.person, province.code);
  if (!covers(tree, ctx.person, parentCode)) return ctx.replyText('tree.outside_scope', { code: parentCode });
  const added = await stores.units.add({ code: code.toUpperCase(), name, parentCode, createdAt: clock().toISOString() });
  if (!added) return ctx.replyText('units.exists', { code: code.toUpperCase(), name });
  if (parentCode === province.code) return ctx.replyText('units.added', { code: code.toUpperCase(), name });
  await ctx.replyText('tree.added_under', {
    code: code.toUpperCase(),
    name,
    parent: parentCode,
    parentName: tree.get(parentCode)?.name ?? parentCode,
  });
}

/** "/donvi cay [code]": the tree below the person's unit, or below the unit named. */
async function showTree(ctx: BotContext, rest: string[]): Promise<void> {
  const { stores, province } = ctx.services;
  const tree = await loadTree(stores, province.code);
  const code = rest[0]?.toUpperCase() ?? scopeOf(ctx.person, province.code);
  if (code !== province.code && !tree.get(code)) return ctx.replyText('units.not_found', { code });
  if (!covers(tree, ctx.person, code)) return ctx.replyText('tree.outside_scope', { code });
  if (tree.children(code).length === 0 && code === province.code) return ctx.replyText('units.empty');
  await ctx.reply({ type: 'text', text: renderTree(tree, code, ctx.t).join('\n') });
}

/** "/donvi chuyen <code> <new parent>": hangs a unit (with everything below it) under another; its reports stay. */
async function moveUnit(ctx: BotContext, rest: string[]): Promise<void> {
  const [codeWord, parentWord] = rest;
  if (!codeWord || !parentWord) return ctx.replyText('tree.usage_move');
  const { stores, province } = ctx.services;
  const tree = await loadTree(stores, province.code);
  const unit = tree.get(codeWord);
  const parentCode = parentWord.toUpperCase();
  if (!unit || unit.code === province.code) return ctx.replyText('units.not_found', { code: codeWord.toUpperCase() });
  if (parentCode !== province.code && !tree.get(parentCode)) return ctx.replyText('units.not_found', { code: parentCode });
  for (const code of [unit.code, parentCode]) {
    if (!covers(tree, ctx.person, code)) return ctx.replyText('tree.outside_scope', { code });
  }
  if (unit.code === scopeOf(ctx.person, province.code)) return ctx.replyText('tree.outside_scope', { code: unit.code });
  if (tree.wouldCycle(unit.code, parentCode)) return ctx.replyText('tree.cycle', { code: unit.code, parent: parentCode });
  await stores.units.put({ ...unit, parentCode });
  await ctx.replyText('tree.moved', { code: unit.code, parent: parentCode });
}

async function rename(ctx: BotContext, rest: string[]): Promise<void> {
  const [code, ...nameWords] = rest;
  const name = nameWords.join(' ').trim();
  if (!code || !name) return ctx.replyText('units.usage_rename');
  const { stores, province } = ctx.services;
  const tree = await loadTree(stores, province.code);
  const unit = tree.get(code) ?? (await stores.units.get(code));
  if (!unit) return ctx.replyText('units.not_found', { code });
  if (!covers(tree, ctx.person, unit.code)) return ctx.replyText('tree.outside_scope', { code: unit.code });
  await ctx.services.stores.units.put({ ...unit, name });
  await ctx.replyText('units.renamed', { code: unit.code, name });
}

async function remove(ctx: BotContext, rest: string[]): Promise<void> {
  const [code] = rest;
  const { stores, province } = ctx.services;
  if (!code) return ctx.replyText('units.usage_remove');
  if (code.toUpperCase() === province.code) return ctx.replyText('units.cannot_remove_province');
  const tree = await loadTree(stores, province.code);
  if (tree.get(code) && (!covers(tree, ctx.person, code) || code.toUpperCase() === scopeOf(ctx.person, province.code))) {
    return ctx.replyText('tree.outside_scope', { code: code.toUpperCase() });
  }
  const below = tree.children(code.toUpperCase());
  if (below.length) return ctx.replyText('tree.has_children', { code: code.toUpperCase(), count: below.length });
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
  const scope = scopeOf(ctx.person, province.code);
  const treeProblem = await checkImportTree(ctx, parsed.units, scope);
  if (treeProblem) return ctx.reply({ type: 'text', text: treeProblem });
  let added = 0;
  const skipped: string[] = [];
  for (const row of parsed.units) {
    const ok = await stores.units.add({
      code: row.code.toUpperCase(),
      name: row.name,
      parentCode: row.parentCode?.toUpperCase() ?? scope,
      createdAt: clock().toISOString(),
    });
    if (ok) added += 1;
    else skipped.push(row.code.toUpperCase());
  }
  if (skipped.length === 0) return ctx.replyText('units.imported_all', { added });
  await ctx.replyText('units.imported', { added, skipped: skipped.join(', ') });
}

/** A list whose parents make a loop, or that would hang units outside the admin's subtree, is refused whole. */
async function checkImportTree(ctx: BotContext, rows: readonly UnitRow[], scope: string): Promise<string | null> {
  const { stores, province } = ctx.services;
  const existing = await stores.units.list();
  const taken = new Set(existing.map((u) => u.code));
  const fresh = rows
    .filter((r) => !taken.has(r.code.toUpperCase()))
    .map((r) => ({ code: r.code.toUpperCase(), name: r.name, parentCode: r.parentCode?.toUpperCase() ?? scope, createdAt: '' }));
  const tree = new UnitTree([...existing, ...fresh], province.code);
  for (const row of fresh) {
    if (!tree.reachesRoot(row.code)) return ctx.t('tree.import_cycle', { code: row.code });
    if (!tree.isWithin(row.code, scope)) return ctx.t('tree.import_outside', { code: row.code, scope });
  }
  return null;
}

/** "/donvi nhap" followed by its lines; alone, it explains how to write them. */
function importFromMessage(ctx: BotContext, _rest: string[], raw: string): Promise<void> {
  if (!raw.trim()) return ctx.replyText('units.usage_import');
  return importUnits(ctx, raw);
}

/** Sub-command words; a Map, so that a typed word such as "constructor" finds nothing. */
const SUBCOMMANDS = new Map<string, (ctx: BotContext, rest: string[], raw: string) => Promise<void>>([
  ['ds', list],
  ['list', list],
  ['them', add],
  ['add', add],
  ['sua', rename],
  ['doiten', rename],
  ['rename', rename],
  ['xoa', remove],
  ['remove', remove],
  ['cay', showTree],
  ['tree', showTree],
  ['chuyen', moveUnit],
  ['move', moveUnit],
  ['xuat', exportList],
  ['export', exportList],
  ['nhap', importFromMessage],
  ['import', importFromMessage],
]);

export const unitsCommand: Command = {
  names: ['donvi', 'units'],
  access: ['admin'],
  descriptionKey: 'commands.units',
  menu: true,
  async run(ctx, args) {
    // "/donvi them HD01 Huyện Đoàn A"; an import may carry its list on the following lines.
    const [firstLine = '', ...moreLines] = args.split('\n');
    const [sub = 'ds', ...rest] = firstLine.trim().split(/\s+/).filter(Boolean);
    const handler = SUBCOMMANDS.get(fold(sub));
    if (!handler) return ctx.replyText('units.usage');
    await handler(ctx, rest, moreLines.length ? moreLines.join('\n') : rest.join(' '));
  },
};
