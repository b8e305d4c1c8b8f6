import { describe, expect, it } from 'vitest';
import type { Unit } from '../../src/core/domain/types.ts';
import { UnitTree } from '../../src/core/org/unit-tree.ts';
import { renderTree, TREE_MAX_LINES } from '../../src/core/org/render-tree.ts';
import { UnitTable } from '../../src/core/org/unit-table.ts';
import { ReferenceUnitTree } from './reference-unit-tree.ts';

const unit = (code: string, parentCode: string | null): Unit => ({ code, name: `Đơn vị ${code}`, parentCode, createdAt: '' });
const t = (key: string, p?: Record<string, string | number>) => `${key}:${Object.values(p ?? {}).join('|')}`;

describe('UnitTree', () => {
  const units = [
    unit('TINH', null),
    unit('HD01', 'TINH'),
    unit('HD02', 'TINH'),
    unit('XA01', 'HD01'),
    unit('XA02', 'HD01'),
    unit('CD01', 'XA01'),
  ];
  const tree = new UnitTree(units, 'TINH');

  it('knows parents, ancestors, depth and subtrees at any depth', () => {
    expect(tree.ancestors('CD01')).toEqual(['XA01', 'HD01', 'TINH']);
    expect(tree.depth('CD01')).toBe(3);
    expect(tree.subtree('HD01').map((u) => u.code)).toEqual(['HD01', 'XA01', 'CD01', 'XA02']);
    expect(tree.isWithin('CD01', 'HD01')).toBe(true);
    expect(tree.isWithin('HD02', 'HD01')).toBe(false);
    expect(tree.isWithin('HD02', 'TINH')).toBe(true);
  });

  it('has the units with nothing below them report, never the root', () => {
    expect(tree.reportingWithin('TINH').map((u) => u.code)).toEqual(['CD01', 'XA02', 'HD02']);
    expect(tree.reportingWithin('XA02').map((u) => u.code)).toEqual(['XA02']);
    expect(new UnitTree([unit('TINH', null)], 'TINH').reportingWithin('TINH')).toEqual([]);
  });

  it('refuses a move that would make a unit its own ancestor', () => {
    expect(tree.wouldCycle('HD01', 'CD01')).toBe(true);
    expect(tree.wouldCycle('HD01', 'HD01')).toBe(true);
    expect(tree.wouldCycle('XA02', 'HD02')).toBe(false);
  });

  it('survives a loop in stored parents and a parent that no longer exists', () => {
    const broken = new UnitTree([unit('TINH', null), unit('A', 'B'), unit('B', 'A'), unit('C', 'GONE')], 'TINH');
    expect(broken.reachesRoot('A')).toBe(false);
    expect(broken.reachesRoot('C')).toBe(true);
    expect(broken.parentOf('C')).toBe('TINH');
    expect(
      broken
        .subtree('A')
        .map((u) => u.code)
        .sort(),
    ).toEqual(['A', 'B']);
  });

  it('draws a small tree whole and folds the deep levels of a large one', () => {
    expect(renderTree(tree, 'TINH', t)).toEqual([
      'tree.node:TINH|Đơn vị TINH',
      '└ tree.node:HD01|Đơn vị HD01|3',
      '   └ tree.node:XA01|Đơn vị XA01|1',
      '      └ tree.node:CD01|Đơn vị CD01|0',
      '   └ tree.node:XA02|Đơn vị XA02|0',
      '└ tree.node:HD02|Đơn vị HD02|0',
    ]);
    const big = [unit('TINH', null)];
    for (let d = 1; d <= 10; d += 1) {
      big.push(unit(`HD${d}`, 'TINH'));
      for (let x = 1; x <= 20; x += 1) big.push(unit(`X${d}-${x}`, `HD${d}`));
    }
    const lines = renderTree(new UnitTree(big, 'TINH'), 'TINH', t);
    expect(lines).toHaveLength(11);
    expect(lines[1]).toBe('└ tree.node_folded:HD1|Đơn vị HD1|20');
    const flat = [unit('TINH', null), ...Array.from({ length: 100 }, (_, i) => unit(`U${String(i).padStart(3, '0')}`, 'TINH'))];
    const flatLines = renderTree(new UnitTree(flat, 'TINH'), 'TINH', t);
    expect(flatLines).toHaveLength(TREE_MAX_LINES + 1);
    expect(flatLines.at(-1)).toBe(`tree.more:${100 - (TREE_MAX_LINES - 1)}`);
  });
});

