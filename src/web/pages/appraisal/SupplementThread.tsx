// The unit's own supplements on one item during appraisal (001 II.3.b), dated, with their documents: shown
// beside the request threads to the support team and council, and on the unit's own item card.
import { Tag, Timeline, Typography } from 'antd';
import type { SupplementView } from '../../api/appraisalTypes.ts';
import { evidenceDownloadUrl } from '../../api/evidence.ts';
import { showDateTime } from '../../lib/dates.ts';
import { useT } from '../../i18n/context.ts';

export function SupplementThread({ items }: { items: readonly SupplementView[] }) {
  const t = useT();
  if (items.length === 0) return null;
  return (
    <div data-testid="supplement-thread">
      <Tag color="cyan" style={{ marginBottom: 4 }}>
        {t('sup.threadTitle')}
      </Tag>
      <Timeline
        items={items.map((s) => ({
          color: 'cyan',
          content: (
            <div data-testid="supplement-entry">
              <Typography.Text strong>{s.suppliedBy.fullName}</Typography.Text>{' '}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {showDateTime(s.suppliedAt)}
              </Typography.Text>
              <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }} data-testid="supplement-text">
                {s.text}
              </Typography.Paragraph>
              {s.evidence.map((e) => (
                <div key={e.id}>
                  {e.url ? (
                    <a href={e.url} target="_blank" rel="noreferrer noopener">
                      {e.url}
                    </a>
                  ) : (
                    <a href={evidenceDownloadUrl(e.id)} data-testid="supplement-file">
                      {e.docNumber ? `${e.docNumber} — ` : ''}
                      {e.fileName ?? t('sup.document')}
                    </a>
                  )}
                </div>
              ))}
            </div>
          ),
        }))}
      />
    </div>
  );
}
