// /my-assessments: the unit's campaigns, for reporters and leaders.
import { Typography } from 'antd';
import { useT } from '../../i18n/context.ts';
import { MyAssessmentsList } from './MyAssessmentsList.tsx';

export default function MyAssessmentsPage() {
  const t = useT();
  return (
    <div>
      <Typography.Title level={3}>{t('as.mineTitle')}</Typography.Title>
      <MyAssessmentsList />
    </div>
  );
}
