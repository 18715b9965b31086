// The home page's task inbox (issue 14 §1): what waits for the caller, each task worded from its code and
// parameters, sorted by deadline (the nearest first), each a link to the page where it is done. One
// column of cards on a phone, two or three on a desktop.
import { Card, Col, Empty, Row, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { InboxTask } from '../../../contract/inbox.ts';
import { useInbox } from '../../api/inbox.ts';
import { useT } from '../../i18n/context.ts';
import type { MessageKey } from '../../i18n/vi.ts';
import { showDate } from '../../lib/dates.ts';
import { useDaysLabel } from '../assessments/useDays.ts';
import { useNum } from '../frameworks/format.ts';

/** Where each task is done. */
export function inboxTarget(task: InboxTask): string {
  const campaign = `/campaigns/${encodeURIComponent(task.campaign.id)}`;
  switch (task.kind) {
    case 'appraise_queue':
      return `${campaign}/appraisal`;
    case 'close_appraisal':
    case 'campaign_objections':
      return `${campaign}/appraisal-admin`;
    case 'campaign_step':
      return campaign;
    default:
      return task.assessmentId ? `/assessments/${encodeURIComponent(task.assessmentId)}` : campaign;
  }
}

/** Deadline first (the nearest), tasks without one last; the server sends them so, the page keeps it. */
export function sortByDeadline(tasks: readonly InboxTask[]): InboxTask[] {
  return [...tasks].sort((a, b) =>
    a.deadline === b.deadline
      ? 0
      : a.deadline === null
        ? 1
        : b.deadline === null
          ? -1
          : a.deadline < b.deadline
            ? -1
            : 1,
  );
}

function useDetails(): (task: InboxTask) => string[] {
  const t = useT();
  const num = useNum();
  return (task) => {
    const c = task.counts;
    const n = (k: string) => c[k] ?? 0;
    switch (task.kind) {
      case 'fill_items':
        return [t('inbox.detail.fill_items', { missing: n('missing'), total: n('total') })];
      case 'fix_problems':
        return [t('inbox.detail.fix_problems', { problems: n('problems') })];
      case 'submit':
        return [t('inbox.detail.submit')];
      case 'answer_requests':
        return [t('inbox.detail.answer_requests', { open: n('open') })];
      case 'appraisal_result':
        return [t('inbox.detail.appraisal_result', { decided: n('decided'), total: n('total') })];
      case 'result':
        return c.percent !== undefined && c.rank !== undefined
          ? [t('inbox.detail.result', { percent: num(c.percent, 2), rank: n('rank'), groupSize: n('groupSize') })]
          : [t('inbox.detail.resultNoRank')];
      case 'objections_pending':
        return [t('inbox.detail.objections_pending', { open: n('open') })];
      case 'objections_answered':
        return [
          ...(n('upheld') > 0 ? [t('inbox.detail.objectionsUpheld', { n: n('upheld') })] : []),
          ...(n('rejected') > 0 ? [t('inbox.detail.objectionsRejected', { n: n('rejected') })] : []),
        ];
      case 'objection_window':
        return [t('inbox.detail.objection_window', { items: n('items') })];
      case 'campaign_objections':
        return [
          ...(n('open') > 0 ? [t('inbox.detail.objectionsOpen', { open: n('open'), units: n('units') })] : []),
          ...(n('mayAnswer') > 0 ? [t('inbox.detail.objectionsMine', { n: n('mayAnswer') })] : []),
          ...(n('correctionDue') > 0 ? [t('inbox.detail.correctionDue', { n: n('correctionDue') })] : []),
        ];
      case 'appraise_queue':
        return (['toPropose', 'toDecide', 'answered', 'supplemented'] as const)
          .filter((k) => n(k) > 0)
          .map((k) => t(`inbox.detail.${k}` as MessageKey, { n: n(k) }));
      case 'close_appraisal':
        return [t('inbox.detail.close_appraisal', { units: n('units') })];
      case 'campaign_step':
        // A year, not a number: 2026, never "2.026".
        return [t('inbox.detail.campaign_step', { year: String(task.campaign.year) })];
    }
  };
}

function TaskCard({ task }: { task: InboxTask }) {
  const t = useT();
  const days = useDaysLabel()(task.daysRemaining);
  const details = useDetails()(task);
  const title =
    task.kind === 'campaign_step' && task.action ? t(`inbox.step.${task.action}`) : t(`inbox.kind.${task.kind}`);
  const where = task.unit?.name ?? task.group?.name;
  return (
    <Link to={inboxTarget(task)} data-testid={`inbox-${task.kind}`} style={{ display: 'block', height: '100%' }}>
      <Card hoverable size="small" style={{ height: '100%' }}>
        <Space orientation="vertical" size={4} style={{ width: '100%', minWidth: 0 }}>
          <Typography.Text strong style={{ fontSize: 16 }}>
            {title}
          </Typography.Text>
          <Typography.Text style={{ whiteSpace: 'normal', overflowWrap: 'anywhere' }}>
            {task.campaign.name}
          </Typography.Text>
          {where && (
            <Typography.Text type="secondary" style={{ overflowWrap: 'anywhere' }}>
              {where}
            </Typography.Text>
          )}
          {details.map((d) => (
            <Typography.Text key={d}>{d}</Typography.Text>
          ))}
          <Space wrap size={6}>
            <Typography.Text type={task.deadline ? undefined : 'secondary'} data-testid="inbox-deadline">
              {task.deadline ? t('inbox.deadline', { date: showDate(task.deadline) }) : t('inbox.noDeadline')}
            </Typography.Text>
            {days && <Tag color={days.color}>{days.text}</Tag>}
          </Space>
        </Space>
      </Card>
    </Link>
  );
}

export function InboxList() {
  const t = useT();
  const { data, isLoading } = useInbox();
  if (isLoading) return <Card loading />;
  const tasks = sortByDeadline(data?.items ?? []);
  if (tasks.length === 0) return <Empty description={t('inbox.empty')} data-testid="inbox-empty" />;
  return (
    <Row gutter={[16, 16]} data-testid="inbox-list">
      {tasks.map((task, k) => (
        <Col
          key={`${task.kind} ${task.campaign.id} ${task.assessmentId ?? task.group?.id ?? ''} ${k}`}
          xs={24}
          md={12}
          xl={8}
        >
          <TaskCard task={task} />
        </Col>
      ))}
    </Row>
  );
}
