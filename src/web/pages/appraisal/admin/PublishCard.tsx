// Approval and publication: approve (decision), publish with a reason for corrections after a first
// publication; the new snapshot's digest and signature, and every earlier snapshot. Upheld objections
// answered after the latest publication are announced ("n kiến nghị được chấp nhận — cần công bố đính
// chính") and name themselves in the default correction reason (issue 14 §1).
import { useState } from 'react';
import { Alert, Button, Card, Empty, Input, Popconfirm, Space } from 'antd';
import { usePublish, useSnapshots } from '../../../api/appraisalAdmin.ts';
import type { Snapshot } from '../../../api/appraisalTypes.ts';
import type { Campaign } from '../../../../contract/campaigns.ts';
import { notifyError, notifySuccess } from '../../../lib/notify.ts';
import { useT } from '../../../i18n/context.ts';
import { useCampaignObjections } from '../../../api/objections.ts';
import { useAuthorities } from '../../../api/authorities.ts';
import { ApproveModal } from './ApproveModal.tsx';
import { correctionReasonOf, upheldAwaitingCorrection } from './correctionReason.ts';
import { SnapshotView } from './SnapshotView.tsx';

export function PublishCard({ c }: { c: Campaign }) {
  const t = useT();
  const publish = usePublish(c.id);
  const snapshots = useSnapshots(c.id);
  const [approveOpen, setApproveOpen] = useState(false);
  const objections = useCampaignObjections(c.id);
  const due = upheldAwaitingCorrection(objections.data);
  const [typed, setReason] = useState<string | null>(null);
  const reason = typed ?? correctionReasonOf(t, objections.data);
  const [latest, setLatest] = useState<Snapshot | null>(null);
  const correction = c.status === 'published';
  // Only a competent authority (or its delegate) approves its part (issue 13 §2): the province's office gets no
  // button that can only be refused when every part belongs to a district.
  const parts = useAuthorities(c.id).data?.parts ?? [];
  const mayApprove = parts.some((p) => p.canApprove);
  // The same for publishing (and publishing a correction): only who may publish a part sees the button.
  const mayPublish = parts.some((p) => p.canPublish);
  const list = snapshots.data ?? [];
  const run = async () => {
    try {
      const r = await publish.mutateAsync(reason.trim() || undefined);
      setLatest(r.snapshot);
      setReason(null);
      notifySuccess(t('adm.published', { version: r.snapshot.version }));
    } catch (e) {
      notifyError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Card size="small" title={t('adm.publication')} data-testid="adm-publication">
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {correction && due.length > 0 && (
          <Alert
            type="warning"
            showIcon
            title={t('obj.correctionDue', { n: due.length })}
            data-testid="adm-correction-due"
          />
        )}
        <Space wrap>
          {c.status === 'under_appraisal' && mayApprove && (
            <Button onClick={() => setApproveOpen(true)} data-testid="adm-approve">
              {t('adm.approve')}
            </Button>
          )}
          {(c.status === 'approved' || correction) && mayPublish && (
            <>
              {correction && (
                <Input
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                  placeholder={t('adm.correctionReason')}
                  style={{ width: 320 }}
                  data-testid="adm-publish-reason"
                />
              )}
              <Popconfirm
                title={correction ? t('adm.republishConfirm') : t('adm.publishConfirm')}
                onConfirm={() => void run()}
                okButtonProps={{
                  disabled: correction && !reason.trim(),
                  loading: publish.isPending,
                  ...({ 'data-testid': 'adm-publish-confirm' } as Record<string, string>),
                }}
              >
                <Button type="primary" disabled={correction && !reason.trim()} data-testid="adm-publish">
                  {correction ? t('adm.republish') : t('adm.publish')}
                </Button>
              </Popconfirm>
            </>
          )}
        </Space>
        {latest && (
          <Alert
            type="success"
            showIcon
            title={t('adm.published', { version: latest.version })}
            description={<SnapshotView s={latest} />}
            data-testid="adm-published"
          />
        )}
        {list.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('adm.noSnapshots')} />
        ) : (
          <Space orientation="vertical" style={{ width: '100%' }} data-testid="adm-snapshots">
            {list.map((s) => (
              <SnapshotView key={s.id} s={s} />
            ))}
          </Space>
        )}
      </Space>
      {approveOpen && <ApproveModal campaignId={c.id} groups={c.groups} onClose={() => setApproveOpen(false)} />}
    </Card>
  );
}
