import type { Unit } from '../domain/types.ts';
import { UnitTable } from './unit-table.ts';

/** The order of children: `localeCompare` of their codes (the same comparison, made once). */
const collator = new Intl.Collator();

/**
 * Units seen as a tree: who is below whom. Built from a unit list or a {@link UnitTable}; pure.
 * Kept as arrays indexed by unit number (the children of each unit as a range of one Int32Array),
 * so that a national tree (100,000 units) costs a few MB; Unit objects are made when asked for.
 */
export class UnitTree {
  private readonly table: UnitTable;
  /** The root's unit number; `table.size` (one past the last unit) when the root is not in the table. */
  private readonly root: number;
  /** The children of unit i are childList[childStart[i]] … childList[childStart[i + 1] - 1], in code order. */
  private readonly childStart: Int32Array;
  private readonly childList: Int32Array;
  private counts: Int32Array | undefined;
  private readonly byDepthMemo = new Map<number, Map<number, number>>();

  constructor(
    units: readonly Unit[] | UnitTable,
    /** The unit at the root (the province, or the centre above the provinces). */
    readonly rootCode: string,
  ) {
    const table = units instanceof UnitTable ? units : UnitTable.of(units);
    this.table = table;
    const n = table.size;
    const found = table.indexOf(rootCode);
    this.root = found >= 0 ? found : n;
    // A parent that is missing (removed) hangs its units under the root rather than losing them.
    const parentOf = new Int32Array(n);
    const childStart = new Int32Array(n + 2);
    for (let i = 0; i < n; i += 1) {
      const stored = table.parentIndex(i);
      const parent = stored >= 0 ? stored : i === this.root ? -1 : this.root;
      parentOf[i] = parent === i ? -1 : parent;
      if (parent >= 0 && parent !== i) childStart[parent + 1] = childStart[parent + 1]! + 1;
    }
    for (let i = 1; i < childStart.length; i += 1) childStart[i] = childStart[i]! + childStart[i - 1]!;
    const childList = new Int32Array(childStart[n + 1]!);
    const next = childStart.slice(0, n + 1);
    for (let i = 0; i < n; i += 1) {
      const parent = parentOf[i]!;
      if (parent < 0) continue;
      childList[next[parent]!] = i;
      next[parent] = next[parent]! + 1;
    }
    // Children arrive in code-unit order, which is usually already the code order; sort the others.
    const compare = (a: number, b: number) => collator.compare(table.code(a), table.code(b));
    for (let p = 0; p <= n; p += 1) {
      const from = childStart[p]!;
      const to = childStart[p + 1]!;
      for (let k = from + 1; k < to; k += 1) {
        if (compare(childList[k - 1]!, childList[k]!) <= 0) continue;
        childList.subarray(from, to).sort(compare);
        break;
      }
    }
    this.childStart = childStart;
    this.childList = childList;
  }

  /** The unit number of `code` in this tree: its number, the root's slot for the root, -1 when unknown. */
  private slot(code: string): number {
    const i = this.table.indexOf(code);
    return i >= 0 ? i : code === this.rootCode ? this.root : -1;
  }

  private hasChildren(i: number): boolean {
    return this.childStart[i + 1]! > this.childStart[i]!;
  }

  /** True for a unit of the table, other than the root, with no unit below it. */
  private reports(i: number): boolean {
    return i !== this.root && i >= 0 && i < this.table.size && !this.hasChildren(i);
  }

  get(code: string): Unit | undefined {
    const i = this.table.indexOf(code.toUpperCase());
    return i >= 0 ? this.table.unit(i) : undefined;
  }

  children(code: string): readonly Unit[] {
    const i = this.slot(code);
    if (i < 0) return [];
    const out: Unit[] = [];
    for (let k = this.childStart[i]!; k < this.childStart[i + 1]!; k += 1) out.push(this.table.unit(this.childList[k]!));
    return out;
  }

  /** The parent's code as the tree sees it (the root for a unit whose parent is gone); null at the root. */
  parentOf(code: string): string | null {
    if (code === this.rootCode) return null;
    const i = this.table.indexOf(code);
    const parent = i >= 0 ? this.table.parentIndex(i) : -1;
    return parent >= 0 ? this.table.code(parent) : this.rootCode;
  }

  /** The unit's parent, grandparent… up to the root, nearest first. Stops on a cycle. */
  ancestors(code: string): string[] {
    const chain: string[] = [];
    const seen = new Set([code]);
    for (let parent = this.parentOf(code); parent !== null && !seen.has(parent); parent = this.parentOf(parent)) {
      chain.push(parent);
      seen.add(parent);
    }
    return chain;
  }

