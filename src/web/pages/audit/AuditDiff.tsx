// Field-by-field before → after view of an audit entry, in people's words (audit-words.ts); plain text.
import { Grid, Table, Typography } from 'antd';
import type { AuditEntry } from '../../../contract/audit.ts';
import { useI18n } from '../../i18n/context.ts';
import { type MessageKey, vi } from '../../i18n/vi.ts';
import { showDate, showDateTime } from '../../lib/dates.ts';
import { useRoleLabel } from '../../api/roles.ts';
import { useUnitTypeLabel } from '../../components/UnitTypeTag.tsx';
import { useStatusLabel } from '../campaigns/CampaignTags.tsx';
import type { CampaignStatus } from '../../../core/campaign/index.ts';
import { useNum } from '../frameworks/format.ts';
import { type AuditWords, type DiffRow as Row, diffRows } from './audit-words.ts';

const pre = {
  margin: 0,
  whiteSpace: 'pre-wrap',
  wordBreak: 'break-word',
  // The page's own font: a monospace fallback draws Vietnamese tone marks apart from their letters.
  fontFamily: 'inherit',
  fontSize: 13,
} as const;

/** A label from its own dictionary, or null where that dictionary echoes the code back (it has none). */
const known = (label: (code: string) => string) => (code: string) => {
  const s = label(code);
  return s === code ? null : s;
};

type EntryParts = Pick<AuditEntry, 'before' | 'after' | 'objectType' | 'names' | 'fields'>;

export function AuditDiff({ entry }: { entry: EntryParts }) {
  const { t } = useI18n();
  const format = useNum();
  const role = useRoleLabel();
  const unitType = useUnitTypeLabel();
  const campaignStatus = useStatusLabel();
  const words: AuditWords = {
    word: (key, params) => (key in vi ? t(key as MessageKey, params) : null),
    // Every decimal the value has (up to 6): the log shows what was stored, not a rounding of it.
    num: (n) => format(n, 6),
    date: showDate,
    dateTime: showDateTime,
    unitType: known(unitType),
    role: known(role),
    campaignStatus: known((s) => campaignStatus(s as CampaignStatus)),
    names: entry.names,
    fields: entry.fields,
    objectType: entry.objectType,
  };
  const rows = diffRows(entry.before, entry.after, words);
  const phone = !Grid.useBreakpoint().md;
  if (rows.length === 0) return <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>;
  // On a phone three columns do not fit: each field, then its before and after under it.
  if (phone)
    return (
      <div data-testid="audit-diff">
        {rows.map((r) => (
          <div key={r.field} style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}>
            <Typography.Text strong={r.changed}>{r.field}</Typography.Text>
            {r.before && (
              <pre style={{ ...pre, background: r.changed ? '#fff1f0' : undefined }}>
                {t('audit.before')}:{r.before.includes('\n') ? '\n' : ' '}
                {r.before}
              </pre>
            )}
            {r.after && (
              <pre style={{ ...pre, background: r.changed ? '#f6ffed' : undefined }}>
                {t('audit.after')}:{r.after.includes('\n') ? '\n' : ' '}
                {r.after}
              </pre>
            )}
          </div>
        ))}
      </div>
    );
  return (
    <Table<Row>
      size="small"
      rowKey="field"
      pagination={false}
      dataSource={rows}
      data-testid="audit-diff"
      rowClassName={(r) => (r.changed ? 'audit-changed' : '')}
      columns={[
        {
          title: t('audit.field'),
          dataIndex: 'field',
          width: 160,
          render: (f: string, r) => <Typography.Text strong={r.changed}>{f}</Typography.Text>,
        },
        {
          title: t('audit.before'),
          dataIndex: 'before',
          render: (v: string, r) => (
            <pre style={{ ...pre, background: r.changed && v ? '#fff1f0' : undefined }}>{v}</pre>
          ),
        },
        {
          title: t('audit.after'),
          dataIndex: 'after',
          render: (v: string, r) => (
            <pre style={{ ...pre, background: r.changed && v ? '#f6ffed' : undefined }}>{v}</pre>
          ),
        },
      ]}
    />
  );
}
