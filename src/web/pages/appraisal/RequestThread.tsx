// A request to the unit and its replies (text and documents), used by the council and by the unit.
import { Button, Popconfirm, Space, Tag, Timeline, Typography } from 'antd';
import { useCloseRequest } from '../../api/appraisal.ts';
import type { RequestView } from '../../api/appraisalTypes.ts';
import { evidenceDownloadUrl } from '../../api/evidence.ts';
import { showDate, showDateTime } from '../../lib/dates.ts';
import { useT } from '../../i18n/context.ts';

const STATUS_COLORS: Record<string, string> = { open: 'orange', answered: 'blue', closed: 'default' };

export function RequestThread({ r }: { r: RequestView }) {
  const t = useT();
  const close = useCloseRequest();
  return (
    <div data-testid="request-thread" data-status={r.status}>
      <Space wrap size={4} style={{ marginBottom: 4 }}>
        <Tag color="purple">{r.kindLabel}</Tag>
        <Tag color={STATUS_COLORS[r.status] ?? 'default'}>{r.statusLabel}</Tag>
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
