// Evidence of the selected item: the list (with SHA-256 prefix), a preview of PDFs (iframe) and images
// (img) through GET /evidence/{id}/preview, always with a download link — a PDF served with a CSP sandbox
// header may not render in some browsers' viewers, so the link is the fallback.
import { useState } from 'react';
import { Alert, Button, Empty, List, Space, Typography } from 'antd';
import { DownloadOutlined, EyeOutlined, LinkOutlined } from '@ant-design/icons';
import type { ReviewEvidence } from '../../api/appraisalTypes.ts';
import { evidenceDownloadUrl, evidencePreviewUrl } from '../../api/evidence.ts';
import { showDate } from '../../lib/dates.ts';
import { useT } from '../../i18n/context.ts';

const kindOf = (e: ReviewEvidence): 'pdf' | 'image' | null => {
  const m = e.mimeType ?? '';
  const n = (e.fileName ?? '').toLowerCase();
  if (m === 'application/pdf' || n.endsWith('.pdf')) return 'pdf';
  if (m.startsWith('image/') || /\.(png|jpe?g)$/.test(n)) return 'image';
  return null;
};

export function EvidencePreview({ evidence }: { evidence: ReviewEvidence[] }) {
  const t = useT();
  const [shown, setShown] = useState<string | null>(null);
  if (evidence.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('apr.noEvidence')} />;
  const current = evidence.find((e) => e.id === shown) ?? null;
  const kind = current ? kindOf(current) : null;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="apr-evidence">
      <List<ReviewEvidence>
        size="small"
        dataSource={evidence}
        renderItem={(e) => (
          <List.Item
            data-testid="apr-evidence-row"
            actions={[
              ...(e.url
                ? [
                    <a key="o" href={e.url} target="_blank" rel="noreferrer noopener">
                      <LinkOutlined />
                    </a>,
                  ]
                : []),
              ...(!e.url && kindOf(e)
                ? [
                    <Button
                      key="p"
                      size="small"
                      icon={<EyeOutlined />}
                      onClick={() => setShown(e.id === shown ? null : e.id)}
                      data-testid="apr-evidence-preview"
                      aria-label={t('apr.preview')}
                    />,
                  ]
                : []),
              ...(!e.url
                ? [
                    <a key="d" href={evidenceDownloadUrl(e.id)} aria-label={t('apr.download')}>
                      <DownloadOutlined />
                    </a>,
                  ]
                : []),
            ]}
          >
            <div style={{ minWidth: 0 }}>
              <Typography.Text>
                {e.docNumber ? `${e.docNumber} — ` : ''}
                {e.fileName ?? e.url}
              </Typography.Text>
              <div style={{ fontSize: 12 }}>
                <Typography.Text type="secondary">
                  {e.docDate ? `${showDate(e.docDate)} · ` : ''}
                  {e.summary ?? ''}
                </Typography.Text>
                {e.sha256 && (
                  <Typography.Text type="secondary" code style={{ fontSize: 11 }} title={e.sha256}>
                    {e.sha256.slice(0, 12)}
                  </Typography.Text>
                )}
              </div>
            </div>
          </List.Item>
        )}
      />
      {current && kind && (
        <div data-testid="apr-preview-frame">
          {kind === 'image' ? (
            <img
              src={evidencePreviewUrl(current.id)}
              alt={current.fileName ?? ''}
              style={{ maxWidth: '100%', border: '1px solid #f0f0f0' }}
            />
          ) : (
            <iframe
              src={evidencePreviewUrl(current.id)}
              title={current.fileName ?? current.url ?? ''}
              style={{ width: '100%', height: 480, border: '1px solid #f0f0f0' }}
            />
          )}
          {kind === 'pdf' && (
            <Alert
              type="info"
              showIcon
              style={{ marginTop: 6 }}
              title={t('apr.pdfFallback')}
              action={
                <a href={evidenceDownloadUrl(current.id)} data-testid="apr-preview-download">
                  {t('apr.download')}
                </a>
              }
            />
          )}
        </div>
      )}
    </Space>
  );
}
