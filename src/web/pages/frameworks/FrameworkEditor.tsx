// Editor of one index-set version: header (metadata, totals, actions), the tree, the selected node's form,
// the live preview of its score and the totals/validation panel. Drafts are editable; others read-only.
import { useState } from 'react';
import { Card, Col, Empty, Row, Space } from 'antd';
import { findNode } from '../../../core/framework/index.ts';
import type { FrameworkDetail } from '../../../contract/frameworks.ts';
import { rowVersionOf, useSaveFramework } from '../../api/frameworks.ts';
import { notifySuccess } from '../../lib/notify.ts';
import { useT } from '../../i18n/context.ts';
import { useDraft } from './useDraft.ts';
import { FrameworkHeader } from './FrameworkHeader.tsx';
import { SaveStatus } from './SaveStatus.tsx';
import { NodeTreePanel } from './editor/NodeTreePanel.tsx';
import { NodeForm } from './editor/NodeForm.tsx';
import { PreviewPanel } from './editor/PreviewPanel.tsx';
import { TotalsPanel } from './editor/TotalsPanel.tsx';
import { SetRulesPanel } from './editor/SetRulesPanel.tsx';

interface Props {
  detail: FrameworkDetail;
  selected: string | null;
  onSelect: (code: string | null) => void;
  onReload: () => void;
}

export function FrameworkEditor({ detail, selected, onSelect, onReload }: Props) {
  const t = useT();
  const draft = useDraft(detail.definition);
  const save = useSaveFramework();
  const [saveError, setSaveError] = useState<unknown>(null);
  const editable = detail.status === 'draft' && detail.abilities.update;
  const nodes = draft.definition.nodes;
  const current = selected ? findNode(nodes, selected) : undefined;

  const doSave = () => {
    setSaveError(null);
    save.mutate(
      { id: detail.id, definition: draft.definition, version: rowVersionOf(detail) },
      {
        onSuccess: () => notifySuccess(t('fw.saved')),
        onError: (e) => setSaveError(e),
      },
    );
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="fw-editor">
      <FrameworkHeader
        detail={detail}
        definition={draft.definition}
        dirty={draft.dirty}
        saveSlot={
          editable ? (
            <SaveStatus
              dirty={draft.dirty}
              saving={save.isPending}
              error={saveError}
              onSave={doSave}
              onReload={onReload}
            />
          ) : null
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={8}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <NodeTreePanel
              nodes={nodes}
              selected={current ? current.code : null}
              onSelect={onSelect}
              editable={editable}
              validation={draft.validation}
              onChange={draft.setNodes}
            />
            <TotalsPanel definition={draft.definition} validation={draft.validation} onSelect={onSelect} />
            <SetRulesPanel
              definition={draft.definition}
              editable={editable}
              onChange={(rule) =>
                draft.setDefinition(({ evidenceRule: _old, ...d }) => (rule ? { ...d, evidenceRule: rule } : d))
              }
            />
          </Space>
        </Col>
        <Col xs={24} xl={16}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Card
              size="small"
              title={current ? `${current.code}. ${current.node.title}` : t('fw.node')}
              data-testid="fw-node-card"
            >
              {current ? (
                <NodeForm
                  key={current.code}
                  flat={current}
                  nodes={nodes}
                  infoFields={draft.definition.infoFields ?? []}
                  editable={editable}
                  onChange={(fn) => draft.setNodes(fn)}
                  onRenamed={onSelect}
                />
              ) : (
                <Empty description={t('fw.selectNode')} />
              )}
            </Card>
            {current?.isLeaf && (
              <PreviewPanel key={current.code} node={current.node} infoFields={draft.definition.infoFields ?? []} />
            )}
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
