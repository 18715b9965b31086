// Small builders for test frameworks, so each test states only what it is about.
import type { FrameworkDefinition, FrameworkNode, ScoringMethod } from '../../../src/core/framework/index.ts';

export function leaf(
  code: string,
  maxPoints: number,
  method?: ScoringMethod,
  title = `Tiêu chí ${code}`,
): FrameworkNode {
  return method ? { code, title, maxPoints, method } : { code, title, maxPoints };
}

export function group(
  code: string,
  maxPoints: number,
  children: FrameworkNode[],
  title = `Nhóm ${code}`,
): FrameworkNode {
  return { code, title, maxPoints, children };
}

export function framework(nodes: FrameworkNode[], extra: Partial<FrameworkDefinition> = {}): FrameworkDefinition {
  return {
    code: 'test-set',
    name: 'Bộ chỉ số thử',
    decision: { number: '1/QĐ-UBND', issuer: 'UBND tỉnh' },
    appliesTo: { unitTypes: ['department'] },
    nodes,
    ...extra,
  };
}

export const meetings: ScoringMethod = {
  kind: 'steps',
  input: 'number',
  valueLabel: 'Số cuộc họp',
  thresholds: [
    { atLeast: 4, points: 20 },
    { atLeast: 3, points: 15 },
    { atLeast: 2, points: 10 },
    { atLeast: 1, points: 5 },
  ],
};
