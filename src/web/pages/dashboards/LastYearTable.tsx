// Year over year per group: units compared, average change in percentage points, how many moved up or
// down — counted over the units the comparability rule lets compare (src/core/results/comparability.ts);
// the others are listed with the reason, and nothing is shown as a change for them.
import { Space, Table, Tag, Typography } from 'antd';
import type { YearGroupComparison } from '../../../contract/dashboard-pages.ts';
import { useT } from '../../i18n/context.ts';
import { useNum } from '../frameworks/format.ts';
import { reasonText } from './comparison-text.ts';

export function LastYearTable({ groups }: { groups: YearGroupComparison[] }) {
  const t = useT();
  const num = useNum();
  const signed = (v: number | null) => (v === null ? '—' : `${v > 0 ? '+' : ''}${num(v)}`);
  const count = (g: YearGroupComparison, n: number) => (g.comparableUnits > 0 ? n : '—');
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
          render: (_, g) => (
            <Space orientation="vertical" size={2}>
              {g.comparableUnits > 0 ? (
                `${g.comparableUnits}/${g.units}`
              ) : (
                <Tag color="orange">{t('cmp.notComparable')}</Tag>
              )}
              {g.notComparable.map((r) => (
                <Typography.Text
                  key={`${r.reason}${JSON.stringify(r.params ?? {})}`}
                  type="secondary"
                  data-testid="dash-not-comparable"
                >
                  {reasonText(t, r.reason, r.params)} ({t('cmp.units', { n: r.units })})
                </Typography.Text>
              ))}
            </Space>
          ),
        },
        { title: t('dash.avgDelta'), key: 'a', align: 'right', render: (_, g) => signed(g.averageDelta) },
        { title: t('dash.improved'), key: 'i', align: 'right', render: (_, g) => count(g, g.improved) },
        { title: t('dash.declined'), key: 'd', align: 'right', render: (_, g) => count(g, g.declined) },
        { title: t('dash.unchanged'), key: 'u', align: 'right', render: (_, g) => count(g, g.unchanged) },
      ]}
    />
  );
}
