import { describe, expect, it } from 'vitest';
import type { Unit } from '../../src/core/domain/types.ts';
import { UnitTree } from '../../src/core/org/unit-tree.ts';
import { renderTree, TREE_MAX_LINES } from '../../src/core/org/render-tree.ts';

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
