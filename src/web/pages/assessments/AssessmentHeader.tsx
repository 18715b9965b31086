// Header of the form: unit, campaign, status, deadline with days remaining (or the timing label once
// submitted), overall self total / max and one running total per main indicator, and the save indicator.
import type { ReactNode } from 'react';
import { Card, Col, Descriptions, Progress, Row, Space, Tag, Typography } from 'antd';
import type { AssessmentProgress } from '../../../core/campaign/index.ts';
import type { Assessment } from '../../../contract/assessments.ts';
import { showDate, showDateTime } from '../../lib/dates.ts';
import { useT } from '../../i18n/context.ts';
import { useCodeWords } from '../../i18n/codes.ts';
import { useNum } from '../frameworks/format.ts';
import { useStatusLabel } from '../campaigns/CampaignTags.tsx';
import { useDaysLabel } from './useDays.ts';
import type { Section } from './model.ts';

interface Props {
  a: Assessment;
  sections: Section[];
  /** The form's progress (core assessmentProgressOf): the self total and each main indicator's. */
  progress: AssessmentProgress;
  saveIndicator: ReactNode;
  actions: ReactNode;
  onSection: (code: string) => void;
}

export function AssessmentHeader({ a, sections, progress, saveIndicator, actions, onSection }: Props) {
  const t = useT();
  const words = useCodeWords();
  const statusLabel = useStatusLabel();
  const num = useNum();
  const days = useDaysLabel()(a.daysRemaining);
  const submitted = a.status === 'submitted';
  return (
    <Card size="small" data-testid="as-header">
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
          <div>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="as-unit">
              {a.unit.name}
            </Typography.Title>
            <Typography.Text type="secondary" data-testid="as-campaign">
              {a.campaign.name}
            </Typography.Text>
          </div>
          {actions}
        </Space>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
          <Descriptions.Item label={t('as.campaign')}>
            <Tag>{statusLabel(a.campaign.status)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('as.unit')}>
            <Tag color={submitted ? 'green' : 'gold'} data-testid="as-status">
              {t(submitted ? 'as.status.submitted' : 'as.status.draft')}
            </Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('as.deadline')}>
            <Space size={4} wrap>
              <Typography.Text strong data-testid="as-deadline">
                {showDate(a.group.deadlines.selfAssessment)}
              </Typography.Text>
              {!submitted && days && (
                <Tag color={days.color} data-testid="as-days">
                  {days.text}
                </Tag>
              )}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('as.period')}>
            {showDate(a.group.reportingPeriod.from)} – {showDate(a.group.reportingPeriod.to)}
          </Descriptions.Item>
          {submitted && (
            <Descriptions.Item label={t('as.submittedAt')}>
              <Space size={4} wrap>
                <span data-testid="as-submitted-at">{showDateTime(a.submittedAt)}</span>
                <Tag color={(a.daysLate ?? 0) > 0 ? 'red' : 'green'} data-testid="as-timing">
                  {words.timing(a.timingNote)}
                </Tag>
              </Space>
            </Descriptions.Item>
          )}
        </Descriptions>
        <Space wrap align="center" style={{ justifyContent: 'space-between', width: '100%' }}>
          <Space align="baseline" size={6}>
            <Typography.Text type="secondary">{t('as.selfTotal')}:</Typography.Text>
            <Typography.Text strong style={{ fontSize: 22 }} data-testid="as-total">
              {num(progress.selfTotal)}
            </Typography.Text>
            <Typography.Text type="secondary" data-testid="as-total-max">
              / {num(progress.selfApplicableMax)}
            </Typography.Text>
          </Space>
          {saveIndicator}
        </Space>
        <Row gutter={[8, 8]} data-testid="as-section-totals">
          {sections.map((s) => {
            const ns = progress.selfIndicators[s.node.code];
            const points = ns?.points ?? 0;
            const max = ns?.applicableMax ?? s.node.maxPoints;
            return (
              <Col key={s.node.code} xs={12} sm={8} lg={6} xl={3}>
                <button
                  type="button"
                  onClick={() => onSection(s.node.code)}
                  className="as-section-total"
                  data-testid={`as-section-total-${s.node.code}`}
                >
                  <Typography.Text ellipsis style={{ fontSize: 12, display: 'block' }}>
                    {s.node.code}. {s.node.title}
                  </Typography.Text>
                  <Typography.Text strong>{num(points)}</Typography.Text>
                  <Typography.Text type="secondary"> / {num(max)}</Typography.Text>
                  <Progress percent={max > 0 ? (points / max) * 100 : 0} showInfo={false} size="small" />
                </button>
              </Col>
            );
          })}
        </Row>
      </Space>
    </Card>
  );
}
