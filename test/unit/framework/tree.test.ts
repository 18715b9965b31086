import { describe, expect, it } from 'vitest';
import { countIndicators, findNode, flattenNodes, leaves, sortNodes } from '../../../src/core/framework/index.ts';
import { framework, group, leaf } from './fixtures.ts';

const def = framework([
  group('2', 10, [leaf('2.10', 5), leaf('2.2', 5)]),
  group('1', 10, [group('1.1', 6, [leaf('1.1.1', 6)]), leaf('1.2', 4)]),
]);

describe('tree utilities', () => {
  it('sorts codes naturally: 1.2 before 1.10, recursively', () => {
    const sorted = sortNodes(def.nodes);
    expect(flattenNodes(sorted).map((f) => f.code)).toEqual(['1', '1.1', '1.1.1', '1.2', '2', '2.2', '2.10']);
    expect(def.nodes[0]?.code).toBe('2');
  });
  it('flattens in pre-order with depth and parent code', () => {
    const flat = flattenNodes(sortNodes(def.nodes));
    expect(flat.map((f) => [f.code, f.depth, f.parentCode, f.isLeaf])).toEqual([
      ['1', 1, null, false],
      ['1.1', 2, '1', false],
      ['1.1.1', 3, '1.1', true],
      ['1.2', 2, '1', true],
      ['2', 1, null, false],
      ['2.2', 2, '2', true],
      ['2.10', 2, '2', true],
    ]);
  });
  it('finds a node by code', () => {
    expect(findNode(def, '1.1.1')).toMatchObject({ depth: 3, parentCode: '1.1' });
    expect(findNode(def, '9')).toBeUndefined();
  });
  it('counts main indicators (depth 1), sub-indicators (depth 2) and leaves', () => {
    expect(countIndicators(def)).toEqual({ mainIndicators: 2, subIndicators: 4, leaves: 4, nodes: 7 });
    expect(leaves(def).map((f) => f.code)).toEqual(['2.10', '2.2', '1.1.1', '1.2']);
  });
});
