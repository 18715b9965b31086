// Upload of a spreadsheet to an import endpoint; shows the problems table when the server rejects it.
import { useState } from 'react';
import { Alert, Button, Modal, Space, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { UseMutationResult } from '@tanstack/react-query';
import { ApiError } from '../api/client.ts';
import { ImportProblems } from './ImportProblems.tsx';
import { ProblemReportButton, TemplateButton } from './ImportAids.tsx';
import { useT } from '../i18n/context.ts';
import type { ImportProblemWords } from '../i18n/codes.ts';

interface Props<R> {
  open: boolean;
  title: string;
  help: string;
  accept: string;
  mutation: UseMutationResult<R, Error, File>;
  successText: (result: R) => string;
  onClose: () => void;
  /** The template download: expected columns and an example row. */
  template?: { url: string; name: string };
  /** The words of this import's problem codes. */
  problemWords: ImportProblemWords;
}

export function ImportModal<R>({
  open,
  title,
  help,
  accept,
  mutation,
  successText,
  onClose,
  template,
  problemWords,
}: Props<R>) {
  const t = useT();
  const [file, setFile] = useState<File | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const error = mutation.error;
  const problems = error instanceof ApiError ? error.problems : [];

  const close = () => {
    setFile(null);
    setDone(null);
    mutation.reset();
    onClose();
  };

  const submit = () => {
    if (!file) return;
    setDone(null);
    mutation.mutate(file, { onSuccess: (r) => setDone(successText(r)) });
  };

  return (
    <Modal
      open={open}
      title={title}
      onCancel={close}
      width={720}
      destroyOnHidden
      footer={[
        <Button key="close" onClick={close}>
          {t('common.close')}
        </Button>,
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
        </Button>,
      ]}
    >
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        <Typography.Paragraph style={{ marginBottom: 0 }}>{help}</Typography.Paragraph>
        {template && <TemplateButton url={template.url} name={template.name} />}
        <Upload
          accept={accept}
          maxCount={1}
          beforeUpload={(f) => {
            setFile(f);
            mutation.reset();
            setDone(null);
            return false;
          }}
          onRemove={() => setFile(null)}
          fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
        >
          <Button icon={<UploadOutlined />} data-testid="import-choose">
            {t('import.chooseFile')}
          </Button>
        </Upload>
        {done && <Alert type="success" showIcon title={done} />}
        {problems.length > 0 && <ImportProblems problems={problems} words={problemWords} />}
        {problems.length > 0 && <ProblemReportButton file={file} problems={problems} />}
        {error && problems.length === 0 && <Alert type="error" showIcon title={error.message} />}
      </Space>
    </Modal>
  );
}
