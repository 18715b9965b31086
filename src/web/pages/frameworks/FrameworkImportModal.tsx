// Import of an index set from .xlsx (official appendix layout), .yaml/.yml or .json, with an upload
// progress bar; a rejected file shows its problems (sheet, row, code, message, severity).
import { useState } from 'react';
import { Alert, Button, Modal, Progress, Space, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { FrameworkSummary } from '../../../contract/frameworks.ts';
import { useImportFramework } from '../../api/frameworks.ts';
import { useT } from '../../i18n/context.ts';
import { FrameworkImportProblems } from './FrameworkImportProblems.tsx';
import { ProblemReportButton, TemplateButton } from '../../components/ImportAids.tsx';
import { importProblemsOf } from './format.ts';

interface Props {
  onClose: () => void;
  onImported: (f: FrameworkSummary) => void;
}

export function FrameworkImportModal({ onClose, onImported }: Props) {
  const t = useT();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [done, setDone] = useState<(FrameworkSummary & { warnings?: unknown[] }) | null>(null);
  const mutation = useImportFramework(setProgress);
  const problems = importProblemsOf(mutation.error);

  const submit = () => {
    if (!file) return;
    setDone(null);
    setProgress(0);
    mutation.mutate(file, { onSuccess: setDone });
  };

  return (
    <Modal
      open
      title={t('fw.importTitle')}
      onCancel={onClose}
      width={820}
      destroyOnHidden
      footer={[
        <Button key="close" onClick={onClose}>
          {t('common.close')}
        </Button>,
        done ? (
          <Button key="open" type="primary" onClick={() => onImported(done)} data-testid="fw-import-open">
            {t('fw.open')}
          </Button>
        ) : (
          <Button
            key="upload"
            type="primary"
            icon={<UploadOutlined />}
            disabled={!file}
            loading={mutation.isPending}
            onClick={submit}
            data-testid="import-submit"
          >
            {t('import.upload')}
          </Button>
        ),
      ]}
    >
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        <Typography.Paragraph style={{ marginBottom: 0 }}>{t('fw.importHelp')}</Typography.Paragraph>
        <TemplateButton url="/frameworks/import-template" name="mau-bo-chi-so.xlsx" />
        <Upload
          accept=".xlsx,.yaml,.yml,.json"
          maxCount={1}
          beforeUpload={(f) => {
            setFile(f);
            setDone(null);
            setProgress(null);
            mutation.reset();
            return false;
          }}
          onRemove={() => setFile(null)}
          fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
        >
          <Button icon={<UploadOutlined />} data-testid="import-choose">
            {t('import.chooseFile')}
          </Button>
        </Upload>
        {progress !== null && (
          <Progress
            percent={progress}
            status={mutation.isError ? 'exception' : done ? 'success' : 'active'}
            data-testid="fw-import-progress"
          />
        )}
        {done && (
          <Alert
            type="success"
            showIcon
            data-testid="fw-import-done"
            title={t('fw.importDone', { name: done.name, version: done.version, warnings: done.warnings?.length ?? 0 })}
          />
        )}
        {problems.length > 0 && <FrameworkImportProblems problems={problems} />}
        {/* An appendix workbook comes back with every sheet, the problem rows marked where they are; a
            YAML or JSON file is not a spreadsheet, so its report is the list. */}
        {problems.length > 0 && (
          <ProblemReportButton
            file={file && /\.xlsx$/i.test(file.name) ? file : null}
            problems={problems.map((p) => ({
              ...(p.sheet ? { sheet: p.sheet } : {}),
              row: p.row ?? 0,
              column: '',
              message: p.code ? t('fw.problemAt', { code: p.code, message: p.message }) : p.message,
            }))}
          />
        )}
        {mutation.error && problems.length === 0 && <Alert type="error" showIcon title={mutation.error.message} />}
      </Space>
    </Modal>
  );
}
