// Evidence of one item: the attached documents (open/download, detach), attach from the unit's library and
// upload new files.
import { Button, List, Space, Tag, Typography } from 'antd';
import { FileOutlined, LinkOutlined, PaperClipOutlined } from '@ant-design/icons';
import { evidenceDownloadUrl } from '../../api/evidence.ts';
import type { Evidence } from '../../../contract/evidence.ts';
import { showDate } from '../../lib/dates.ts';
import { useT } from '../../i18n/context.ts';
import { useForm } from './formContext.ts';
import { EvidenceUpload } from './EvidenceUpload.tsx';

/** A document by what people know it as: number, file name, address or summary — never its id. */
export function docLabel(e: Evidence, t: ReturnType<typeof useT>): string {
  const name = e.fileName ?? e.url ?? e.summary ?? e.issuer ?? '';
  if (e.docNumber) return name ? `${e.docNumber} — ${name}` : e.docNumber;
  return name || t('as.unnamedDoc');
}

export function EvidencePanel({
  code,
  evidenceIds,
  editable,
}: {
  code: string;
  evidenceIds: string[];
  editable: boolean;
}) {
  const t = useT();
  const ctx = useForm();
  const detach = (id: string) => ctx.store.edit(code, { evidenceIds: evidenceIds.filter((x) => x !== id) });
  const attach = (e: Evidence) => {
    const now = ctx.store.get(code)?.draft.evidenceIds ?? [];
    if (!now.includes(e.id)) ctx.store.edit(code, { evidenceIds: [...now, e.id] });
  };
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }} data-testid={`item-${code}-evidence`}>
      {evidenceIds.length === 0 ? (
        <Typography.Text type="secondary">{t('as.noEvidence')}</Typography.Text>
      ) : (
        <List
          size="small"
          bordered
          dataSource={evidenceIds}
          renderItem={(id) => {
            const e = ctx.library.get(id);
            const href = e?.url && !e.fileName ? e.url : evidenceDownloadUrl(id);
            const label = e ? docLabel(e, t) : t(ctx.libraryLoading ? 'as.loadingDoc' : 'as.unknownDoc');
            return (
              <List.Item data-testid="evidence-row">
                {/* A long address or file name keeps to two lines (the whole of it in the tooltip) instead of
                    widening the phone's page; on a phone "Bỏ đính kèm" goes below it rather than squeezing it. */}
                <div
                  style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: '2px 8px', width: '100%' }}
                >
                  <div style={{ display: 'flex', alignItems: 'flex-start', gap: 6, minWidth: 0, flex: '1 1 240px' }}>
                    {e?.url && !e.fileName ? (
                      <LinkOutlined style={{ marginTop: 4 }} />
                    ) : (
                      <FileOutlined style={{ marginTop: 4 }} />
                    )}
                    <a
                      href={href}
                      target="_blank"
                      rel="noreferrer noopener"
                      title={label}
                      className="doc-name"
                      data-testid="evidence-link"
                    >
                      {label}
                    </a>
                    {e?.docDate && <Tag style={{ marginInlineEnd: 0 }}>{showDate(e.docDate)}</Tag>}
                  </div>
                  {editable && (
                    <Button
                      type="link"
                      danger
                      size="small"
                      style={{ marginInlineStart: 'auto' }}
                      onClick={() => detach(id)}
                      data-testid="evidence-detach"
                    >
                      {t('as.detach')}
                    </Button>
                  )}
                </div>
              </List.Item>
            );
          }}
        />
      )}
      {editable && (
        <Button
          icon={<PaperClipOutlined />}
          onClick={() => ctx.openLibrary(code)}
          size={ctx.phone ? 'large' : 'middle'}
          loading={ctx.libraryLoading}
          disabled={ctx.libraryLoading}
          data-testid={`item-${code}-attach`}
        >
          {t('as.attach')}
        </Button>
      )}
      {editable && ctx.canUpload && <EvidenceUpload code={code} unitId={ctx.unitId} onUploaded={attach} />}
    </Space>
  );
}
