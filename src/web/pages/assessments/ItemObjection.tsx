// The unit's objections to one item's final score (kiến nghị, issue 14 §1), inside the item's "Kết quả thẩm
// định" box: each objection with its status and the council's answer, and — while the unit may object
// (core/policy itemObjectionRefusal, told by the API as `fileable`) — the "Kiến nghị" action with the
// window's last day.
import { useState } from 'react';
import { Alert, Button, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { FlagOutlined } from '@ant-design/icons';
import type { ObjectionView } from '../../../contract/objections.ts';
import { useAssessmentObjections, useFileObjection } from '../../api/objections.ts';
import { useT } from '../../i18n/context.ts';
import type { MessageKey } from '../../i18n/vi.ts';
import { showDate, showDateTime } from '../../lib/dates.ts';
import { notifySuccess } from '../../lib/notify.ts';
import { accentInsensitiveSearch } from '../../lib/searchSelect.ts';
import { useNum } from '../frameworks/format.ts';
import { docLabel } from './EvidencePanel.tsx';
import { useForm } from './formContext.ts';

const STATUS_COLOR = { open: 'processing', upheld: 'success', rejected: 'default' } as const;

export function ObjectionStatus({ o }: { o: ObjectionView }) {
  const t = useT();
  return (
    <Tag color={STATUS_COLOR[o.status]} data-testid={`objection-status-${o.status}`}>
      {t(`obj.status.${o.status}` as MessageKey)}
    </Tag>
  );
}

function ObjectionEntry({ o }: { o: ObjectionView }) {
  const t = useT();
  const num = useNum();
  return (
    <div data-testid={`item-${o.code}-objection`} style={{ marginTop: 6 }}>
      <Space wrap>
        <ObjectionStatus o={o} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('obj.filed', { name: o.filedBy.fullName, at: showDateTime(o.filedAt) })}
        </Typography.Text>
      </Space>
      <Typography.Paragraph style={{ margin: '4px 0', whiteSpace: 'pre-wrap' }}>{o.text}</Typography.Paragraph>
      {o.evidence.length > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', overflowWrap: 'anywhere' }}>
          {o.evidence.map((e) => e.fileName ?? e.url ?? '').join(', ')}
        </Typography.Text>
      )}
      {o.status !== 'open' && (
        <Alert
          type={o.status === 'upheld' ? 'success' : 'info'}
          style={{ marginTop: 4 }}
          data-testid={`item-${o.code}-objection-outcome`}
          title={
            o.status === 'upheld' && o.scoreAfter !== null
              ? t('obj.outcome.upheld', { score: num(o.scoreAfter) })
              : t('obj.outcome.rejected')
          }
          description={
            <>
              {o.answer && (
                <div style={{ whiteSpace: 'pre-wrap' }}>{t('obj.outcome.reason', { reason: o.answer })}</div>
              )}
              {o.answeredBy && o.answeredAt && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('obj.answeredBy', { name: o.answeredBy.fullName, at: showDateTime(o.answeredAt) })}
                </Typography.Text>
              )}
            </>
          }
        />
      )}
    </div>
  );
}

function ObjectionForm({ code, onDone }: { code: string; onDone: () => void }) {
  const t = useT();
  const ctx = useForm();
  const file = useFileObjection();
  const [text, setText] = useState('');
  const [ids, setIds] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const send = async () => {
    if (!text.trim()) return setProblem(t('obj.textRequired'));
    try {
      await file.mutateAsync({ assessmentId: ctx.assessmentId, code, text: text.trim(), evidenceIds: ids });
      notifySuccess(t('obj.sent'));
      onDone();
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Form layout="vertical" size="small" onFinish={() => void send()} data-testid={`item-${code}-objection-form`}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        {t('obj.hint')}
      </Typography.Paragraph>
      <Form.Item label={t('obj.text')} required style={{ marginBottom: 8 }}>
        <Input.TextArea
          value={text}
          onChange={(e) => setText(e.target.value)}
          autoSize={{ minRows: 2, maxRows: 6 }}
          data-testid="objection-text-input"
        />
      </Form.Item>
      <Form.Item label={t('req.attach')} style={{ marginBottom: 8 }}>
        <Select
          mode="multiple"
          allowClear
          showSearch={accentInsensitiveSearch}
          style={{ width: '100%' }}
          value={ids}
          onChange={setIds}
          placeholder={t('req.fromLibrary')}
          options={[...ctx.library.values()].map((e) => ({ value: e.id, label: docLabel(e, t) }))}
          data-testid="objection-library"
        />
      </Form.Item>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 8 }} />}
      <Space>
        <Button type="primary" htmlType="submit" loading={file.isPending} data-testid="objection-send">
          {t('obj.send')}
        </Button>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
      </Space>
    </Form>
  );
}

/**
 * One open objection per item (core/policy itemObjectionRefusal): while one waits, no new one is offered;
 * once it is answered, the answer is shown and a new objection is offered only while the window is open
 * (the API's `fileable`), under the answer and saying so.
 */
export function ItemObjection({ code }: { code: string }) {
  const t = useT();
  const ctx = useForm();
  const objections = useAssessmentObjections(ctx.assessmentId);
  const [open, setOpen] = useState(false);
  const data = objections.data;
  if (!data?.offered) return null;
  const mine = data.items.filter((o) => o.code === code).sort((a, b) => a.filedAt.localeCompare(b.filedAt));
  const canFile = data.fileable.includes(code);
  if (mine.length === 0 && !canFile) return null;
  const waiting = mine.some((o) => o.status === 'open');
  const closes = data.window ? showDate(data.window.closes) : '';
  return (
    <div style={{ borderTop: '1px dashed #d9d9d9', marginTop: 8, paddingTop: 8 }}>
      <Typography.Text strong>{t('obj.title')}</Typography.Text>
      {mine.map((o) => (
        <ObjectionEntry key={o.id} o={o} />
      ))}
      {waiting && (
        <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 4 }}>
          {t('obj.waiting')}
        </Typography.Text>
      )}
      {canFile && !open && (
        <Space wrap style={{ marginTop: 8 }} data-testid={`item-${code}-object-offer`}>
          <Button
            size="small"
            icon={<FlagOutlined />}
            onClick={() => setOpen(true)}
            data-testid={`item-${code}-object`}
          >
            {mine.length > 0 ? t('obj.again') : t('obj.action')}
          </Button>
          {data.window && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {mine.length > 0 ? t('obj.againHint', { date: closes }) : t('obj.until', { date: closes })}
            </Typography.Text>
          )}
        </Space>
      )}
      {!canFile && !waiting && data.refusal === 'window_closed' && data.window && (
        <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 4 }}>
          {t('obj.closed', { date: closes })}
        </Typography.Text>
      )}
      {canFile && open && <ObjectionForm code={code} onDone={() => setOpen(false)} />}
    </div>
  );
}
