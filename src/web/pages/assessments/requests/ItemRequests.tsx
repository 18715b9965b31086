// The item's thread with the appraisers, shown in the item's card during and after appraisal: the council's
// requests and their replies, the unit's own supplements (001 II.3.b), and — while the unit may still
// supplement (core/policy supplementRefusal: under appraisal, group not closed, before the supplement
// deadline) — the "Bổ sung" action. The self score stays as submitted.
import { useState } from 'react';
import { Button, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useAssessmentRequests, useAssessmentSupplements } from '../../../api/appraisal.ts';
import { useT } from '../../../i18n/context.ts';
import { showDate } from '../../../lib/dates.ts';
import { RequestThread } from '../../appraisal/RequestThread.tsx';
import { SupplementThread } from '../../appraisal/SupplementThread.tsx';
import { useForm } from '../formContext.ts';
import { SupplementForm } from './SupplementForm.tsx';

export function ItemRequests({ assessmentId, code }: { assessmentId: string; code: string }) {
  const t = useT();
  const ctx = useForm();
  const requests = useAssessmentRequests(assessmentId);
  const supplements = useAssessmentSupplements(assessmentId);
  const [open, setOpen] = useState(false);
  const mine = (requests.data?.items ?? []).filter((r) => r.code === code);
  const added = (supplements.data?.items ?? []).filter((s) => s.code === code);
  const canSupplement = supplements.data?.abilities.supplement === true;
  if (mine.length === 0 && added.length === 0 && !canSupplement) return null;
  return (
    <div data-testid={`item-${code}-requests`} style={{ borderTop: '1px dashed #d9d9d9', paddingTop: 8 }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Text strong>{t('req.itemThread')}</Typography.Text>
        {canSupplement && supplements.data?.supplementDeadline && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('sup.until', { date: showDate(supplements.data.supplementDeadline) })}
          </Typography.Text>
        )}
        {canSupplement && !open && (
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => setOpen(true)}
            data-testid={`item-${code}-supplement`}
          >
            {t('sup.action')}
          </Button>
        )}
      </Space>
      {mine.map((r) => (
        <RequestThread key={r.id} r={r} />
      ))}
      <SupplementThread items={added} />
      {canSupplement && open && (
        <SupplementForm
          assessmentId={assessmentId}
          code={code}
          unitId={ctx.unitId}
          library={[...ctx.library.values()]}
          onDone={() => setOpen(false)}
        />
      )}
    </div>
  );
}
