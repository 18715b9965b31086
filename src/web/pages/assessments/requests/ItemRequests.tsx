// The thread of the council's requests on one item, shown in the item's card.
import { Typography } from 'antd';
import { useAssessmentRequests } from '../../../api/appraisal.ts';
import { useT } from '../../../i18n/context.ts';
import { RequestThread } from '../../appraisal/RequestThread.tsx';

export function ItemRequests({ assessmentId, code }: { assessmentId: string; code: string }) {
  const t = useT();
  const requests = useAssessmentRequests(assessmentId);
  const mine = (requests.data?.items ?? []).filter((r) => r.code === code);
  if (mine.length === 0) return null;
  return (
    <div data-testid={`item-${code}-requests`} style={{ borderTop: '1px dashed #d9d9d9', paddingTop: 8 }}>
      <Typography.Text strong>{t('req.itemThread')}</Typography.Text>
      {mine.map((r) => (
        <RequestThread key={r.id} r={r} />
      ))}
    </div>
  );
}
