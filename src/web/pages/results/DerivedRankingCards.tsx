// The staff's view of the dual ranking (issue 15 §2): for a published campaign on a former structure, each
// changed group ranked as today's units from its predecessors' published percents — labelled as derived,
// method and lineage stated, predecessors on each row, units without data listed and not ranked.
import { Alert, Card, Space, Table, Typography } from 'antd';
import type { DerivedRankingView } from '../../../contract/derived-ranking.ts';
import { formatNumberVi } from '../../../core/text/vietnamese.ts';
import { useT } from '../../i18n/context.ts';
import { showDate } from '../../lib/dates.ts';
import { BandTag } from './BandTag.tsx';

type Row = DerivedRankingView['rows'][number];

function lineageLines(d: DerivedRankingView, t: ReturnType<typeof useT>): string[] {
  const by = new Map<string, { basis: string | null; date: string; n: number }>();
  for (const l of d.lineage) {
    const basis = l.legalBasis ? `${l.legalBasis}${l.legalBasisDate ? ` ${showDate(l.legalBasisDate)}` : ''}` : null;
    const key = `${basis ?? ''}|${l.effectiveDate}`;
    const cur = by.get(key) ?? { basis, date: l.effectiveDate, n: 0 };
    cur.n++;
    by.set(key, cur);
  }
  return [...by.values()].map((v) =>
    v.basis
      ? t('derived.lineage', { basis: v.basis, date: showDate(v.date), count: v.n })
      : t('derived.noBasis', { date: showDate(v.date), count: v.n }),
  );
}

const pct = (v: number | null) => (v === null ? null : `${formatNumberVi(v, 2)}%`);

export function DerivedRankingCards({ groups, filter }: { groups: DerivedRankingView[]; filter: (r: Row) => boolean }) {
  const t = useT();
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="res-derived">
      <Alert type="warning" showIcon title={t('derived.title')} description={t('derived.notice')} />
      {groups.map((d) => (
        <Card key={d.group.id} size="small" title={`${t('derived.title')} — ${d.group.name}`}>
          <Typography.Paragraph>{t('derived.method', { method: d.methodLabel })}</Typography.Paragraph>
          <Typography.Paragraph type="secondary">
            {t('derived.asOf')} {showDate(d.asOf)}. {lineageLines(d, t).join('; ')}. {t('derived.export')}
          </Typography.Paragraph>
          <Table<Row>
            size="small"
            rowKey={(r) => r.unit.id}
            dataSource={d.rows.filter(filter)}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            scroll={{ x: 720 }}
            data-testid="res-derived-table"
            columns={[
              {
                title: '#',
                width: 90,
                render: (_, r) =>
                  r.rank === null ? '—' : r.sharedBy > 1 ? `${r.rank} (${t('derived.tie')})` : String(r.rank),
              },
              { title: t('derived.unit'), render: (_, r) => `${r.unit.name}` },
              {
                title: t('derived.percent'),
                align: 'right',
                width: 120,
                render: (_, r) =>
                  pct(r.percent) ?? <Typography.Text type="secondary">{t('derived.noData')}</Typography.Text>,
              },
              { title: t('res.band'), width: 120, render: (_, r) => <BandTag band={r.band} /> },
              {
                title: t('derived.predecessors'),
                render: (_, r) => (
                  <Space orientation="vertical" size={0}>
                    {r.predecessors.map((p) => (
                      <Typography.Text key={`${p.via ?? ''}:${p.unit.id}`} style={{ fontSize: 12 }}>
                        {p.via ? '↳ ' : ''}
                        {p.unit.name}: {p.source === 'missing' ? t('derived.noData') : pct(p.percent)}
                        {p.source === 'derived' ? ` (${t('derived.derivedMark')})` : ''}
                      </Typography.Text>
                    ))}
                  </Space>
                ),
              },
            ]}
          />
        </Card>
      ))}
    </Space>
  );
}
