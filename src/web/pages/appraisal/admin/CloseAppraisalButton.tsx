// "Kết thúc thẩm định" for one group (chair); 422 APPRAISAL_INCOMPLETE lists every unit × item still
// without a final score.
import { useState } from 'react';
import { Alert, Button, Modal, Popconfirm, Table } from 'antd';
import { ApiError } from '../../../api/client.ts';
import { useCloseAppraisal } from '../../../api/appraisalAdmin.ts';
import type { MissingFinal } from '../../../../contract/appraisal.ts';
import { notifyError, notifySuccess } from '../../../lib/notify.ts';
import { useT } from '../../../i18n/context.ts';

export function CloseAppraisalButton({
  campaignId,
  groupId,
  groupName,
}: {
  campaignId: string;
  groupId: string;
  groupName: string;
}) {
  const t = useT();
  const close = useCloseAppraisal(campaignId);
  const [missing, setMissing] = useState<MissingFinal[] | null>(null);
  const run = async () => {
    try {
      await close.mutateAsync(groupId);
      notifySuccess(t('adm.closed', { group: groupName }));
    } catch (e) {
      const m = e instanceof ApiError && e.code === 'APPRAISAL_INCOMPLETE' ? e.details?.['missing'] : undefined;
      if (Array.isArray(m)) setMissing(m as MissingFinal[]);
      else notifyError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <>
      <Popconfirm
        title={t('adm.closeConfirm', { group: groupName })}
        onConfirm={() => void run()}
        okButtonProps={{
          loading: close.isPending,
          ...({ 'data-testid': 'adm-close-confirm' } as Record<string, string>),
        }}
      >
        <Button type="primary" data-testid="adm-close">
          {t('adm.close')}
        </Button>
      </Popconfirm>
      <Modal
        open={missing !== null}
        title={t('adm.incomplete')}
        onCancel={() => setMissing(null)}
        footer={null}
        width={720}
      >
        <Alert
          type="warning"
          showIcon
          title={t('adm.incompleteHelp', { n: missing?.length ?? 0 })}
          style={{ marginBottom: 12 }}
        />
        <Table<MissingFinal>
          size="small"
          rowKey={(m, i) => `${m.assessmentId}-${m.code}-${i ?? 0}`}
          dataSource={missing ?? []}
          pagination={{ pageSize: 15, hideOnSinglePage: true }}
          data-testid="adm-missing"
          columns={[
            { title: t('apr.unit'), key: 'unit', render: (_, m) => m.unitName },
            { title: t('apr.item'), key: 'code', dataIndex: 'code' },
          ]}
        />
      </Modal>
    </>
  );
}
