// Export buttons of the results page: ranking (.xlsx), a unit's scorecard (.xlsx/PDF) and the decision
// annex (.docx), each run as a job with a progress bar and downloaded when ready.
import { useState } from 'react';
import { Alert, Button, Card, Progress, Select, Space, Typography } from 'antd';
import { DownloadOutlined, FileExcelOutlined, FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import type { ExportKind } from '../../../contract/exports.ts';
import { useT } from '../../i18n/context.ts';
import type { MessageKey } from '../../i18n/vi.ts';
import { useExportJob } from './useExportJob.ts';
import { accentInsensitiveSearch } from '../../lib/searchSelect.ts';

const LABELS: Record<ExportKind, MessageKey> = {
  ranking_xlsx: 'exp.ranking',
  scorecard_xlsx: 'exp.scorecardXlsx',
  scorecard_pdf: 'exp.scorecardPdf',
  annex_docx: 'exp.annex',
};

export function ExportPanel({
  campaignId,
  units,
  ranked = true,
}: {
  campaignId: string;
  units: { id: string; label: string }[];
  /** false for a progress round: its workbook is a progress report, not a ranking (ranking-applies.ts). */
  ranked?: boolean;
}) {
  const t = useT();
  const [unitId, setUnitId] = useState<string | undefined>(undefined);
  const { state, run, download, busy } = useExportJob(campaignId);
  const job = state?.job;
  const percent = job?.status === 'done' ? 100 : Math.round((job?.progress ?? 0) * 100);
  const button = (kind: ExportKind, icon: React.ReactNode, needsUnit = false) => (
    <Button
      icon={icon}
      onClick={() => void run(kind, needsUnit ? unitId : undefined)}
      disabled={busy || (needsUnit && !unitId)}
      loading={busy && state?.kind === kind}
      data-testid={`export-${kind}`}
    >
      {t(!ranked && kind === 'ranking_xlsx' ? 'progress.exportXlsx' : LABELS[kind])}
    </Button>
  );
  return (
    <Card size="small" title={t('exp.title')} data-testid="export-panel">
      <Space wrap>
        {button('ranking_xlsx', <FileExcelOutlined />)}
        {button('annex_docx', <FileWordOutlined />)}
      </Space>
      <Space wrap style={{ marginTop: 12 }}>
        <Select
          showSearch={accentInsensitiveSearch}
          allowClear
          placeholder={t('exp.pickUnit')}
          style={{ width: 300, maxWidth: '100%' }}
          value={unitId}
          onChange={setUnitId}
          options={units.map((u) => ({ value: u.id, label: u.label }))}
          data-testid="export-unit"
        />
        {button('scorecard_xlsx', <FileExcelOutlined />, true)}
        {button('scorecard_pdf', <FilePdfOutlined />, true)}
      </Space>
      {state && !state.error && (
        <div style={{ marginTop: 12 }} data-testid="export-progress" data-status={job?.status ?? 'starting'}>
          <Typography.Text>
            {job?.status === 'done'
              ? t('exp.done', { name: job.result?.fileName ?? '' })
              : job?.status === 'running'
                ? t('exp.running', { percent })
                : t('exp.queued')}
          </Typography.Text>
          <Progress percent={percent} status={job?.status === 'done' ? 'success' : 'active'} />
          {job?.status === 'done' && (
            <Button icon={<DownloadOutlined />} onClick={() => void download()} data-testid="export-download">
              {t('exp.download')}
            </Button>
          )}
        </div>
      )}
      {state?.error !== null && state?.error !== undefined && (
        <Alert
          style={{ marginTop: 12 }}
          type="error"
          showIcon
          title={t('exp.failed', { error: state.error })}
          data-testid="export-error"
        />
      )}
    </Card>
  );
}
