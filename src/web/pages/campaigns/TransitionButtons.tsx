// The campaign's next steps (only availableActions from the server), each confirmed with what it will do
// (units, deadlines, who is notified: transitionEffects.ts); reopening the self-assessment asks for a reason,
// and so do closing it before the deadline and opening a second ranked campaign of the same year (the
// server's check is shown first: TransitionGuardNotes). Also "Tạo các kỳ báo cáo 3, 6, 9 tháng" for an annual campaign.
import { useState } from 'react';
import { Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useCreateProgressRounds, useTransition, useTransitionCheck } from '../../api/campaigns.ts';
import type { Campaign } from '../../../contract/campaigns.ts';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { useT } from '../../i18n/context.ts';
import { transitionEffects } from './transitionEffects.ts';
import { TransitionGuardNotes, missingDeadlines } from './TransitionGuardNotes.tsx';

const NEEDS_REASON = new Set(['reopen_self_assessment']);
const OPTIONAL_REASON = new Set(['open', 'close_self_assessment', 'archive']);
/** Approval and publication have their own routes and forms (appraisal administration page). */
const ELSEWHERE = new Set(['approve', 'publish']);

export function TransitionButtons({ c }: { c: Campaign }) {
  const t = useT();
  const transition = useTransition();
  const rounds = useCreateProgressRounds();
  const [pending, setPending] = useState<{ action: string; label: string } | null>(null);
  const [reason, setReason] = useState('');
  const [roundsOpen, setRoundsOpen] = useState(false);
  const [deadlines, setDeadlines] = useState<Record<string, string>>({});
  const check = useTransitionCheck(c.id, pending?.action ?? null);
  const required = pending ? NEEDS_REASON.has(pending.action) || check.data?.reasonRequired === true : false;
  const blocked = missingDeadlines(check.data, deadlines) > 0;
  const asks = pending ? required || OPTIONAL_REASON.has(pending.action) : false;

  const run = async () => {
    if (!pending) return;
    try {
      const given = Object.entries(deadlines).map(([groupId, selfAssessment]) => ({ groupId, selfAssessment }));
      await transition.mutateAsync({
        id: c.id,
        action: pending.action,
        reason: reason.trim() || undefined,
        ...(pending.action === 'open' && given.length > 0 ? { deadlines: given } : {}),
      });
      notifySuccess(t('camp.done', { action: pending.label }));
      setPending(null);
      setReason('');
      setDeadlines({});
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
      {c.availableActions
        .filter((a) => !ELSEWHERE.has(a.action))
        .map((a, i) => (
          <Button
            key={a.action}
            type={i === 0 ? 'primary' : 'default'}
            onClick={() => setPending(a)}
            data-testid={`camp-action-${a.action}`}
          >
            {a.label}
          </Button>
        ))}
      {c.kind === 'annual' && c.status !== 'draft' && (c.abilities.update || c.abilities.transition) && (
        <Button onClick={() => setRoundsOpen(true)} data-testid="camp-progress-rounds">
          {t('camp.progressRounds')}
        </Button>
      )}
      <Modal
        open={!!pending}
        title={pending ? t('camp.transitionConfirm', { action: pending.label }) : ''}
        onCancel={() => setPending(null)}
        onOk={() => void run()}
        confirmLoading={transition.isPending}
        okButtonProps={{
          disabled: (required && reason.trim() === '') || blocked || check.isFetching,
          ...({ 'data-testid': 'camp-action-confirm' } as Record<string, string>),
        }}
      >
        <ul data-testid="camp-action-effects" style={{ paddingInlineStart: 20 }}>
          {pending && transitionEffects(c, pending.action, t).map((line) => <li key={line}>{line}</li>)}
        </ul>
        {pending && (pending.action === 'open' || pending.action === 'close_self_assessment') && (
          <TransitionGuardNotes
            check={check.data}
            loading={check.isFetching}
            deadlines={deadlines}
            onDeadline={(groupId, date) =>
              setDeadlines((d) => {
                const { [groupId]: _old, ...rest } = d;
                return date ? { ...rest, [groupId]: date } : rest;
              })
            }
          />
        )}
        {asks && (
          <Form layout="vertical">
            <Form.Item label={t('camp.reason')} required={required}>
              <Input.TextArea
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                autoSize={{ minRows: 2 }}
                data-testid="camp-action-reason"
              />
            </Form.Item>
          </Form>
        )}
      </Modal>
      <Modal
        open={roundsOpen}
        title={t('camp.progressRounds')}
        onCancel={() => setRoundsOpen(false)}
        onOk={() => void makeRounds()}
        confirmLoading={rounds.isPending}
      >
        <Typography.Paragraph>{t('camp.progressRoundsConfirm')}</Typography.Paragraph>
      </Modal>
    </Space>
  );
}
