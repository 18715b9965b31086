// At the top of the unit's assessment: the council's requests ("Yêu cầu bổ sung minh chứng"), each with its
// item, deadline, message, thread and — while open and before the deadline — a reply form.
import { Alert, Button, Card, Space, Typography } from 'antd';
import { useAssessmentRequests } from '../../../api/appraisal.ts';
import type { Evidence } from '../../../../contract/evidence.ts';
import { showDate } from '../../../lib/dates.ts';
import { useT } from '../../../i18n/context.ts';
import { RequestThread } from '../../appraisal/RequestThread.tsx';
import { ReplyForm } from './ReplyForm.tsx';

interface Props {
  assessmentId: string;
  unitId: string;
  library: Evidence[];
  onGoTo: (code: string) => void;
}

export function UnitRequests({ assessmentId, unitId, library, onGoTo }: Props) {
  const t = useT();
  const requests = useAssessmentRequests(assessmentId);
  const items = requests.data?.items ?? [];
  if (items.length === 0) return null;
  const open = items.filter((r) => r.status === 'open').length;
  return (
    <Card
      size="small"
      title={t('req.title')}
      data-testid="req-list"
      style={{ borderColor: open > 0 ? '#fa8c16' : undefined }}
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {open > 0 && <Alert type="warning" showIcon title={t('req.openCount', { n: open })} />}
        {items.map((r) => (
          <Card
            key={r.id}
            size="small"
            type="inner"
            data-testid="req-item"
            data-code={r.code}
            title={
              <span style={{ whiteSpace: 'normal' }}>
                {r.code}
                {r.itemTitle ? `. ${r.itemTitle}` : ''}
              </span>
            }
            extra={
              <Space size={8}>
                {r.deadline && (
                  <Typography.Text type={r.deadlinePassed ? 'danger' : 'secondary'}>
                    {t('req.deadline', { date: showDate(r.deadline) })}
                  </Typography.Text>
                )}
                <Button size="small" type="link" onClick={() => onGoTo(r.code)}>
                  {t('req.goTo')}
                </Button>
              </Space>
            }
          >
            <RequestThread r={r} />
            {r.abilities.reply && <ReplyForm r={r} unitId={unitId} library={library} />}
            {!r.abilities.reply && r.status === 'open' && r.deadlinePassed && (
              <Alert type="error" showIcon title={t('req.deadlinePassed')} />
            )}
          </Card>
        ))}
      </Space>
    </Card>
  );
}
