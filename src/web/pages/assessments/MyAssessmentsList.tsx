// The unit's campaigns (GET /assessments/mine): deadline with days remaining, progress, what is missing and
// an open button. Shown on the home page of unit staff and on /my-assessments. Past forms (the campaign no
// longer open) stay listed, read-only, with the campaign's stage; the form itself shows their results.
import { Button, Card, Col, Empty, Progress, Row, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useMyAssessments } from '../../api/assessments.ts';
import type { MyAssessment } from '../../../contract/assessments.ts';
import { showDate } from '../../lib/dates.ts';
import { useT } from '../../i18n/context.ts';
import { useCodeWords } from '../../i18n/codes.ts';
import { useDaysLabel } from './useDays.ts';
import { useNum } from '../frameworks/format.ts';
import type { CampaignStatus } from '../../../core/campaign/index.ts';
import { StatusTag } from '../campaigns/CampaignTags.tsx';

function MineCard({ a }: { a: MyAssessment }) {
  const t = useT();
  const words = useCodeWords();
  const num = useNum();
  const days = useDaysLabel()(a.daysRemaining);
  const submitted = a.status === 'submitted';
  const past = a.campaign.status !== 'open';
  return (
    <Card
      size="small"
      data-testid={`mine-${a.id}`}
      title={
        <Typography.Text strong style={{ whiteSpace: 'normal' }}>
          {a.campaign.name}
        </Typography.Text>
      }
    >
      <Space orientation="vertical" size={6} style={{ width: '100%' }}>
        <Typography.Text>{a.unit.name}</Typography.Text>
        <Space wrap size={6}>
          <Tag color={submitted ? 'green' : 'gold'} data-testid="mine-status">
            {t(submitted ? 'as.status.submitted' : 'as.status.draft')}
          </Tag>
          <Typography.Text type="secondary">{t('as.deadline')}: </Typography.Text>
          <Typography.Text strong data-testid="mine-deadline">
            {showDate(a.deadline)}
          </Typography.Text>
          {past && <StatusTag status={a.campaign.status as CampaignStatus} />}
          {!submitted && !past && days && (
            <Tag color={days.color} data-testid="mine-days">
              {days.text}
            </Tag>
          )}
        </Space>
        {submitted && <Typography.Text type="secondary">{words.timing(a.timingNote)}</Typography.Text>}
        {past && (
          <Typography.Text type="secondary" data-testid="mine-past">
            {t('inbox.past')}
          </Typography.Text>
        )}
        <Progress percent={a.progress.percent} size="small" format={() => `${num(a.progress.percent, 1)}%`} />
        <Typography.Text type="secondary">
          <span data-testid="mine-complete">
            {t('as.completeOf', { complete: a.progress.complete, total: a.progress.total })}
          </span>{' '}
          · {t('as.selfTotal')}:{' '}
          <span data-testid="mine-total">
            {t('as.totalOf', { points: num(a.progress.selfTotal), max: num(a.progress.selfApplicableMax) })}
          </span>
        </Typography.Text>
        {!past && (
          <Typography.Text type={a.missing > 0 ? 'warning' : 'success'} data-testid="mine-missing">
            {a.missing > 0 ? t('as.missing', { n: a.missing }) : t('as.allComplete')}
          </Typography.Text>
        )}
        <Link to={`/assessments/${a.id}`}>
          <Button type={past ? 'default' : 'primary'} block size="large" data-testid="mine-open">
            {t(past ? 'inbox.view' : 'as.open')}
          </Button>
        </Link>
      </Space>
    </Card>
  );
}

export function MyAssessmentsList() {
  const t = useT();
  const { data, isLoading } = useMyAssessments();
  if (isLoading) return <Card loading />;
  const items = data?.items ?? [];
  if (items.length === 0) return <Empty description={t('as.mineEmpty')} />;
  return (
    <Row gutter={[16, 16]} data-testid="mine-list">
      {items.map((a) => (
        <Col key={a.id} xs={24} md={12} xl={8}>
          <MineCard a={a} />
        </Col>
      ))}
    </Row>
  );
}
