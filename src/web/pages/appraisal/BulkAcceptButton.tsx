// "Chấp nhận điểm tự chấm" for the checked rows (final = self score), all or nothing.
import { Button, Popconfirm } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useBulkAccept } from '../../api/appraisal.ts';
import type { QueueRow } from '../../api/appraisalTypes.ts';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { useT } from '../../i18n/context.ts';

export function BulkAcceptButton({ rows, onDone }: { rows: QueueRow[]; onDone: () => void }) {
  const t = useT();
  const bulk = useBulkAccept();
  const run = async () => {
    try {
      const r = await bulk.mutateAsync(
        rows.map((x) => ({ assessmentId: x.assessmentId, code: x.code, version: x.version })),
      );
      notifySuccess(t('apr.bulkDone', { n: r.accepted }));
      onDone();
    } catch (e) {
      notifyError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Popconfirm
      title={t('apr.bulkConfirm', { n: rows.length })}
      onConfirm={() => void run()}
      disabled={rows.length === 0}
      okButtonProps={{ loading: bulk.isPending, ...({ 'data-testid': 'apr-bulk-confirm' } as Record<string, string>) }}
    >
      <Button icon={<CheckOutlined />} disabled={rows.length === 0} data-testid="apr-bulk-accept">
        {t('apr.bulkAccept')}
        {rows.length > 0 ? ` (${rows.length})` : ''}
      </Button>
    </Popconfirm>
  );
}
