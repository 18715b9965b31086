// Structure tools of the tree (drafts only), acting on the selected node.
import { useState } from 'react';
import type { ReactNode } from 'react';
import { Button, Modal, Popconfirm, Select, Space, Tooltip } from 'antd';
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  NodeIndexOutlined,
  PlusOutlined,
  PlusSquareOutlined,
  SubnodeOutlined,
} from '@ant-design/icons';
import { findNode, flattenNodes } from '../../../../core/framework/index.ts';
import type { FrameworkNode } from '../../../../core/framework/index.ts';
import { addChild, changeParent, deleteNode, isInSubtree, moveNode } from '../../../lib/frameworkEdit.ts';
import { useT } from '../../../i18n/context.ts';
import { accentInsensitiveSearch } from '../../../lib/searchSelect.ts';

type Apply = (fn: (n: FrameworkNode[]) => { nodes: FrameworkNode[]; code: string | null }) => void;

const ROOT = '\u0000root';

export function TreeToolbar({
  nodes,
  selected,
  apply,
}: {
  nodes: FrameworkNode[];
  selected: string | null;
  apply: Apply;
}) {
  const t = useT();
  const [moving, setMoving] = useState(false);
  const [target, setTarget] = useState<string>(ROOT);
  const flat = selected ? findNode(nodes, selected) : undefined;
  const parent = flat?.parentCode ?? null;
  const siblings = flat ? (parent === null ? nodes : (findNode(nodes, parent)?.node.children ?? [])) : [];
  const index = flat ? siblings.findIndex((s) => s.code === flat.code) : -1;
  const tip = (key: Parameters<typeof t>[0], button: ReactNode) => <Tooltip title={t(key)}>{button}</Tooltip>;
  const parents = selected
    ? flattenNodes(nodes).filter((f) => !isInSubtree(nodes, selected, f.code) && f.code !== parent)
    : [];

  return (
    <Space wrap size={4} style={{ marginBottom: 8 }} data-testid="fw-tree-toolbar">
      {tip(
        'fw.addMain',
        <Button
          size="small"
          icon={<PlusSquareOutlined />}
          onClick={() => apply((n) => addChild(n, null, t('fw.newMainTitle')))}
          data-testid="fw-add-main"
          aria-label={t('fw.addMain')}
        />,
      )}
      {tip(
        'fw.addChild',
        <Button
          size="small"
          icon={<SubnodeOutlined />}
          disabled={!flat}
          onClick={() => apply((n) => addChild(n, selected, t('fw.newItemTitle')))}
          data-testid="fw-add-child"
          aria-label={t('fw.addChild')}
        />,
      )}
      {tip(
        'fw.addSibling',
        <Button
          size="small"
          icon={<PlusOutlined />}
          disabled={!flat}
          onClick={() => apply((n) => addChild(n, parent, t('fw.newItemTitle')))}
          data-testid="fw-add-sibling"
          aria-label={t('fw.addSibling')}
        />,
      )}
      {tip(
        'fw.moveUp',
        <Button
          size="small"
          icon={<ArrowUpOutlined />}
          disabled={index <= 0}
          onClick={() => apply((n) => moveNode(n, selected!, -1))}
          data-testid="fw-move-up"
          aria-label={t('fw.moveUp')}
        />,
      )}
      {tip(
        'fw.moveDown',
        <Button
          size="small"
          icon={<ArrowDownOutlined />}
          disabled={index < 0 || index >= siblings.length - 1}
          onClick={() => apply((n) => moveNode(n, selected!, 1))}
          data-testid="fw-move-down"
          aria-label={t('fw.moveDown')}
        />,
      )}
      {tip(
        'fw.changeParent',
        <Button
          size="small"
          icon={<NodeIndexOutlined />}
          disabled={!flat}
          onClick={() => {
            setTarget(ROOT);
            setMoving(true);
          }}
          data-testid="fw-change-parent"
          aria-label={t('fw.changeParent')}
        />,
      )}
      <Popconfirm
        title={t('fw.deleteNodeConfirm', { code: selected ?? '' })}
        disabled={!flat}
        okButtonProps={{ danger: true }}
        okText={t('common.delete')}
        cancelText={t('common.cancel')}
        onConfirm={() => apply((n) => ({ nodes: deleteNode(n, selected!), code: parent }))}
      >
        <Tooltip title={t('fw.deleteNode')}>
          <Button
            size="small"
            danger
            icon={<DeleteOutlined />}
            disabled={!flat}
            data-testid="fw-delete-node"
            aria-label={t('fw.deleteNode')}
          />
        </Tooltip>
      </Popconfirm>
      <Modal
        open={moving}
        title={t('fw.changeParentTitle', { code: selected ?? '' })}
        onCancel={() => setMoving(false)}
        okText={t('fw.move')}
        onOk={() => {
          setMoving(false);
          apply((n) => changeParent(n, selected!, target === ROOT ? null : target));
        }}
      >
        <Select
          showSearch={accentInsensitiveSearch}
          style={{ width: '100%' }}
          value={target}
          onChange={setTarget}
          data-testid="fw-new-parent"
          options={[
            { value: ROOT, label: t('fw.topLevel') },
            ...parents.map((f) => ({ value: f.code, label: `${f.code}. ${f.node.title}` })),
          ]}
        />
      </Modal>
    </Space>
  );
}
