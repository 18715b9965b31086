// What opening or closing self-assessment would do, shown in the confirmation before the DX office
// confirms (issue 13 §6): groups whose deadline has passed, with a new deadline to set in the same step;
// communes already ranked in another annual campaign of the same year (a reason is then required); how
// many units have not submitted when closing before the deadline (a reason is then required).
import { Alert, DatePicker, Form, Space, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import type { TransitionCheck } from '../../../contract/campaigns.ts';
import { DATE_FORMAT, fromApiDate, showDate, toApiDate } from '../../lib/dates.ts';
import { useT } from '../../i18n/context.ts';

interface Props {
  check: TransitionCheck | undefined;
  loading: boolean;
  deadlines: Record<string, string>;
  onDeadline: (groupId: string, date: string | null) => void;
}

/** The deadlines still missing for the transition to go through (groups past their deadline without a new one). */
export function missingDeadlines(check: TransitionCheck | undefined, deadlines: Record<string, string>): number {
  return (check?.pastDeadlines ?? []).filter((g) => !deadlines[g.groupId] || deadlines[g.groupId]! < check!.today)
    .length;
}

export function TransitionGuardNotes({ check, loading, deadlines, onDeadline }: Props) {
  const t = useT();
  if (loading) return <Spin size="small" />;
  if (!check) return null;
  const today = fromApiDate(check.today) ?? dayjs();
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="camp-guard">
      {check.pastDeadlines.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={t('camp.guard.pastTitle', { today: showDate(check.today) })}
          data-testid="camp-guard-past"
          description={
            <Form layout="vertical" style={{ marginTop: 8 }}>
              {check.pastDeadlines.map((g) => (
                <Form.Item
                  key={g.groupId}
                  required
                  label={t('camp.guard.newDeadline', { group: g.name, old: showDate(g.selfAssessment) })}
                >
                  <DatePicker
                    format={DATE_FORMAT}
                    value={fromApiDate(deadlines[g.groupId])}
                    disabledDate={(d) => d.isBefore(today, 'day')}
                    onChange={(d) => onDeadline(g.groupId, toApiDate(d))}
                    data-testid={`camp-guard-deadline-${g.groupId}`}
                  />
                </Form.Item>
              ))}
            </Form>
          }
        />
      )}
      {check.overlaps.refuse.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={t('camp.guard.overlapRefuse')}
          data-testid="camp-guard-overlap"
          description={check.overlaps.refuse
            .map((o) => t('camp.guard.overlapLine', { name: o.name, year: String(o.year), n: o.units }))
            .join('; ')}
        />
      )}
      {check.overlaps.warn.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('camp.guard.overlapWarn')}
          description={check.overlaps.warn
            .map((o) => t('camp.guard.overlapLine', { name: o.name, year: String(o.year), n: o.units }))
            .join('; ')}
        />
      )}
      {check.action === 'close_self_assessment' && check.earlyBefore && (
        <Alert
          type="warning"
          showIcon
          data-testid="camp-guard-early"
          title={t('camp.guard.early', {
            deadline: showDate(check.earlyBefore),
            n: check.unsubmitted,
            total: check.units,
          })}
        />
      )}
      {check.action === 'close_self_assessment' && !check.earlyBefore && check.unsubmitted > 0 && (
        <Typography.Text type="secondary">
          {t('camp.guard.unsubmitted', { n: check.unsubmitted, total: check.units })}
        </Typography.Text>
      )}
    </Space>
  );
}
