// The campaign's next steps (only availableActions from the server), each confirmed with what it will do
// (units, deadlines, who is notified: transitionEffects.ts); reopening the
// self-assessment asks for a reason. Also "Tạo các kỳ báo cáo 3, 6, 9 tháng" for an annual campaign.
import { useState } from 'react';
import { Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useCreateProgressRounds, useTransition } from '../../api/campaigns.ts';
import type { Campaign } from '../../api/campaignTypes.ts';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { useT } from '../../i18n/context.ts';
import { transitionEffects } from './transitionEffects.ts';

const NEEDS_REASON = new Set(['reopen_self_assessment']);
const OPTIONAL_REASON = new Set(['close_self_assessment', 'archive']);
/** Approval and publication have their own routes and forms (appraisal administration page). */
const ELSEWHERE = new Set(['approve', 'publish']);

export function TransitionButtons({ c }: { c: Campaign }) {
  const t = useT();
  const transition = useTransition();
  const rounds = useCreateProgressRounds();
  const [pending, setPending] = useState<{ action: string; label: string } | null>(null);
  const [reason, setReason] = useState('');
  const [roundsOpen, setRoundsOpen] = useState(false);
  const required = pending ? NEEDS_REASON.has(pending.action) : false;
  const asks = pending ? required || OPTIONAL_REASON.has(pending.action) : false;

  const run = async () => {
    if (!pending) return;
    try {
      await transition.mutateAsync({ id: c.id, action: pending.action, reason: reason.trim() || undefined });
      notifySuccess(t('camp.done', { action: pending.label }));
      setPending(null);
      setReason('');
    } catch (e) {
      notifyError(e instanceof Error ? e.message : String(e));
    }
  };

  const makeRounds = async () => {
    try {
      const r = await rounds.mutateAsync({ id: c.id });
      notifySuccess(t('camp.progressRoundsDone', { n: r.created.length }));
      setRoundsOpen(false);
    } catch (e) {
      notifyError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Space wrap>
      {c.availableActions.filter((a) => !ELSEWHERE.has(a.action)).map((a, i) => (
        <Button key={a.action} type={i === 0 ? 'primary' : 'default'} onClick={() => setPending(a)} data-testid={`camp-action-${a.action}`}>{a.label}</Button>
      ))}
      {c.kind === 'annual' && c.status !== 'draft' && (c.abilities.update || c.abilities.transition) && (
        <Button onClick={() => setRoundsOpen(true)} data-testid="camp-progress-rounds">{t('camp.progressRounds')}</Button>
      )}
      <Modal open={!!pending} title={pending ? t('camp.transitionConfirm', { action: pending.label }) : ''} onCancel={() => setPending(null)}
        onOk={() => void run()} confirmLoading={transition.isPending} okButtonProps={{ disabled: required && reason.trim() === '', ...({ 'data-testid': 'camp-action-confirm' } as Record<string, string>) }}>
        <ul data-testid="camp-action-effects" style={{ paddingInlineStart: 20 }}>
          {pending && transitionEffects(c, pending.action, t).map((line) => <li key={line}>{line}</li>)}
        </ul>
        {asks && (
          <Form layout="vertical">
            <Form.Item label={t('camp.reason')} required={required}>
              <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} autoSize={{ minRows: 2 }} data-testid="camp-action-reason" />
            </Form.Item>
          </Form>
        )}
      </Modal>
      <Modal open={roundsOpen} title={t('camp.progressRounds')} onCancel={() => setRoundsOpen(false)} onOk={() => void makeRounds()} confirmLoading={rounds.isPending}>
        <Typography.Paragraph>{t('camp.progressRoundsConfirm')}</Typography.Paragraph>
      </Modal>
    </Space>
  );
}
