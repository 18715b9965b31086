// Year over year per group: units compared, average change in percentage points, how many moved up or
// down; groups whose index sets have no confirmed mapping are marked not comparable.
import { Table, Tag } from 'antd';
import type { YearGroupComparison } from '../../../contract/dashboard-pages.ts';
import { useT } from '../../i18n/context.ts';
import { useNum } from '../frameworks/format.ts';

export function LastYearTable({ groups }: { groups: YearGroupComparison[] }) {
  const t = useT();
  const num = useNum();
  const signed = (v: number | null) => (v === null ? '—' : `${v > 0 ? '+' : ''}${num(v)}`);
  return (
    <Table<YearGroupComparison>
      size="small"
      rowKey={(g) => g.group.id}
      dataSource={groups}
      pagination={false}
      scroll={{ x: 640 }}
      data-testid="dash-last-year"
      columns={[
        { title: t('dash.group'), key: 'g', render: (_, g) => g.group.name },
        {
          title: t('dash.comparable'),
          key: 'c',
          render: (_, g) =>
            g.comparableUnits > 0 ? (
              `${g.comparableUnits}/${g.units}`
            ) : (
              <Tag color="orange">{t('dash.notComparable')}</Tag>
            ),
        },
        { title: t('dash.avgDelta'), key: 'a', align: 'right', render: (_, g) => signed(g.averageDelta) },
        { title: t('dash.improved'), dataIndex: 'improved', align: 'right' },
        { title: t('dash.declined'), dataIndex: 'declined', align: 'right' },
        { title: t('dash.unchanged'), dataIndex: 'unchanged', align: 'right' },
      ]}
    />
  );
}
