// The tree of indicators in natural code order with the structure tools of a draft: add a main indicator,
// a child or a sibling, move up/down, change parent, drag and drop, delete.
import { useMemo, useState } from 'react';
import { Card, Tree } from 'antd';
import type { TreeProps } from 'antd';
import { findNode } from '../../../../core/framework/index.ts';
import type { FrameworkNode, ValidationReport } from '../../../../core/framework/index.ts';
import { dropNode } from '../../../lib/frameworkEdit.ts';
import { useT } from '../../../i18n/context.ts';
import { useNum } from '../format.ts';
import { buildTreeData, groupCodes } from './treeData.tsx';
import { TreeToolbar } from './TreeToolbar.tsx';

interface Props {
  nodes: FrameworkNode[];
  selected: string | null;
  onSelect: (code: string | null) => void;
  editable: boolean;
  validation: ValidationReport;
  onChange: (fn: (nodes: FrameworkNode[]) => FrameworkNode[]) => void;
}

function ancestors(nodes: FrameworkNode[], code: string): string[] {
  const out: string[] = [];
  let p = findNode(nodes, code)?.parentCode ?? null;
  while (p !== null && !out.includes(p)) {
    out.push(p);
    p = findNode(nodes, p)?.parentCode ?? null;
  }
  return out;
}

export function NodeTreePanel({ nodes, selected, onSelect, editable, validation, onChange }: Props) {
  const t = useT();
  const num = useNum();
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const errorCodes = useMemo(
    () => new Set(validation.errors.flatMap((p) => (p.nodeCode ? [p.nodeCode] : []))),
    [validation],
  );
  const treeData = useMemo(() => buildTreeData(nodes, errorCodes, (v) => num(v)), [nodes, errorCodes, num]);
  const open = new Set(selected ? ancestors(nodes, selected) : []);
  const expandedKeys = groupCodes(nodes).filter((c) => !collapsed.has(c) || open.has(c));

  /** Applies a structural edit that may renumber the selected node, and selects it under its new code. */
  const apply = (fn: (n: FrameworkNode[]) => { nodes: FrameworkNode[]; code: string | null }) => {
    const r = fn(nodes);
    onChange(() => r.nodes);
    onSelect(r.code);
  };

  const onDrop: TreeProps['onDrop'] = (info) => {
    const drag = String(info.dragNode.key).split('#')[0]!;
    const target = String(info.node.key).split('#')[0]!;
    const pos = info.node.pos.split('-');
    const relative = info.dropPosition - Number(pos[pos.length - 1]);
    const where = !info.dropToGap ? 'into' : relative < 0 ? 'before' : 'after';
    apply((n) => dropNode(n, drag, target, where));
  };

  return (
    <Card
      size="small"
      title={t('fw.tree')}
      data-testid="fw-tree-card"
      extra={editable ? null : <span data-testid="fw-readonly">{t('fw.readOnly')}</span>}
    >
      {editable && <TreeToolbar nodes={nodes} selected={selected} apply={apply} />}
      <Tree
        blockNode
        showLine
        height={560}
        draggable={editable ? { icon: false } : false}
        onDrop={onDrop}
        treeData={treeData}
        selectedKeys={selected ? [selected] : []}
        expandedKeys={expandedKeys}
        onExpand={(_keys, { node, expanded }) => {
          const code = String(node.key);
          setCollapsed((c) => {
            const next = new Set(c);
            if (expanded) next.delete(code);
            else next.add(code);
            return next;
          });
          if (!expanded && selected && ancestors(nodes, selected).includes(code)) onSelect(code);
        }}
        onSelect={(keys) => {
          const k = keys[0];
          if (k !== undefined) onSelect(String(k).split('#')[0]!);
        }}
        data-testid="fw-tree"
      />
    </Card>
  );
}
