// The campaign's objections (kiến nghị, issue 14 §1) for the DX office and the council: unit, item, what
// the unit said, the score objected to, the status and the answer; the body's members answer the open
// ones they may (`mayAnswer`: upheld with a new final score, or rejected, always with a reason).
import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Empty,
  Form,
  Grid,
  Input,
  Modal,
  Radio,
  Space,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import type { ObjectionView } from '../../../../contract/objections.ts';
import { useAnswerObjection, useCampaignObjections } from '../../../api/objections.ts';
import { useT } from '../../../i18n/context.ts';
import { showDateTime } from '../../../lib/dates.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { useNum } from '../../frameworks/format.ts';
import { ObjectionStatus } from '../../assessments/ItemObjection.tsx';
import { DecimalInput } from '../../frameworks/editor/DecimalInput.tsx';

function AnswerModal({ o, onClose }: { o: ObjectionView; onClose: () => void }) {
  const t = useT();
  const answer = useAnswerObjection();
  const [outcome, setOutcome] = useState<'upheld' | 'rejected'>('upheld');
  const [score, setScore] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const send = async () => {
    if (!reason.trim()) return setProblem(t('obj.reasonRequired'));
    if (outcome === 'upheld' && score === null) return setProblem(t('obj.scoreRequired'));
    try {
      await answer.mutateAsync({
        id: o.id,
        outcome,
        reason: reason.trim(),
        ...(outcome === 'upheld' ? { finalScore: score } : {}),
      });
      notifySuccess(t('obj.answered'));
      onClose();
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Modal
      open
      title={`${t('obj.answerAction')} — ${o.unit.name}, ${t('obj.item')} ${o.code}`}
      onCancel={onClose}
      onOk={() => void send()}
      okButtonProps={{ loading: answer.isPending, ...({ 'data-testid': 'objection-answer-send' } as object) }}
    >
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{o.text}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t('obj.outcome')}>
          <Radio.Group value={outcome} onChange={(e) => setOutcome(e.target.value as 'upheld' | 'rejected')}>
            <Radio value="upheld" data-testid="objection-uphold">
              {t('obj.uphold')}
            </Radio>
            <Radio value="rejected" data-testid="objection-reject">
              {t('obj.reject')}
            </Radio>
          </Radio.Group>
        </Form.Item>
        {outcome === 'upheld' && (
          <Form.Item label={t('obj.newScore')} required>
            {/* Typed the Vietnamese way ("7,5"), as every score of the appraisal. */}
            <DecimalInput
              value={score}
              onChange={(v) => setScore(v ?? null)}
              min={0}
              step={0.25}
              data-testid="objection-score"
            />
          </Form.Item>
        )}
        <Form.Item label={t('obj.reason')} required>
          <Input.TextArea
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            autoSize={{ minRows: 2, maxRows: 6 }}
            data-testid="objection-reason"
          />
        </Form.Item>
      </Form>
      {problem && <Alert type="error" showIcon title={problem} />}
    </Modal>
  );
}

/** `hideEmpty`: the council's workspace shows the card only when there are objections. */
export function ObjectionsCard({ campaignId, hideEmpty = false }: { campaignId: string; hideEmpty?: boolean }) {
  const t = useT();
  const num = useNum();
  const list = useCampaignObjections(campaignId);
  const [answering, setAnswering] = useState<ObjectionView | null>(null);
  const phone = !Grid.useBreakpoint().md;
  if (list.isError) return null;
  const columns: TableColumnsType<ObjectionView> = [
    {
      title: t('obj.unit'),
      width: 200,
      render: (_, o) => (
        <>
          <Typography.Text strong>{o.unit.name}</Typography.Text>
          <br />
          <Typography.Text type="secondary">
            {t('obj.item')} {o.code}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t('obj.text'),
      render: (_, o) => (
        <>
          <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{o.text}</Typography.Paragraph>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('obj.filed', { name: o.filedBy.fullName, at: showDateTime(o.filedAt) })}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t('obj.scoreBefore'),
      width: 110,
      align: 'right',
      render: (_, o) => num(o.scoreBefore),
    },
    {
      title: t('obj.answer'),
      width: 340,
      render: (_, o) =>
        o.status === 'open' ? (
          <Space wrap size={8}>
            <ObjectionStatus o={o} />
            {o.mayAnswer && (
              <Button size="small" onClick={() => setAnswering(o)} data-testid={`objection-answer-${o.code}`}>
                {t('obj.answerAction')}
              </Button>
            )}
          </Space>
        ) : (
          <>
            <ObjectionStatus o={o} />
            {o.scoreAfter !== null && (
              <Typography.Text strong>{`${t('obj.scoreAfter')}: ${num(o.scoreAfter)}`}</Typography.Text>
            )}
            {o.answer && (
              <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>
                {o.answer}
              </Typography.Paragraph>
            )}
            {o.answeredBy && o.answeredAt && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('obj.answeredBy', { name: o.answeredBy.fullName, at: showDateTime(o.answeredAt) })}
              </Typography.Text>
            )}
          </>
        ),
    },
  ];
  const stacked = (o: ObjectionView) => (
    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
      {columns.map((c, i) => (
        <div key={i}>
          {i === 2 && <Typography.Text type="secondary">{t('obj.scoreBefore')}: </Typography.Text>}
          {c.render?.(undefined, o, 0) as React.ReactNode}
        </div>
      ))}
    </Space>
  );
  const items = list.data?.items ?? [];
  if (hideEmpty && items.length === 0) return null;
  return (
    <Card size="small" title={t('obj.list')} data-testid="adm-objections">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('obj.none')} />
      ) : (
        <Table<ObjectionView>
          size="small"
          rowKey="id"
          loading={list.isLoading}
          dataSource={items}
          pagination={false}
          // A full-width row on the admin page: the unit's text gets the room; on a phone one cell per
          // objection, the columns one below the other, so the answer is never scrolled off.
          {...(phone ? { showHeader: false } : { scroll: { x: 900 }, tableLayout: 'fixed' as const })}
          columns={phone ? [{ title: t('obj.list'), key: 'all', render: (_, o) => stacked(o) }] : columns}
        />
      )}
      {answering && <AnswerModal o={answering} onClose={() => setAnswering(null)} />}
    </Card>
  );
}
