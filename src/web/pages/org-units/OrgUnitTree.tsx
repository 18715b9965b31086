// Virtual-scrolling tree of org units with accent-insensitive search: shows matches and their ancestors,
// expands to them and highlights the matched letters. Inactive units are greyed.
import { useMemo, useState } from 'react';
import { Empty, Tag, Tree, Typography } from 'antd';
import type { Key } from 'react';
import type { OrgUnit } from '../../../contract/org-units.ts';
import type { UnitIndex } from '../../lib/tree.ts';
import { searchUnits } from '../../lib/tree.ts';
import { Highlight } from '../../components/Highlight.tsx';
import { UnitTypeTag } from '../../components/UnitTypeTag.tsx';
import { useT } from '../../i18n/context.ts';

interface UnitNode {
  key: string;
  title: string;
  unit: OrgUnit;
  isLeaf: boolean;
  children?: UnitNode[];
}

function build(index: UnitIndex, parent: string | null, visible: Set<string> | null): UnitNode[] {
  const out: UnitNode[] = [];
  for (const u of index.children.get(parent) ?? []) {
    if (visible && !visible.has(u.id)) continue;
    const children = build(index, u.id, visible);
    out.push({
      key: u.id,
      title: u.name,
      unit: u,
      isLeaf: children.length === 0,
      children: children.length ? children : undefined,
    });
  }
  return out;
}

interface Props {
  index: UnitIndex;
  query: string;
  selectedId: string | null;
  onSelect: (id: string) => void;
  height: number;
  /** Ids to expand in addition (e.g. the ancestors of a unit just created). */
  reveal: string[];
}

export function OrgUnitTree({ index, query, selectedId, onSelect, height, reveal }: Props) {
  const t = useT();
  const search = useMemo(() => (query.trim() ? searchUnits(index, query) : null), [index, query]);
  const treeData = useMemo(() => build(index, null, search ? search.visible : null), [index, search]);
  const defaultExpanded = useMemo<Key[]>(() => {
    if (search) return [...search.ancestors];
    return (index.children.get(null) ?? []).map((u) => u.id);
  }, [index, search]);
  const [manual, setManual] = useState<{ query: string; keys: Key[] } | null>(null);
  const expandedKeys = useMemo(() => {
    const base = manual && manual.query === query ? manual.keys : defaultExpanded;
    return reveal.length ? [...new Set([...base, ...reveal])] : base;
  }, [manual, query, defaultExpanded, reveal]);

  if (treeData.length === 0) return <Empty description={t('unit.noResults')} />;

  return (
    <div data-testid="unit-tree">
      {search && (
        <Typography.Text type="secondary" data-testid="unit-search-count" style={{ display: 'block', marginBottom: 8 }}>
          {t('unit.matches', { n: search.matches.size })}
        </Typography.Text>
      )}
      <Tree<UnitNode>
        treeData={treeData}
        height={height}
        virtual
        blockNode
        showLine={{ showLeafIcon: false }}
        expandedKeys={expandedKeys}
        onExpand={(keys) => setManual({ query, keys })}
        selectedKeys={selectedId ? [selectedId] : []}
        onSelect={(_keys, info) => onSelect(String(info.node.key))}
        titleRender={(node) => {
          const u = node.unit;
          const isMatch = search?.matches.has(u.id);
          return (
            <span
              data-testid={`unit-node-${u.code}`}
              style={{
                color: u.active ? undefined : '#999',
                display: 'inline-flex',
                gap: 6,
                alignItems: 'center',
                whiteSpace: 'nowrap',
                fontWeight: isMatch ? 500 : undefined,
              }}
            >
              <span style={{ color: u.active ? '#8c8c8c' : '#bbb', fontFamily: 'monospace', fontSize: 12 }}>
                <Highlight text={u.code} query={isMatch ? query : ''} />
              </span>
              <span style={{ textDecoration: u.active ? undefined : 'line-through' }}>
                <Highlight text={u.name} query={isMatch ? query : ''} />
              </span>
              <UnitTypeTag type={u.type} />
              {!u.active && <Tag>{t('common.inactive')}</Tag>}
            </span>
          );
        }}
      />
    </div>
  );
}
