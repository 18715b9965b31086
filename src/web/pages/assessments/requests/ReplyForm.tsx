// The unit's reply to one request: a text and documents — picked from the unit's library or uploaded now.
import { useState } from 'react';
import { Alert, Button, Form, Input, Select, Space } from 'antd';
import { SendOutlined, UploadOutlined } from '@ant-design/icons';
import { Upload } from 'antd';
import { useReplyToRequest } from '../../../api/appraisal.ts';
import type { RequestView } from '../../../api/appraisalTypes.ts';
import type { Evidence } from '../../../../contract/evidence.ts';
import { uploadEvidence, useAddToLibrary } from '../../../api/evidence.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { useT } from '../../../i18n/context.ts';
import { docLabel } from '../EvidencePanel.tsx';
import { accentInsensitiveSearch } from '../../../lib/searchSelect.ts';

export function ReplyForm({ r, unitId, library }: { r: RequestView; unitId: string; library: Evidence[] }) {
  const t = useT();
  const reply = useReplyToRequest();
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
      setProblem(t('req.textRequired'));
      return;
    }
    try {
      await reply.mutateAsync({ requestId: r.id, text: text.trim(), evidenceIds: ids });
      notifySuccess(t('req.replied'));
      setText('');
      setIds([]);
      setProblem(null);
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Form layout="vertical" size="small" onFinish={() => void send()} data-testid="req-reply-form">
      <Form.Item label={t('req.replyText')} required style={{ marginBottom: 8 }}>
        <Input.TextArea
          value={text}
          onChange={(e) => setText(e.target.value)}
          autoSize={{ minRows: 2, maxRows: 6 }}
          data-testid="req-reply-text"
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
            data-testid="req-reply-library"
          />
          <Upload
            showUploadList={false}
            beforeUpload={(f) => {
              void upload(f);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={uploading} data-testid="req-reply-upload">
              {t('req.uploadNew')}
            </Button>
          </Upload>
        </Space>
      </Form.Item>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 8 }} />}
      <Button
        type="primary"
        htmlType="submit"
        icon={<SendOutlined />}
        loading={reply.isPending}
        disabled={uploading}
        data-testid="req-reply-send"
      >
        {t('req.send')}
      </Button>
    </Form>
  );
}