  /** False when the unit's parents loop back to it before reaching the root. */
  reachesRoot(code: string): boolean {
    return code === this.rootCode || this.ancestors(code).at(-1) === this.rootCode;
  }

  /** Levels below the root: 0 for the root, 1 for its children… */
  depth(code: string): number {
    return code === this.rootCode ? 0 : this.ancestors(code).length;
  }

  /** True when `code` is `scope` or lies below it. */
  isWithin(code: string, scope: string): boolean {
    return code === scope || scope === this.rootCode || this.ancestors(code).includes(scope);
  }

  /** Calls `visit` with the unit number of `code` and of every unit below it, depth first, children in code order. */
  private walk(code: string, visit: (i: number) => void): void {
    const start = this.slot(code);
    if (start < 0) return;
    const stack = [start];
    while (stack.length) {
      const current = stack.pop()!;
      visit(current);
      for (let k = this.childStart[current + 1]! - 1; k >= this.childStart[current]!; k -= 1) {
        const child = this.childList[k]!;
        // Each unit has one parent, so only the start can be met again (a loop in stored parents).
        if (child !== start) stack.push(child);
      }
    }
  }

  /** The unit and every unit below it, depth first, children in code order (the root may be absent from the list). */
  subtree(code: string): Unit[] {
    const out: Unit[] = [];
    this.walk(code, (i) => {
      if (i < this.table.size) out.push(this.table.unit(i));
    });
    return out;
  }

  /** How many units {@link subtree} would list, without making them. */
  subtreeSize(code: string): number {
    let size = 0;
    this.walk(code, (i) => {
      if (i < this.table.size) size += 1;
    });
    return size;
  }

  /** Units that report: those with no unit below them, except the root. */
  isReporting(code: string): boolean {
    return code !== this.rootCode && this.reports(this.table.indexOf(code));
  }

  /** The reporting units in the subtree of `code` (itself included when it reports). */
  reportingWithin(code: string): Unit[] {
    const out: Unit[] = [];
    this.walk(code, (i) => {
      if (this.reports(i)) out.push(this.table.unit(i));
    });
    return out;
  }

  /** How many reporting units lie in the subtree of `code` (itself included). */
  reportingCount(code: string): number {
    if (this.isReporting(code)) return 1;
    const i = this.slot(code);
    return i >= 0 ? this.countsBelow()[i]! : 0;
  }

  /** Reporting units of the subtree of `code` by depth below the root: depth → count. */
  reportingByDepth(code: string): Map<number, number> {
    const start = this.slot(code);
    if (start < 0) return new Map();
    const known = this.byDepthMemo.get(start);
    if (known) return known;
    const byDepth = new Map<number, number>();
    let level = [start];
    for (let depth = this.depth(code); level.length; depth += 1) {
      const next: number[] = [];
      for (const current of level) {
        if (!this.hasChildren(current)) {
          if (this.reports(current)) byDepth.set(depth, (byDepth.get(depth) ?? 0) + 1);
          continue;
        }
        for (let k = this.childStart[current]!; k < this.childStart[current + 1]!; k += 1) {
          if (this.childList[k] !== start) next.push(this.childList[k]!);
        }
      }
      level = next;
    }
    this.byDepthMemo.set(start, byDepth);
    return byDepth;
  }

  /** Reporting units below each unit that has units below it, computed once (children before parents). */
  private countsBelow(): Int32Array {
    if (this.counts) return this.counts;
    const counts = new Int32Array(this.table.size + 1);
    const order = [this.root];
    const seen = new Uint8Array(this.table.size + 1);
    seen[this.root] = 1;
    for (let head = 0; head < order.length; head += 1) {
      const parent = order[head]!;
      for (let k = this.childStart[parent]!; k < this.childStart[parent + 1]!; k += 1) {
        const child = this.childList[k]!;
        if (seen[child] || !this.hasChildren(child)) continue;
        seen[child] = 1;
        order.push(child);
      }
    }
    for (let o = order.length - 1; o >= 0; o -= 1) {
      const parent = order[o]!;
      let total = 0;
      for (let k = this.childStart[parent]!; k < this.childStart[parent + 1]!; k += 1) {
        const child = this.childList[k]!;
        total += this.reports(child) ? 1 : counts[child]!;
      }
      counts[parent] = total;
    }
    this.counts = counts;
    return counts;
  }

  /** Would hanging `code` under `newParent` make a unit its own ancestor? */
  wouldCycle(code: string, newParent: string): boolean {
    return code === newParent || this.ancestors(newParent).includes(code);
  }
}
