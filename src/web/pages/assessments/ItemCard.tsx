// One item of the form: code, title, max points, guidance and evidence requirement, inputs suited to its
// method, the live score, the explanation (giải trình), evidence and supplied figures. Re-renders only when
// its own draft changes.
import { memo, useMemo } from 'react';
import { Alert, Card, Col, Input, Row, Space, Tag, Typography } from 'antd';
import { evidenceRuleOf } from '../../../core/framework/index.ts';
import type { FrameworkNode } from '../../../core/framework/index.ts';
import { showDateTime } from '../../lib/dates.ts';
import { useT } from '../../i18n/context.ts';
import { useNum } from '../frameworks/format.ts';
import { useSlot } from './autosave/useAutosave.ts';
import { useForm } from './formContext.ts';
import { ItemInputs } from './ItemInputs.tsx';
import { ScoreBox } from './ScoreBox.tsx';
import { EvidencePanel } from './EvidencePanel.tsx';
import { SuppliedBadge } from './SuppliedBadge.tsx';
import { ItemSaveTag } from './ItemSaveTag.tsx';
import { scoreOf } from './model.ts';
import { ItemRequests } from './requests/ItemRequests.tsx';
import { ItemAppraisal } from './ItemAppraisal.tsx';

interface Props {
  node: FrameworkNode;
  incomplete: boolean;
}

export const ItemCard = memo(function ItemCard({ node, incomplete }: Props) {
  const t = useT();
  const num = useNum();
  const ctx = useForm();
  const slot = useSlot(ctx.store, node.code);
  const evidenceRule = evidenceRuleOf(node, ctx.evidenceRule);
  const draft = slot?.draft;
  const score = useMemo(() => (draft ? scoreOf(node, draft, ctx.info) : null), [node, draft, ctx.info]);
  if (!slot || !draft || !score) return null;
  const editable = (ctx.canEdit || (ctx.canEditReopened && slot.server.reopened)) && !slot.locked;
  const touched = Object.values(draft.inputs).some((v) => v !== null && v !== undefined && v !== '');
  const code = node.code;
  return (
    <Card
      id={`item-${code}`}
      size="small"
      data-testid={`item-${code}`}
      style={{ scrollMarginTop: 140, borderColor: incomplete ? '#faad14' : undefined }}
      title={
        <div style={{ whiteSpace: 'normal', paddingBlock: 6 }}>
          <Typography.Text strong>{code}. </Typography.Text>
          <Typography.Text strong>{node.title}</Typography.Text>
        </div>
      }
      extra={<ItemSaveTag slot={slot} />}
    >
      <Space orientation="vertical" size={10} style={{ width: '100%' }}>
        <Space wrap size={6}>
          <Tag color="blue">
            {t('as.maxPoints')}: {num(node.maxPoints)}
          </Tag>
          {incomplete ? <Tag color="gold">{t('as.incomplete')}</Tag> : <Tag color="green">{t('as.complete')}</Tag>}
          {slot.server.reopened && <Tag color="purple">{t('as.reopenedItem')}</Tag>}
          {slot.locked && <Tag>{t('as.lockedItem')}</Tag>}
          {node.automaticSource && (
            <Tag color="cyan" data-testid={`item-${code}-automatic`} style={{ whiteSpace: 'normal' }}>
              {t('as.automaticSource', { source: node.automaticSource })}
            </Tag>
          )}
        </Space>
        {node.guidance && (
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {t('as.guidance')}:{' '}
            </Typography.Text>
            <Typography.Text style={{ fontSize: 13 }}>{node.guidance}</Typography.Text>
          </div>
        )}
        {(node.evidence || evidenceRule !== 'none') && (
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {t('as.evidence')}:{' '}
            </Typography.Text>
            {/* The item's evidence rule (issue 13 §3), in the words of the decision. */}
            {evidenceRule === 'required' ? (
              <Tag color="red" data-testid={`item-${code}-required`}>
                {t('as.required')}
              </Tag>
            ) : (
              evidenceRule === 'evidence_or_explanation' && (
                <Tag color="blue" data-testid={`item-${code}-evidence-or-explanation`}>
                  {t('evidenceRule.evidence_or_explanation')}
                </Tag>
              )
            )}
            <Typography.Text style={{ fontSize: 13 }}>{node.evidence}</Typography.Text>
          </div>
        )}
        {slot.server.supplied && (
          <SuppliedBadge
            code={code}
            supplied={slot.server.supplied}
            inputs={draft.inputs}
            canUse={editable}
            onUse={(inputs) => ctx.store.edit(code, { inputs })}
          />
        )}
        <Row gutter={[16, 12]}>
          <Col xs={24} lg={14}>
            <ItemInputs
              node={node}
              inputs={draft.inputs}
              disabled={!editable}
              phone={ctx.phone}
              onChange={(inputs) => ctx.store.edit(code, { inputs })}
            />
          </Col>
          <Col xs={24} lg={10}>
            <ScoreBox code={code} score={score} max={node.maxPoints} touched={touched} />
          </Col>
        </Row>
        {ctx.appraisal?.[code] && <ItemAppraisal code={code} view={ctx.appraisal[code]} />}
        <div>
          <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 4 }}>
            {t('as.explanation')}
          </Typography.Text>
          <Input.TextArea
            value={draft.explanation}
            disabled={!editable}
            autoSize={{ minRows: 2, maxRows: 8 }}
            placeholder={t('as.explanationHint')}
            onChange={(e) => ctx.store.edit(code, { explanation: e.target.value })}
            data-testid={`item-${code}-explanation`}
          />
        </div>
        {slot.state === 'error' && slot.error && (
          <Alert type="error" showIcon title={slot.error} data-testid={`item-${code}-error`} />
        )}
        <EvidencePanel code={code} evidenceIds={draft.evidenceIds} editable={editable} />
        {ctx.showRequests && <ItemRequests assessmentId={ctx.assessmentId} code={code} />}
        {slot.server.updatedBy && slot.server.updatedAt && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('as.lastEdit', { name: slot.server.updatedBy.fullName, at: showDateTime(slot.server.updatedAt) })}
          </Typography.Text>
        )}
      </Space>
    </Card>
  );
});
