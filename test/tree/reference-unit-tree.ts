import type { Unit } from '../../src/core/domain/types.ts';

/**
 * The unit tree as it was before it became compact (one object per unit, maps keyed by code), kept
 * only as the reference that test/tree/unit-tree.test.ts compares the compact UnitTree with.
 */
export class ReferenceUnitTree {
  private readonly byCode = new Map<string, Unit>();
  private readonly childrenOf = new Map<string, Unit[]>();
  private counts: Map<string, number> | undefined;
  private readonly byDepthMemo = new Map<string, Map<number, number>>();

  constructor(
    units: readonly Unit[],
    /** The unit at the root (the province, or the centre above the provinces). */
    readonly rootCode: string,
  ) {
    for (const unit of units) this.byCode.set(unit.code, unit);
    for (const unit of units) {
      // A parent that is missing (removed) hangs its units under the root rather than losing them.
      const parent = unit.parentCode && this.byCode.has(unit.parentCode) ? unit.parentCode : unit.code === rootCode ? null : rootCode;
      if (parent === null || parent === unit.code) continue;
      const list = this.childrenOf.get(parent) ?? [];
      list.push(unit);
      this.childrenOf.set(parent, list);
    }
    for (const list of this.childrenOf.values()) list.sort((a, b) => a.code.localeCompare(b.code));
  }

  get(code: string): Unit | undefined {
    return this.byCode.get(code.toUpperCase());
  }

  children(code: string): readonly Unit[] {
    return this.childrenOf.get(code) ?? [];
  }

  /** The parent's code as the tree sees it (the root for a unit whose parent is gone); null at the root. */
  parentOf(code: string): string | null {
    if (code === this.rootCode) return null;
    const parent = this.byCode.get(code)?.parentCode;
    return parent && this.byCode.has(parent) ? parent : this.rootCode;
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

  /** The unit and every unit below it, depth first, children in code order (the root may be absent from the list). */
  subtree(code: string): Unit[] {
    const out: Unit[] = [];
    const stack: string[] = [code];
    const seen = new Set<string>();
    while (stack.length) {
      const current = stack.pop()!;
      if (seen.has(current)) continue;
      seen.add(current);
      const unit = this.byCode.get(current);
      if (unit) out.push(unit);
      else if (current !== this.rootCode) continue;
      const children = this.children(current);
      for (let i = children.length - 1; i >= 0; i -= 1) stack.push(children[i]!.code);
    }
    return out;
  }

  /** Units that report: those with no unit below them, except the root. */
  isReporting(code: string): boolean {
    return code !== this.rootCode && this.byCode.has(code) && this.children(code).length === 0;
  }

  /** The reporting units in the subtree of `code` (itself included when it reports). */
  reportingWithin(code: string): Unit[] {
    return this.subtree(code).filter((u) => this.isReporting(u.code));
  }

  /** How many reporting units lie in the subtree of `code` (itself included). */
  reportingCount(code: string): number {
    if (this.isReporting(code)) return 1;
    return this.countsBelow().get(code) ?? 0;
  }

  /** Reporting units of the subtree of `code` by depth below the root: depth → count. */
  reportingByDepth(code: string): Map<number, number> {
    const known = this.byDepthMemo.get(code);
    if (known) return known;
    const byDepth = new Map<number, number>();
    let level = [code];
    for (let depth = this.depth(code); level.length; depth += 1) {
      const next: string[] = [];
      for (const current of level) {
        const children = this.childrenOf.get(current);
        if (children) for (const child of children) next.push(child.code);
        else if (this.isReporting(current)) byDepth.set(depth, (byDepth.get(depth) ?? 0) + 1);
      }
      level = next;
    }
    this.byDepthMemo.set(code, byDepth);
    return byDepth;
  }

  /** Reporting units below each unit that has units below it, computed once (children before parents). */
  private countsBelow(): Map<string, number> {
    if (this.counts) return this.counts;
    const counts = new Map<string, number>();
    const order = [this.rootCode];
    const seen = new Set(order);
    for (let head = 0; head < order.length; head += 1) {
      for (const child of this.childrenOf.get(order[head]!) ?? []) {
        if (seen.has(child.code) || !this.childrenOf.has(child.code)) continue;
        seen.add(child.code);
        order.push(child.code);
      }
    }
    for (let i = order.length - 1; i >= 0; i -= 1) {
      const code = order[i]!;
      let total = 0;
      for (const child of this.childrenOf.get(code) ?? []) total += this.isReporting(child.code) ? 1 : (counts.get(child.code) ?? 0);
      counts.set(code, total);
    }
    this.counts = counts;
    return counts;
  }

  /** Would hanging `code` under `newParent` make a unit its own ancestor? */
  wouldCycle(code: string, newParent: string): boolean {
    return code === newParent || this.ancestors(newParent).includes(code);
  }
}
