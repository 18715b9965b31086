// A request to the unit and its replies (text and documents), used by the council and by the unit.
import { Button, Popconfirm, Space, Tag, Timeline, Typography } from 'antd';
import { useCloseRequest } from '../../api/appraisal.ts';
import type { RequestView } from '../../api/appraisalTypes.ts';
import { evidenceDownloadUrl } from '../../api/evidence.ts';
import { showDate, showDateTime } from '../../lib/dates.ts';
import { useT } from '../../i18n/context.ts';
import { REQUEST_KINDS, REQUEST_STATUSES } from '../../../core/appraisal/index.ts';

const STATUS_COLORS: Record<string, string> = { open: 'orange', answered: 'blue', closed: 'default' };

export function RequestThread({ r }: { r: RequestView }) {
  const t = useT();
  const close = useCloseRequest();
  // Stored as text: a value from an older list shows as stored.
  const kindText = (k: string) =>
    (REQUEST_KINDS as readonly string[]).includes(k) ? t(`apr.kind.${k as (typeof REQUEST_KINDS)[number]}`) : k;
  const statusText = (s: string) =>
    (REQUEST_STATUSES as readonly string[]).includes(s) ? t(`reqStatus.${s as (typeof REQUEST_STATUSES)[number]}`) : s;
  return (
    <div data-testid="request-thread" data-status={r.status}>
      <Space wrap size={4} style={{ marginBottom: 4 }}>
        <Tag color="purple">{kindText(r.kind)}</Tag>
        <Tag color={STATUS_COLORS[r.status] ?? 'default'}>{statusText(r.status)}</Tag>
        {r.deadline && (
          <Tag color={r.deadlinePassed ? 'red' : 'default'}>{t('req.deadline', { date: showDate(r.deadline) })}</Tag>
        )}
        {r.abilities.close && r.status !== 'closed' && (
          <Popconfirm title={t('req.closeConfirm')} onConfirm={() => close.mutate(r.id)}>
            <Button size="small" loading={close.isPending} data-testid="request-close">
              {t('req.close')}
            </Button>
          </Popconfirm>
        )}
      </Space>
      <Timeline
        items={[
          {
            color: 'purple',
            content: (
              <>
                <Typography.Text strong>{r.requestedBy.fullName}</Typography.Text>{' '}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {showDateTime(r.requestedAt)}
                </Typography.Text>
                <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }} data-testid="request-message">
                  {r.message}
                </Typography.Paragraph>
              </>
            ),
          },
          ...r.replies.map((p) => ({
            color: 'green',
            content: (
              <div data-testid="request-reply">
                <Typography.Text strong>{p.repliedBy.fullName}</Typography.Text>{' '}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {showDateTime(p.repliedAt)}
                </Typography.Text>
                <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{p.text}</Typography.Paragraph>
                {p.evidence.map((e) => (
                  <div key={e.id}>
                    {e.url ? (
                      <a href={e.url} target="_blank" rel="noreferrer noopener" style={{ overflowWrap: 'anywhere' }}>
                        {e.url}
                      </a>
                    ) : (
                      <a href={evidenceDownloadUrl(e.id)} data-testid="request-reply-file">
                        {e.docNumber ? `${e.docNumber} — ` : ''}
                        {e.fileName ?? t('sup.document')}
                      </a>
                    )}
                  </div>
                ))}
              </div>
            ),
          })),
        ]}
      />
    </div>
  );
}
