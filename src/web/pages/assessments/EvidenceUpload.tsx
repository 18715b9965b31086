// Drag-and-drop (or tap) upload of evidence files to the unit's library with a progress bar per file; each
// uploaded document is attached to the item (its id added to the item's evidenceIds, saved by autosave).
import { useState } from 'react';
import { Alert, Progress, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { uploadEvidence, useAddToLibrary, useInvalidateEvidence } from '../../api/evidence.ts';
import type { Evidence } from '../../../contract/evidence.ts';
import { notifySuccess } from '../../lib/notify.ts';
import { useT } from '../../i18n/context.ts';

interface Upload {
  uid: string;
  name: string;
  percent: number;
  error: string | null;
}

export function EvidenceUpload({
  code,
  unitId,
  onUploaded,
}: {
  code: string;
  unitId: string;
  onUploaded: (e: Evidence) => void;
}) {
  const t = useT();
  const invalidate = useInvalidateEvidence();
  const addToLibrary = useAddToLibrary();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const patch = (uid: string, p: Partial<Upload>) =>
    setUploads((list) => list.map((u) => (u.uid === uid ? { ...u, ...p } : u)));

  const start = async (file: File, uid: string) => {
    setUploads((list) => [...list, { uid, name: file.name, percent: 0, error: null }]);
    try {
      const e = await uploadEvidence(unitId, file, (percent) => patch(uid, { percent }));
      addToLibrary(e);
      onUploaded(e);
      void invalidate();
      setUploads((list) => list.filter((u) => u.uid !== uid));
      notifySuccess(t('as.uploaded', { name: file.name }));
    } catch (err) {
      patch(uid, { error: err instanceof Error ? err.message : String(err) });
    }
  };

  return (
    <div data-testid={`item-${code}-upload`}>
      <Upload.Dragger
        multiple
        showUploadList={false}
        beforeUpload={(file) => {
          void start(file, file.uid);
          return false;
        }}
        style={{ padding: 4 }}
      >
        <p className="ant-upload-drag-icon" style={{ marginBottom: 4 }}>
          <InboxOutlined />
        </p>
        <Typography.Text>{t('as.upload')}</Typography.Text>
        <br />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('as.uploadHint')}
        </Typography.Text>
      </Upload.Dragger>
      {uploads.map((u) => (
        <div key={u.uid} style={{ marginTop: 6 }} data-testid="upload-progress">
          {u.error ? (
            <Alert
              type="error"
              showIcon
              title={`${u.name}: ${u.error}`}
              closable={{ onClose: () => setUploads((l) => l.filter((x) => x.uid !== u.uid)) }}
            />
          ) : (
            <>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('as.uploading', { name: u.name })}
              </Typography.Text>
              <Progress percent={u.percent} size="small" />
            </>
          )}
        </div>
      ))}
    </div>
  );
}
