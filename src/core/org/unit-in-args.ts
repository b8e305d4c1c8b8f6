import type { BotContext } from '../bot/bot-context.ts';
import { covers, loadTree, scopeOf } from './scope.ts';
import type { UnitTree } from './unit-tree.ts';

/** A command's words split into the unit they name (a unit code) and the other words. */
export interface UnitInArgs {
  tree: UnitTree;
  /** The unit named, or the person's own unit (their scope). */
  unitCode: string;
  /** The other words (a period, "nhom"…). */
  rest: string;
}

/**
 * Finds a unit code among a leader's words ("/tinhhinh 6thang-2027 HD01"): the unit must be within
 * their scope (replies and returns null otherwise). Without one, the person's own unit.
 */
export async function unitInArgs(ctx: BotContext, args: string): Promise<UnitInArgs | null> {
  const { stores, province } = ctx.services;
  const tree = await loadTree(stores, province.code);
  const words = args.split(/\s+/).filter(Boolean);
  const index = words.findIndex((w) => /^[A-Za-z0-9_-]{1,32}$/.test(w) && tree.get(w) !== undefined);
  const own = scopeOf(ctx.person, province.code);
  if (index < 0) return { tree, unitCode: own, rest: words.join(' ') };
  const unitCode = tree.get(words[index]!)!.code;
  if (!covers(tree, ctx.person, unitCode)) {
    await ctx.replyText('tree.outside_scope', { code: unitCode });
    return null;
  }
  return { tree, unitCode, rest: words.filter((_, i) => i !== index).join(' ') };
}
