// One unit group of the campaign: index set, reporting period, phase deadlines, appraiser, unit count; editable
// while draft through GroupEditModal.
import { useState } from 'react';
import { Button, Card, Descriptions } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { Campaign, CampaignGroup } from '../../../contract/campaigns.ts';
import { showDate } from '../../lib/dates.ts';
import { useT } from '../../i18n/context.ts';
import { GroupEditModal } from './GroupEditModal.tsx';

export function GroupCard({ c, g }: { c: Campaign; g: CampaignGroup }) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const editable = c.status === 'draft' && (c.abilities.update || c.abilities.manageUnits);
  const d = g.deadlines;
  return (
    <Card
      size="small"
      title={g.name}
      data-testid={`camp-group-${g.id}`}
      extra={
        editable && (
          <Button icon={<EditOutlined />} size="small" onClick={() => setEditing(true)} data-testid="camp-group-edit">
            {t('common.edit')}
          </Button>
        )
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('camp.framework')}>
          <Link to={`/frameworks/${g.frameworkId}`}>
            {g.frameworkName} (v{g.frameworkVersion})
          </Link>
        </Descriptions.Item>
        <Descriptions.Item label={t('camp.period')}>
          {showDate(g.reportingPeriod.from)} – {showDate(g.reportingPeriod.to)}
        </Descriptions.Item>
        <Descriptions.Item label={t('camp.deadline.selfAssessment')}>{showDate(d.selfAssessment)}</Descriptions.Item>
        {d.preReview && (
          <Descriptions.Item label={t('camp.deadline.preReview')}>{showDate(d.preReview)}</Descriptions.Item>
        )}
        {d.appraisal && (
          <Descriptions.Item label={t('camp.deadline.appraisal')}>{showDate(d.appraisal)}</Descriptions.Item>
        )}
        {d.publication && (
          <Descriptions.Item label={t('camp.deadline.publication')}>{showDate(d.publication)}</Descriptions.Item>
        )}
        <Descriptions.Item label={t('camp.appraiser')}>{t(`camp.appraiser.${g.appraiser}`)}</Descriptions.Item>
        <Descriptions.Item label={t('camp.participants')}>{t('camp.units', { n: g.unitCount })}</Descriptions.Item>
      </Descriptions>
      {editing && <GroupEditModal c={c} g={g} onClose={() => setEditing(false)} />}
    </Card>
  );
}
