import type { TextFn } from '../../flow/text-fn.ts';
import type { UnitTree } from './unit-tree.ts';

/** At most this many lines; deeper levels are folded into "(+N)" when the whole subtree would not fit. */
export const TREE_MAX_LINES = 60;

/**
 * The subtree of `code` as indented lines ("HD01 – Huyện Đoàn A"), as deep as fits in
 * TREE_MAX_LINES; a unit whose units are not shown says how many there are below it.
 */
export function renderTree(tree: UnitTree, code: string, t: TextFn): string[] {
  const sizes = new Map<string, number>();
  const sizeOf = (c: string): number => {
    const known = sizes.get(c);
    if (known !== undefined) return known;
    const size = tree.subtreeSize(c) - (tree.get(c) ? 1 : 0);
    sizes.set(c, size);
    return size;
  };
  // The deepest level whose lines still fit.
  let maxDepth = 1;
  for (let depth = 1; depth < 64; depth += 1) {
    if (countTo(tree, code, depth) > TREE_MAX_LINES) break;
    maxDepth = depth;
    if (countTo(tree, code, depth + 1) === countTo(tree, code, depth)) break;
  }
  const lines: string[] = [];
  const root = tree.get(code);
  lines.push(root ? t('tree.node', { code: root.code, name: root.name }) : code);
  const walk = (c: string, depth: number): void => {
    for (const child of tree.children(c)) {
      if (lines.length > TREE_MAX_LINES) return;
      const below = sizeOf(child.code);
      const folded = depth >= maxDepth && below > 0;
      const text = t(folded ? 'tree.node_folded' : 'tree.node', { code: child.code, name: child.name, count: below });
      lines.push(`${'   '.repeat(depth - 1)}└ ${text}`);
      if (!folded) walk(child.code, depth + 1);
    }
  };
  walk(code, 1);
  if (lines.length > TREE_MAX_LINES) {
    lines.length = TREE_MAX_LINES;
    lines.push(t('tree.more', { count: countTo(tree, code, maxDepth, Infinity) - (TREE_MAX_LINES - 1) }));
  }
  return lines;
}

/** How many units lie at most `depth` levels below `code`. */
function countTo(tree: UnitTree, code: string, depth: number, cap = TREE_MAX_LINES * 4): number {
  let level = [code];
  let count = 0;
  for (let d = 1; d <= depth && level.length; d += 1) {
    level = level.flatMap((c) => tree.children(c).map((u) => u.code));
    count += level.length;
    if (count > cap) return count;
  }
  return count;
}
