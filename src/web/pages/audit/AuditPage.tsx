// /audit: filtered, paginated audit entries — who did what to which unit and item, in names and Vietnamese
// labels (never action codes or ids); expand a row to see before → after.
import { useState } from 'react';
import { Grid, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { AuditEntry } from '../../../contract/audit.ts';
import { useAudit } from '../../api/audit.ts';
import type { AuditFilters as Filters } from '../../api/audit.ts';
import { showDateTime } from '../../lib/dates.ts';
import { AuditDiff } from './AuditDiff.tsx';
import { AuditFilters } from './AuditFilters.tsx';
import { useT } from '../../i18n/context.ts';
import { viAudit } from '../../i18n/vi-audit.ts';
import type { MessageKey } from '../../i18n/vi.ts';

const KNOWN = new Set(Object.keys(viAudit));
/** The dictionary key of an action or object kind, when the dictionary has it. */
const keyOf = (prefix: 'audit.act.' | 'audit.type.', code: string): MessageKey | null =>
  KNOWN.has(prefix + code) ? ((prefix + code) as MessageKey) : null;

const LINKS: Record<string, (id: string) => string> = {
  assessment: (id) => `/assessments/${id}`,
  campaign: (id) => `/campaigns/${id}`,
  framework: (id) => `/frameworks/${id}`,
};

function ObjectCell({ e }: { e: AuditEntry }) {
  const t = useT();
  const type = keyOf('audit.type.', e.objectType);
  const o = e.object;
  const text = [o.name, o.itemCode ? t('audit.item', { code: o.itemCode }) : ''].filter(Boolean).join(' — ');
  const to = o.link && LINKS[o.link.kind] ? LINKS[o.link.kind]!(o.link.id) : null;
  return (
    <span>
      {type && <Typography.Text type="secondary">{t(type)}: </Typography.Text>}
      {to && text ? <Link to={to}>{text}</Link> : text}
      {o.campaignName && (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {o.campaignName}
        </Typography.Text>
      )}
    </span>
  );
}

export default function AuditPage() {
  const t = useT();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const { data, isFetching } = useAudit(filters, page, pageSize);
  const phone = !Grid.useBreakpoint().md;
  const actionTag = (v: string) => {
    const k = keyOf('audit.act.', v);
    return <Tag style={{ whiteSpace: 'normal' }}>{k ? t(k) : t('audit.actOther')}</Tag>;
  };
  // On a phone, two columns that fit its width (when and who; what, on which object and why), no sideways scroll.
  const phoneColumns = [
    {
      title: t('audit.at'),
      key: 'when',
      width: 120,
      render: (_: unknown, e: AuditEntry) => (
        <span>
          {showDateTime(e.at)}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {e.actorName}
          </Typography.Text>
        </span>
      ),
    },
    {
      title: t('audit.action'),
      key: 'what',
      render: (_: unknown, e: AuditEntry) => (
        <Space orientation="vertical" size={2}>
          {actionTag(e.action)}
          <ObjectCell e={e} />
          {e.reason && <Typography.Text type="secondary">{e.reason}</Typography.Text>}
        </Space>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('nav.audit')}
      </Typography.Title>
      <AuditFilters
        onChange={(f) => {
          setFilters(f);
          setPage(1);
        }}
      />
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        loading={isFetching}
        dataSource={data?.items ?? []}
        scroll={phone ? undefined : { x: 900 }}
        expandable={{ expandedRowRender: (e) => <AuditDiff entry={e} /> }}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (n) => t('common.total', { n }),
          onChange: (p, s) => {
            setPage(p);
            setPageSize(s);
          },
        }}
        columns={
          phone
            ? phoneColumns
            : [
                { title: t('audit.at'), dataIndex: 'at', width: 150, render: (v: string) => showDateTime(v) },
                { title: t('audit.actor'), dataIndex: 'actorName', width: 180 },
                {
                  title: t('audit.action'),
                  dataIndex: 'action',
                  width: 220,
                  render: actionTag,
                },
                { title: t('audit.unit'), dataIndex: 'unitName', width: 180, render: (v: string | null) => v ?? '' },
                {
                  title: t('audit.object'),
                  key: 'object',
                  width: 340,
                  render: (_: unknown, e: AuditEntry) => <ObjectCell e={e} />,
                },
                { title: t('audit.reason'), dataIndex: 'reason', ellipsis: true },
              ]
        }
      />
    </Space>
  );
}
