// antd Tree data of the index-set nodes (already in natural code order), keyed by code; each title shows
// code, title, max points and a mark when validation reports an error on the node.
import type { ReactNode } from 'react';
import { Typography } from 'antd';
import { WarningFilled } from '@ant-design/icons';
import type { FrameworkNode } from '../../../../core/framework/index.ts';

export interface NodeTreeItem {
  key: string;
  title: ReactNode;
  children?: NodeTreeItem[];
  isLeaf: boolean;
}

export function buildTreeData(
  nodes: readonly FrameworkNode[],
  errorCodes: Set<string>,
  num: (v: number) => string,
): NodeTreeItem[] {
  const seen = new Set<string>();
  const go = (list: readonly FrameworkNode[]): NodeTreeItem[] =>
    list.map((n) => {
      let key = n.code;
      for (let i = 2; seen.has(key); i++) key = `${n.code}#${i}`;
      seen.add(key);
      const title = (
        <span data-testid={`fw-node-${n.code}`} style={{ whiteSpace: 'normal' }}>
          <Typography.Text strong>{n.code}</Typography.Text> {n.title}{' '}
          <Typography.Text type="secondary">({num(n.maxPoints)})</Typography.Text>
          {errorCodes.has(n.code) && <WarningFilled style={{ color: '#cf1322', marginInlineStart: 6 }} />}
        </span>
      );
      const leaf = !n.children || n.children.length === 0;
      return leaf ? { key, title, isLeaf: true } : { key, title, isLeaf: false, children: go(n.children!) };
    });
  return go(nodes);
}

export function groupCodes(nodes: readonly FrameworkNode[]): string[] {
  const out: string[] = [];
  const go = (list: readonly FrameworkNode[]) =>
    list.forEach((n) => {
      if (n.children && n.children.length > 0) {
        out.push(n.code);
        go(n.children);
      }
    });
  go(nodes);
  return out;
}
