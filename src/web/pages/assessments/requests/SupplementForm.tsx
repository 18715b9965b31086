// The unit supplements one item on its own during appraisal (001 II.3.b): an explanation and documents —
// picked from the unit's library or uploaded now. The self score stays as submitted.
import { useState } from 'react';
import { Alert, Button, Form, Input, Select, Space, Typography, Upload } from 'antd';
import { SendOutlined, UploadOutlined } from '@ant-design/icons';
import { useAddSupplement } from '../../../api/appraisal.ts';
import type { Evidence } from '../../../../contract/evidence.ts';
import { uploadEvidence, useAddToLibrary } from '../../../api/evidence.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { useT } from '../../../i18n/context.ts';
import { docLabel } from '../EvidencePanel.tsx';
import { accentInsensitiveSearch } from '../../../lib/searchSelect.ts';

interface Props {
  assessmentId: string;
  code: string;
  unitId: string;
  library: readonly Evidence[];
  onDone: () => void;
}

export function SupplementForm({ assessmentId, code, unitId, library, onDone }: Props) {
  const t = useT();
  const add = useAddSupplement();
  const addToLibrary = useAddToLibrary();
  const [text, setText] = useState('');
  const [ids, setIds] = useState<string[]>([]);
  const [uploading, setUploading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const upload = async (file: File) => {
    setUploading(true);
    setProblem(null);
    try {
      const e = await uploadEvidence(unitId, file, () => undefined);
      addToLibrary(e);
      setIds((x) => [...x, e.id]);
    } catch (err) {
      setProblem(err instanceof Error ? err.message : String(err));
    } finally {
      setUploading(false);
    }
  };

  const send = async () => {
    if (!text.trim()) {
      setProblem(t('sup.textRequired'));
      return;
    }
    try {
      await add.mutateAsync({ assessmentId, code, text: text.trim(), evidenceIds: ids });
      notifySuccess(t('sup.sent'));
      setText('');
      setIds([]);
      setProblem(null);
      onDone();
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Form layout="vertical" size="small" onFinish={() => void send()} data-testid={`item-${code}-supplement-form`}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        {t('sup.hint')}
      </Typography.Paragraph>
      <Form.Item label={t('sup.text')} required style={{ marginBottom: 8 }}>
        <Input.TextArea
          value={text}
          onChange={(e) => setText(e.target.value)}
          autoSize={{ minRows: 2, maxRows: 6 }}
          data-testid="supplement-text-input"
        />
      </Form.Item>
      <Form.Item label={t('req.attach')} style={{ marginBottom: 8 }}>
        <Space wrap style={{ width: '100%' }}>
          <Select
            mode="multiple"
            allowClear
            showSearch={accentInsensitiveSearch}
            style={{ minWidth: 320 }}
            value={ids}
            onChange={setIds}
            placeholder={t('req.fromLibrary')}
            options={library.map((e) => ({ value: e.id, label: docLabel(e, t) }))}
            data-testid="supplement-library"
          />
          <Upload
            showUploadList={false}
            beforeUpload={(f) => {
              void upload(f);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={uploading} data-testid="supplement-upload">
              {t('req.uploadNew')}
            </Button>
          </Upload>
        </Space>
      </Form.Item>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 8 }} />}
      <Space>
        <Button
          type="primary"
          htmlType="submit"
          icon={<SendOutlined />}
          loading={add.isPending}
          disabled={uploading}
          data-testid="supplement-send"
        >
          {t('sup.send')}
        </Button>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
      </Space>
    </Form>
  );
}
