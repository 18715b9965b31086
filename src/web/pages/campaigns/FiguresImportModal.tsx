// "Nhập số liệu từ hệ thống khác": a .xlsx/.csv with Mã đơn vị | Mã chỉ số | Tên số liệu | Giá trị | Nguồn;
// all or nothing, the problems table on 422, the outcome counts on success.
import { useState } from 'react';
import { Alert, Button, Modal, Space, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { ApiError } from '../../api/client.ts';
import { useImportFigures } from '../../api/campaigns.ts';
import { useT } from '../../i18n/context.ts';
import { FiguresProblems } from './FiguresProblems.tsx';
import { ProblemReportButton, TemplateButton } from '../../components/ImportAids.tsx';
import type { FigureProblem } from './FiguresProblems.tsx';

export function FiguresImportModal({
  campaignId,
  open,
  onClose,
}: {
  campaignId: string;
  open: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const mutation = useImportFigures(campaignId);
  const [file, setFile] = useState<File | null>(null);
  const error = mutation.error;
  const raw = error instanceof ApiError ? error.details?.['problems'] : undefined;
  const problems = Array.isArray(raw) ? (raw as FigureProblem[]) : [];
  const r = mutation.data;
  const close = () => {
    setFile(null);
    mutation.reset();
    onClose();
  };
  return (
    <Modal
      open={open}
      title={t('fig.title')}
      onCancel={close}
      width={780}
      destroyOnHidden
      footer={[
        <Button key="close" onClick={close}>
          {t('common.close')}
        </Button>,
        <Button
          key="go"
          type="primary"
          icon={<UploadOutlined />}
          disabled={!file}
          loading={mutation.isPending}
          onClick={() => file && mutation.mutate(file)}
          data-testid="figures-submit"
        >
          {t('import.upload')}
        </Button>,
      ]}
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph style={{ marginBottom: 0 }}>{t('fig.help')}</Typography.Paragraph>
        <Typography.Text code data-testid="figures-columns">
          Mã đơn vị | Mã chỉ số | Tên số liệu | Giá trị | Nguồn
        </Typography.Text>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0, fontSize: 13 }}>
          {t('fig.help2')}
        </Typography.Paragraph>
        <TemplateButton
          url={`/campaigns/${encodeURIComponent(campaignId)}/figures/import-template`}
          name="mau-nhap-so-lieu.xlsx"
        />
        <Upload
          accept=".xlsx,.csv"
          maxCount={1}
          fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
          onRemove={() => setFile(null)}
          beforeUpload={(f) => {
            setFile(f);
            mutation.reset();
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} data-testid="figures-choose">
            {t('import.chooseFile')}
          </Button>
        </Upload>
        {r && (
          <Alert
            type="success"
            showIcon
            data-testid="figures-done"
            title={t('fig.done', {
              accepted: r.accepted,
              prefilled: r.prefilled,
              kept: r.kept,
              unchanged: r.unchanged,
              locked: r.locked,
            })}
          />
        )}
        {problems.length > 0 && <FiguresProblems problems={problems} />}
        {problems.length > 0 && (
          <ProblemReportButton
            file={file}
            problems={problems.map((p) => ({ row: p.row ?? 0, column: p.column ?? '', message: p.message }))}
          />
        )}
        {error && problems.length === 0 && <Alert type="error" showIcon title={error.message} />}
      </Space>
    </Modal>
  );
}
