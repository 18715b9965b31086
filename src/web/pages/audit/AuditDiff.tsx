// Field-by-field before → after view of an audit entry; values rendered as plain text.
import { Table, Typography } from 'antd';
import { useT } from '../../i18n/context.ts';
import { useNum } from '../frameworks/format.ts';

interface Row {
  field: string;
  before: string;
  after: string;
  changed: boolean;
}

/** A number as people read it (dd,dd in Vietnamese); String where no formatter is given. */
type NumberFormat = (n: number) => string;

function show(value: unknown, num: NumberFormat): string {
  if (value === undefined) return '';
  // "No value" in words people read (a bulk accept's items were mostly without a final score before it).
  if (value === null) return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return num(value);
  return JSON.stringify(value, null, 2);
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

export function diffRows(before: unknown, after: unknown, num: NumberFormat = String): Row[] {
  const b = asRecord(before);
  const a = asRecord(after);
  if (!b && !a) {
    if (before == null && after == null) return [];
    return [
      {
        field: '',
        before: show(before, num),
        after: show(after, num),
        changed: show(before, num) !== show(after, num),
      },
    ];
  }
  const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])];
  return keys.map((k) => {
    const x = show(b?.[k], num);
    const y = show(a?.[k], num);
    return { field: k, before: x, after: y, changed: x !== y };
  });
}

const pre = {
  margin: 0,
  whiteSpace: 'pre-wrap',
  wordBreak: 'break-word',
  fontFamily: 'monospace',
  fontSize: 12,
} as const;

export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const t = useT();
  const format = useNum();
  // Every decimal the value has (up to 6): the log shows what was stored, not a rounding of it.
  const rows = diffRows(before, after, (n) => format(n, 6));
  if (rows.length === 0) return <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>;
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
