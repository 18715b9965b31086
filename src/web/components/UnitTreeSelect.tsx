// TreeSelect over the visible org-unit tree, searchable without diacritics (virtual list for ~12,000 units).
import type React from 'react';
import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import { useOrgUnits } from '../api/orgUnits.ts';
import { indexUnits } from '../lib/tree.ts';
import type { UnitIndex } from '../lib/tree.ts';
import { matchesSearch } from '../../core/text/vietnamese.ts';

interface Node {
  value: string;
  title: string;
  disabled?: boolean;
  children?: Node[];
}

function build(index: UnitIndex, parent: string | null, exclude: string | undefined): Node[] {
  const list = index.children.get(parent) ?? [];
  const out: Node[] = [];
  for (const u of list) {
    if (u.id === exclude) continue; // a unit cannot be moved under itself or its descendants
    const children = build(index, u.id, exclude);
    out.push({ value: u.id, title: `${u.code} — ${u.name}`, children: children.length ? children : undefined });
  }
  return out;
}

interface Props {
  value?: string | string[] | null;
  onChange?: (value: string | string[] | null) => void;
  multiple?: boolean;
  placeholder?: string;
  excludeSubtreeOf?: string;
  allowClear?: boolean;
  testId?: string;
  style?: React.CSSProperties;
}

export function UnitTreeSelect({
  value,
  onChange,
  multiple,
  placeholder,
  excludeSubtreeOf,
  allowClear = true,
  testId,
  style,
}: Props) {
  const { data, isLoading } = useOrgUnits();
  const treeData = useMemo(
    () => (data ? build(indexUnits(data.items), null, excludeSubtreeOf) : []),
    [data, excludeSubtreeOf],
  );
  return (
    <TreeSelect
      data-testid={testId}
      style={{ width: '100%', ...style }}
      value={value ?? undefined}
      onChange={(v: string | string[] | undefined) => onChange?.(v ?? null)}
      treeData={treeData}
      loading={isLoading}
      multiple={multiple}
      showSearch={{
        filterTreeNode: (input, node) => matchesSearch(String(node.title ?? ''), input),
        treeNodeFilterProp: 'title',
      }}
      placeholder={placeholder}
      allowClear={allowClear}
      listHeight={320}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxWidth: 'min(640px, 95vw)' } } }}
      maxTagCount="responsive"
    />
  );
}
