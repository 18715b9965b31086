// Print view link and the .xlsx form exchange (download the official form, upload it filled). The form is
// generated only when the user clicks (opening the form fetches nothing of it: issue 16). A rejected
// upload lists every problem at once (row, column, message) with the file sent back marked (issue 17).
import { useRef, useState } from 'react';
import { Button, Modal, Space } from 'antd';
import { DownloadOutlined, PrinterOutlined, UploadOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { type ImportProblem, downloadFile } from '../../api/client.ts';
import { ProblemReportButton } from '../../components/ImportAids.tsx';
import { ImportProblems } from '../../components/ImportProblems.tsx';
import { exportPath, useImportAssessment } from '../../api/assessments.ts';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { useT } from '../../i18n/context.ts';

interface Props {
  assessmentId: string;
  canImport: boolean;
  phone: boolean;
  beforeImport: () => Promise<boolean>;
  onImported: () => void;
}

export function FormActions({ assessmentId, canImport, phone, beforeImport, onImported }: Props) {
  const t = useT();
  const [percent, setPercent] = useState<number | null>(null);
  const importer = useImportAssessment(assessmentId, setPercent);
  const input = useRef<HTMLInputElement>(null);
  const [rejected, setRejected] = useState<{ file: File; problems: ImportProblem[] } | null>(null);
  const size = phone ? 'large' : 'middle';

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    if (!(await beforeImport())) {
      notifyError(t('as.submitUnsaved'));
      return;
    }
    try {
      const r = await importer.mutateAsync(file);
      notifySuccess(t('as.importDone', { n: r?.updated ?? 0 }));
      onImported();
    } catch (e) {
      const problems =
        e && typeof e === 'object' && 'problems' in e ? (e as { problems: ImportProblem[] }).problems : [];
      if (problems.length > 0)
        setRejected({
          file,
          problems: problems.map((p) => ({ row: p.row, column: p.column ?? '', message: p.message })),
        });
      else notifyError(e instanceof Error ? e.message : String(e));
    } finally {
      setPercent(null);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <Space wrap size={8}>
      <Link to={`/assessments/${assessmentId}/print`} data-testid="as-print-link">
        <Button size={size} icon={<PrinterOutlined />}>
          {t('as.print')}
        </Button>
      </Link>
      <Button
        size={size}
        icon={<DownloadOutlined />}
        onClick={() =>
          void downloadFile(exportPath(assessmentId), 'tu-danh-gia.xlsx').catch((e: Error) => notifyError(e.message))
        }
        data-testid="as-export"
      >
        {t('as.exportXlsx')}
      </Button>
      {canImport && (
        <>
          <Button
            size={size}
            icon={<UploadOutlined />}
            loading={percent !== null}
            onClick={() => input.current?.click()}
            data-testid="as-import"
          >
            {percent !== null ? `${percent}%` : t('as.importXlsx')}
          </Button>
          <input
            ref={input}
            type="file"
            accept=".xlsx"
            hidden
            onChange={(e) => void onFile(e.target.files?.[0])}
            data-testid="as-import-file"
          />
        </>
      )}
      {rejected && (
        <Modal
          open
          title={t('as.importXlsx')}
          width={760}
          onCancel={() => setRejected(null)}
          footer={[
            <ProblemReportButton key="report" file={rejected.file} problems={rejected.problems} />,
            <Button key="close" onClick={() => setRejected(null)}>
              {t('common.close')}
            </Button>,
          ]}
        >
          <ImportProblems problems={rejected.problems} words="formImport" />
        </Modal>
      )}
    </Space>
  );
}