/** Every answer of the compact tree, for every code (and one unknown), next to the reference tree's. */
function expectSameAnswers(units: readonly Unit[], rootCode: string): void {
  const compact = new UnitTree(UnitTable.of(units), rootCode);
  const reference = new ReferenceUnitTree(units, rootCode);
  const codes = [...new Set([...units.map((u) => u.code), rootCode, 'UNKNOWN'])];
  const codesOf = (list: readonly Unit[]) => list.map((u) => u.code);
  for (const code of codes) {
    const at = { code, rootCode };
    expect({ ...at, get: compact.get(code) }).toEqual({ ...at, get: reference.get(code) });
    expect({ ...at, children: compact.children(code) }).toEqual({ ...at, children: reference.children(code) });
    expect({ ...at, parent: compact.parentOf(code) }).toEqual({ ...at, parent: reference.parentOf(code) });
    expect({ ...at, ancestors: compact.ancestors(code) }).toEqual({ ...at, ancestors: reference.ancestors(code) });
    expect({ ...at, depth: compact.depth(code) }).toEqual({ ...at, depth: reference.depth(code) });
    expect({ ...at, reaches: compact.reachesRoot(code) }).toEqual({ ...at, reaches: reference.reachesRoot(code) });
    expect({ ...at, subtree: compact.subtree(code) }).toEqual({ ...at, subtree: reference.subtree(code) });
    expect({ ...at, size: compact.subtreeSize(code) }).toEqual({ ...at, size: reference.subtree(code).length });
    expect({ ...at, reporting: compact.isReporting(code) }).toEqual({ ...at, reporting: reference.isReporting(code) });
    expect({ ...at, leaves: codesOf(compact.reportingWithin(code)) }).toEqual({ ...at, leaves: codesOf(reference.reportingWithin(code)) });
    expect({ ...at, count: compact.reportingCount(code) }).toEqual({ ...at, count: reference.reportingCount(code) });
    // The reference loops forever when the unit lies on a loop of parents (the only loop its subtree can hold).
    if (!reference.subtree(code).some((u) => reference.children(u.code).some((c) => c.code === code))) {
      expect({ ...at, byDepth: compact.reportingByDepth(code) }).toEqual({ ...at, byDepth: reference.reportingByDepth(code) });
    }
    for (const other of codes) {
      expect({ ...at, other, within: compact.isWithin(code, other) }).toEqual({ ...at, other, within: reference.isWithin(code, other) });
      expect({ ...at, other, cycle: compact.wouldCycle(code, other) }).toEqual({ ...at, other, cycle: reference.wouldCycle(code, other) });
    }
  }
}

/** A fixed pseudo-random sequence, so that every run checks the same trees. */
function random(seed: number): () => number {
  return () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
}

describe('UnitTree kept as arrays', () => {
  it('gives the answers of the object tree on small trees, broken ones included', () => {
    const small = [
      unit('TINH', null),
      unit('HD01', 'TINH'),
      unit('HD02', 'TINH'),
      unit('XA01', 'HD01'),
      unit('XA02', 'HD01'),
      unit('CD01', 'XA01'),
    ];
    expectSameAnswers(small, 'TINH');
    expectSameAnswers(small, 'HD01');
    // A loop, a parent that is gone, a unit that is its own parent, and a root above the root.
    const broken = [
      unit('TINH', 'TW'),
      unit('TW', null),
      unit('A', 'B'),
      unit('B', 'A'),
      unit('C', 'GONE'),
      unit('S', 'S'),
      unit('D', 'C'),
    ];
    expectSameAnswers(broken, 'TINH');
    // A flat province whose root is not itself a unit of the list.
    expectSameAnswers([unit('U2', 'TINH'), unit('U1', null), unit('U3', 'U2')], 'TINH');
    expectSameAnswers([], 'TINH');
  });

  it('gives the answers of the object tree on random trees, children in localeCompare order', () => {
    const next = random(11);
    // Codes whose code-unit order differs from localeCompare's (lower case, "_", "-", digits).
    const alphabet = ['A', 'b', 'C', '_', '-', '1', '9', 'z', 'Đ'];
    for (let round = 0; round < 6; round += 1) {
      const units = [unit('ROOT', null)];
      const codes = ['ROOT'];
      for (let i = 0; i < 60; i += 1) {
        let code = '';
        for (let k = 0; k < 1 + Math.floor(next() * 3); k += 1) code += alphabet[Math.floor(next() * alphabet.length)]!;
        code += String(i % 7);
        const roll = next();
        const parent = roll < 0.05 ? null : roll < 0.1 ? 'GONE' : codes[Math.floor(next() * codes.length)]!;
        units.push(unit(code, parent));
        codes.push(code);
      }
      // Shuffled, with a few codes twice (the last one counts, as in the store).
      units.sort(() => next() - 0.5);
      expectSameAnswers(
        units.filter((u, i) => units.findIndex((v) => v.code === u.code) === i || i === units.length - 1),
        'ROOT',
      );
    }
  });
});
