// Side panel for the selected queue row: item guidance, the unit's inputs and explanation, evidence with
// preview, flags, scores with deltas, the decision forms the caller may use, requests and history.
import { useEffect } from 'react';
import { Card, Collapse, Descriptions, Space, Spin, Tag, Typography } from 'antd';
import { useAssessmentQuietly, useMarkLooked, useReview } from '../../api/appraisal.ts';
import type { QueueRow, ReviewEvidence } from '../../api/appraisalTypes.ts';
import { useT } from '../../i18n/context.ts';
import { reasonText } from '../../i18n/codes.ts';
import { useNum } from '../frameworks/format.ts';
import { DecisionForm } from './DecisionForm.tsx';
import type { KeyCommand } from './DecisionForm.tsx';
import { EvidencePreview } from './EvidencePreview.tsx';
import { FlagTags } from './FlagTags.tsx';
import { ItemHistory } from './ItemHistory.tsx';
import { RequestForm } from './RequestForm.tsx';
import { RequestThread } from './RequestThread.tsx';
import { ScoreTriple } from './ScoreTriple.tsx';
import { SupplementThread } from './SupplementThread.tsx';
import { findNode, inputsText, reviewOf } from './reviewModel.ts';

interface Props {
  row: QueueRow;
  command: KeyCommand | null;
  onReload: () => void;
  onSaved: () => void;
}

/** Input keys of the built-in methods, named in words (a formula's inputs carry their own labels). */
const INPUT_KEYS = ['score', 'yes', 'choice', 'value', 'a', 'b'];
type InputKey = 'score' | 'yes' | 'choice' | 'value' | 'a' | 'b';
export function ReviewPanel({ row, command, onReload, onSaved }: Props) {
  const t = useT();
  const num = useNum();
  const review = useReview(row.assessmentId);
  // The review answer carries the unit's items, not the index set: the node (guidance, method) comes from the
  // assessment itself, fetched once per unit and cached.
  const assessment = useAssessmentQuietly(row.assessmentId);
  const def = assessment.data?.framework;
  const node = findNode(def, row.code);
  const item = review.data?.items.find((i) => i.code === row.code);
  const rv = reviewOf(item);
  const plain = assessment.data?.items.find((i) => i.code === row.code);
  const inputs = item?.inputs ?? plain?.inputs;
  const explanation = item?.explanation ?? plain?.explanation ?? '';
  const evidence: ReviewEvidence[] = item?.evidence ?? [];
  const requests = item?.requests ?? [];
  const supplements = item?.supplements ?? [];
  const decisionKind = row.abilities.appraise ? 'appraise' : row.abilities.propose ? 'propose' : null;
  // A row flagged "Bổ sung từ lần xem trước" shown for a moment counts as looked at: the flag clears for this
  // reviewer (a row merely passed over with the arrow keys does not).
  const markLooked = useMarkLooked();
  const flagged = row.flags.some((f) => f.kind === 'supplemented_since_last_look');
  const { mutate: look } = markLooked;
  useEffect(() => {
    if (!flagged) return;
    const timer = setTimeout(() => look({ assessmentId: row.assessmentId, code: row.code }), 1500);
    return () => clearTimeout(timer);
  }, [flagged, look, row.assessmentId, row.code]);

  return (
    <Card
      size="small"
      data-testid="apr-panel"
      data-code={row.code}
      data-unit={row.unit.code}
      title={
        <div style={{ whiteSpace: 'normal' }}>
          <Typography.Text type="secondary">{row.unit.name}</Typography.Text>
          <br />
          <Typography.Text strong>
            {row.code}. {row.title}
          </Typography.Text>
        </div>
      }
      extra={
        <Tag color="blue">
          {t('as.maxPoints')}: {num(row.maxPoints)}
        </Tag>
      }
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <ScoreTriple
          self={row.selfScore}
          proposed={row.proposedScore}
          final={row.finalScore}
          max={row.maxPoints}
          notApplicable={row.notApplicable}
        />
        {(rv.proposedComment || rv.finalComment) && (
          <Descriptions size="small" column={1} bordered>
            {rv.proposedComment && (
              <Descriptions.Item label={t('apr.proposedNote')}>
                {rv.proposedReason ? `${reasonText(t, rv.proposedReason)}: ` : ''}
                {rv.proposedComment}
              </Descriptions.Item>
            )}
            {rv.finalComment && (
              <Descriptions.Item label={t('apr.finalNote')}>
                {rv.finalReason ? `${reasonText(t, rv.finalReason)}: ` : ''}
                {rv.finalComment}
              </Descriptions.Item>
            )}
          </Descriptions>
        )}
        {row.flags.length > 0 && <FlagTags flags={row.flags} />}
        {review.isLoading && <Spin size="small" />}
        {node?.guidance && (
          <div data-testid="apr-guidance">
            <Typography.Text type="secondary">{t('apr.guidance')}: </Typography.Text>
            <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{node.guidance}</Typography.Text>
          </div>
        )}
        {node?.evidence && (
          <div>
            <Typography.Text type="secondary">{t('as.evidence')}: </Typography.Text>
            {node.evidenceRequired && <Tag color="red">{t('as.required')}</Tag>}
            <Typography.Text>{node.evidence}</Typography.Text>
          </div>
        )}
        <Descriptions size="small" column={1} data-testid="apr-unit-input">
          <Descriptions.Item label={t('apr.inputs')}>
            {inputsText(inputs, node, {
              label: (k) => (INPUT_KEYS.includes(k) ? t(`apr.input.${k as InputKey}`) : k),
              number: (n) => num(n),
              yes: t('common.yes'),
              no: t('common.no'),
            }) || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('as.explanation')}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{explanation || '—'}</span>
          </Descriptions.Item>
        </Descriptions>
        {decisionKind && (
          <DecisionForm
            key={`${row.assessmentId}|${row.code}|${decisionKind}`}
            row={row}
            kind={decisionKind}
            command={command}
            onReload={onReload}
            onSaved={onSaved}
          />
        )}
        <Collapse
          size="small"
          defaultActiveKey={['evidence', 'requests']}
          items={[
            {
              key: 'evidence',
              label: t('apr.evidenceN', { n: evidence.length }),
              children: <EvidencePreview evidence={evidence} />,
            },
            {
              key: 'requests',
              label: t('apr.requestsN', { n: requests.length + supplements.length }),
              children: (
                <Space orientation="vertical" style={{ width: '100%' }}>
                  {requests.map((r) => (
                    <RequestThread key={r.id} r={r} />
                  ))}
                  <SupplementThread items={supplements} />
                  {row.abilities.request && (
                    <RequestForm key={`${row.assessmentId}|${row.code}`} row={row} onDone={onReload} />
                  )}
                </Space>
              ),
            },
            { key: 'history', label: t('apr.history'), children: <ItemHistory entries={item?.history ?? []} /> },
          ]}
        />
      </Space>
    </Card>
  );
}
