// /audit: filtered, paginated audit entries; expand a row to see before → after.
import { useState } from 'react';
import { Space, Table, Tag, Typography } from 'antd';
import type { AuditEntry } from '../../../contract/audit.ts';
import { useAudit } from '../../api/audit.ts';
import type { AuditFilters as Filters } from '../../api/audit.ts';
import { showDateTime } from '../../lib/dates.ts';
import { AuditDiff } from './AuditDiff.tsx';
import { AuditFilters } from './AuditFilters.tsx';
import { useT } from '../../i18n/context.ts';

export default function AuditPage() {
  const t = useT();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const { data, isFetching } = useAudit(filters, page, pageSize);

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
        scroll={{ x: 900 }}
        expandable={{ expandedRowRender: (e) => <AuditDiff before={e.before} after={e.after} /> }}
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
        columns={[
          { title: t('audit.at'), dataIndex: 'at', width: 150, render: (v: string) => showDateTime(v) },
          { title: t('audit.actor'), dataIndex: 'actorName', width: 180 },
          { title: t('audit.action'), dataIndex: 'action', width: 150, render: (v: string) => <Tag>{v}</Tag> },
          { title: t('audit.objectType'), dataIndex: 'objectType', width: 140 },
          { title: t('audit.objectId'), dataIndex: 'objectId', ellipsis: true },
          { title: t('audit.reason'), dataIndex: 'reason', ellipsis: true },
        ]}
      />
    </Space>
  );
}
