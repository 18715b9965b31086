// Beside every import: the template (expected columns and an example row that imports as it is) and,
// when the server rejected the file, its problems as a workbook — the file sent back with the problem
// cells marked red — to fix from.
import { useState } from 'react';
import { Button } from 'antd';
import { DownloadOutlined, FileExcelOutlined } from '@ant-design/icons';
import { downloadFile, postForDownload } from '../api/client.ts';
import { notifyError } from '../lib/notify.ts';
import { useT } from '../i18n/context.ts';

export function TemplateButton({ url, name }: { url: string; name: string }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const go = () => {
    setBusy(true);
    downloadFile(url, name)
      .catch((e: Error) => notifyError(e.message))
      .finally(() => setBusy(false));
  };
  return (
    <Button icon={<DownloadOutlined />} onClick={go} loading={busy} data-testid="import-template">
      {t('import.template')}
    </Button>
  );
}

export interface ReportableProblem {
  /** The sheet of a workbook of several sheets (an index set); the first when absent. */
  sheet?: string;
  row: number;
  column: string;
  message: string;
}

export function ProblemReportButton({ file, problems }: { file: File | null; problems: readonly ReportableProblem[] }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const go = () => {
    const form = new FormData();
    // The problems before the file: the server reads the parts in order.
    form.append(
      'problems',
      JSON.stringify(
        problems.map((p) => ({
          ...(p.sheet ? { sheet: p.sheet } : {}),
          row: p.row,
          column: p.column,
          message: p.message,
        })),
      ),
    );
    if (file) form.append('file', file);
    setBusy(true);
    postForDownload('/imports/problem-report', form, 'bao-cao-loi-nhap.xlsx')
      .catch((e: Error) => notifyError(e.message))
      .finally(() => setBusy(false));
  };
  return (
    <Button icon={<FileExcelOutlined />} onClick={go} loading={busy} data-testid="import-report">
      {t('import.report')}
    </Button>
  );
}
