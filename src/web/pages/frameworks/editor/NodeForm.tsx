// Fields of the selected node, bound directly to the draft (every change is live in the tree, totals and
// preview). The code is applied on blur/Enter when valid and unused; leaves also get the method editor.
import { useState } from 'react';
import { Col, Divider, Input, Row, Select, Switch, Typography } from 'antd';
import { type EvidenceRule, flattenNodes, isValidCode } from '../../../../core/framework/index.ts';
import type { FlatNode, FrameworkNode, InfoField } from '../../../../core/framework/index.ts';
import { updateNode } from '../../../lib/frameworkEdit.ts';
import { useT } from '../../../i18n/context.ts';
import type { MessageKey } from '../../../i18n/vi.ts';
import { MethodEditor } from './MethodEditor.tsx';
import { DecimalInput } from './DecimalInput.tsx';

interface Props {
  flat: FlatNode;
  nodes: FrameworkNode[];
  infoFields: InfoField[];
  editable: boolean;
  onChange: (fn: (nodes: FrameworkNode[]) => FrameworkNode[]) => void;
  onRenamed: (code: string) => void;
}

type TextField = 'guidance' | 'evidence' | 'dataSource' | 'verifyingUnit' | 'domain' | 'automaticSource';

function Label({ children }: { children: string }) {
  return (
    <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 4 }}>
      {children}
    </Typography.Text>
  );
}

export function NodeForm({ flat, nodes, infoFields, editable, onChange, onRenamed }: Props) {
  const t = useT();
  const node = flat.node;
  const [code, setCode] = useState(node.code);
  const [codeError, setCodeError] = useState<string | null>(null);
  const update = (patch: Partial<FrameworkNode>) => onChange((n) => updateNode(n, node.code, patch));
  const text = (field: TextField, label: MessageKey, area = true) => (
    <Col xs={24} md={area ? 24 : 12} key={field}>
      <Label>{t(label)}</Label>
      {area ? (
        <Input.TextArea
          readOnly={!editable}
          autoSize={{ minRows: 2, maxRows: 8 }}
          value={node[field] ?? ''}
          data-testid={`fw-field-${field}`}
          onChange={(e) => update({ [field]: e.target.value || undefined })}
        />
      ) : (
        <Input
          readOnly={!editable}
          value={node[field] ?? ''}
          data-testid={`fw-field-${field}`}
          onChange={(e) => update({ [field]: e.target.value || undefined })}
        />
      )}
    </Col>
  );

  const applyCode = () => {
    const next = code.trim();
    if (next === node.code) return setCodeError(null);
    if (!isValidCode(next)) return setCodeError(t('fw.codeInvalid'));
    if (flattenNodes(nodes).some((f) => f.code === next)) return setCodeError(t('fw.codeTaken'));
    setCodeError(null);
    update({ code: next });
    onRenamed(next);
  };

  return (
    <div data-testid="fw-node-form">
      <Row gutter={[12, 12]}>
        <Col xs={24} md={6}>
          <Label>{t('fw.nodeCode')}</Label>
          <Input
            readOnly={!editable}
            value={code}
            status={codeError ? 'error' : undefined}
            data-testid="fw-field-code"
            onChange={(e) => setCode(e.target.value)}
            onBlur={applyCode}
            onPressEnter={applyCode}
          />
          {codeError && <Typography.Text type="danger">{codeError}</Typography.Text>}
        </Col>
        <Col xs={24} md={12}>
          <Label>{t('fw.nodeTitle')}</Label>
          <Input.TextArea
            readOnly={!editable}
            autoSize={{ minRows: 1, maxRows: 4 }}
            value={node.title}
            data-testid="fw-field-title"
            onChange={(e) => update({ title: e.target.value })}
          />
        </Col>
        <Col xs={24} md={6}>
          <Label>{t('fw.maxPoints')}</Label>
          <DecimalInput
            readOnly={!editable}
            min={0}
            step={0.25}
            style={{ width: '100%' }}
            value={node.maxPoints}
            data-testid="fw-field-max"
            onChange={(v) => typeof v === 'number' && update({ maxPoints: v })}
          />
        </Col>
        {text('guidance', 'fw.field.guidance')}
        {text('evidence', 'fw.field.evidence')}
        {text('dataSource', 'fw.field.dataSource', false)}
        {text('verifyingUnit', 'fw.field.verifyingUnit', false)}
        {text('domain', 'fw.field.domain', false)}
        <Col xs={24} md={12}>
          <Label>{t('fw.field.evidenceRequired')}</Label>
          <Switch
            disabled={!editable}
            checked={!!node.evidenceRequired}
            data-testid="fw-field-evidenceRequired"
            onChange={(v) => update({ evidenceRequired: v || undefined })}
          />
        </Col>
        <Col xs={24} md={12}>
          {/* The item's evidence rule (issue 13 §3); empty → the set's rule, from its decision. */}
          <Label>{t('fw.field.evidenceRule')}</Label>
          <Select
            disabled={!editable}
            style={{ width: '100%' }}
            value={node.evidenceRule ?? ''}
            data-testid="fw-field-evidenceRule"
            onChange={(v: string) => update({ evidenceRule: v === '' ? undefined : (v as EvidenceRule) })}
            options={[
              { value: '', label: t('fw.field.evidenceRuleDefault') },
              ...(['required', 'evidence_or_explanation', 'none'] as const).map((v) => ({
                value: v,
                label: t(`evidenceRule.${v}`),
              })),
            ]}
          />
        </Col>
      </Row>
      {flat.isLeaf ? (
        <>
          <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
            {/* Issue 15 §3: the item is measured by another system; the methodology names it. */}
            {text('automaticSource', 'fw.field.automaticSource', false)}
            <Col xs={24} md={12}>
              <Label>{t('fw.field.notApplicableAllowed')}</Label>
              <Switch
                disabled={!editable}
                checked={!!node.notApplicableAllowed}
                data-testid="fw-field-notApplicableAllowed"
                onChange={(v) => update({ notApplicableAllowed: v || undefined })}
              />
            </Col>
          </Row>
          <Divider titlePlacement="start" style={{ marginBlock: 16 }}>
            {t('fw.field.method')}
          </Divider>
          <MethodEditor
            method={node.method}
            maxPoints={node.maxPoints}
            infoFields={infoFields}
            editable={editable}
            onChange={(method) => update({ method })}
          />
        </>
      ) : (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('fw.groupHint')}
        </Typography.Paragraph>
      )}
    </div>
  );
}
