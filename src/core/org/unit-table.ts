import type { Unit } from '../domain/types.ts';

/** Parent slot of a unit without a parent code. */
const NO_PARENT = -1;
/** Parent slot of a unit whose parent code names no unit of the table (kept in `missingParents`). */
const MISSING_PARENT = -2;

/** Code-unit order, the order of the table (and of `UnitStore.list()`). */
const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Every unit as parallel arrays sorted by code, instead of one object per unit: a national tree
 * (100,000 units) costs its strings and a few typed arrays. Unit numbers (0…size-1) follow the
 * code order; a code is found by binary search. Immutable; `unit(i)` makes a Unit object on demand.
 */
export class UnitTable {
  private constructor(
    private readonly codes: readonly string[],
    private readonly names: readonly string[],
    private readonly created: readonly string[],
    /** Parent's unit number, or NO_PARENT / MISSING_PARENT. */
    private readonly parents: Int32Array,
    /** The stored parent code of units whose parent is not in the table. */
    private readonly missingParents: ReadonlyMap<number, string>,
  ) {}

  /** A table of these units; a code seen twice keeps the last one. */
  static of(units: Iterable<Unit>): UnitTable {
    const builder = new UnitTableBuilder();
    for (const unit of units) builder.add(unit);
    return builder.build();
  }

  get size(): number {
    return this.codes.length;
  }

  /** The unit number of `code` (exact, case-sensitive), -1 when absent. */
  indexOf(code: string): number {
    return search(this.codes, code);
  }

  code(i: number): string {
    return this.codes[i]!;
  }

  name(i: number): string {
    return this.names[i]!;
  }

  /** The unit number of the stored parent when it is in the table (possibly `i` itself), else -1. */
  parentIndex(i: number): number {
    const parent = this.parents[i]!;
    return parent >= 0 ? parent : -1;
  }

  /** The parent code as stored (null when none). */
  parentCode(i: number): string | null {
    const parent = this.parents[i]!;
    if (parent >= 0) return this.codes[parent]!;
    return parent === NO_PARENT ? null : (this.missingParents.get(i) ?? null);
  }

  unit(i: number): Unit {
    return { code: this.codes[i]!, name: this.names[i]!, parentCode: this.parentCode(i), createdAt: this.created[i]! };
  }

  /** Every unit as objects, sorted by code. */
  units(): Unit[] {
    const out: Unit[] = new Array<Unit>(this.codes.length);
    for (let i = 0; i < out.length; i += 1) out[i] = this.unit(i);
    return out;
  }

  /** Assembles a table from columns in insertion order (used by {@link UnitTableBuilder}). */
  static assemble(codes: string[], names: string[], created: string[], parentCodes: (string | null)[]): UnitTable {
    // Unit numbers sorted by code, later insertions after earlier ones; the last of each code is kept.
    const order = Array.from(codes.keys()).sort((a, b) => byCode(codes[a]!, codes[b]!) || a - b);
    const kept = order.filter((from, k) => codes[order[k + 1] ?? -1] !== codes[from]);
    const sortedCodes = kept.map((from) => codes[from]!);
    const parents = new Int32Array(kept.length);
    const missingParents = new Map<number, string>();
    kept.forEach((from, i) => {
      const parentCode = parentCodes[from];
      if (parentCode == null) return void (parents[i] = NO_PARENT);
      const parent = search(sortedCodes, parentCode);
      parents[i] = parent >= 0 ? parent : MISSING_PARENT;
      if (parent < 0) missingParents.set(i, parentCode);
    });
    return new UnitTable(
      sortedCodes,
      kept.map((from) => names[from]!),
      kept.map((from) => created[from]!),
      parents,
      missingParents,
    );
  }
}

/** Binary search of `code` in codes sorted by code-unit order; -1 when absent. */
function search(codes: readonly string[], code: string): number {
  let low = 0;
  let high = codes.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const here = codes[mid]!;
    if (here === code) return mid;
    if (here < code) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

/**
 * Collects units one by one (as a scan of the units hash returns them) into columns, so that no
 * object per unit outlives the reading; equal creation times share one string.
 */
export class UnitTableBuilder {
  private readonly codes: string[] = [];
  private readonly names: string[] = [];
  private readonly created: string[] = [];
  private readonly parentCodes: (string | null)[] = [];
  private readonly times = new Map<string, string>();

  add(unit: Unit): void {
    this.codes.push(unit.code);
    this.names.push(unit.name);
    let createdAt = this.times.get(unit.createdAt);
    if (createdAt === undefined) this.times.set(unit.createdAt, (createdAt = unit.createdAt));
    this.created.push(createdAt);
    this.parentCodes.push(unit.parentCode);
  }

  build(): UnitTable {
    return UnitTable.assemble(this.codes, this.names, this.created, this.parentCodes);
  }
}
