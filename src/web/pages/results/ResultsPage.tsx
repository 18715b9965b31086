// /campaigns/:id/results — per group, every unit's self and final totals, delta, applicable max, percent,
// penalty, band and rank; accent-insensitive search. A progress round (000 Điều 7.2) shows a progress
// report instead: completion, points reported, the previous round and the annual result — no band, no rank.
import { useMemo, useState } from 'react';
import { Alert, Card, DatePicker, Empty, Input, Result, Segmented, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { SearchOutlined } from '@ant-design/icons';
import { useParams } from 'react-router-dom';
import { isRankedKind } from '../../../core/campaign/ranking-applies.ts';
import { matchesSearch } from '../../../core/text/vietnamese.ts';
import { useResults } from '../../api/appraisalAdmin.ts';
import type { UnitResultRow } from '../../api/appraisalTypes.ts';
import { PageLoading } from '../../components/PageLoading.tsx';
import { useT } from '../../i18n/context.ts';
import { ExportPanel } from './ExportPanel.tsx';
import { ProgressResultsTable } from './ProgressResultsTable.tsx';
import { ResultsTable } from './ResultsTable.tsx';
import { BackLink } from '../../components/BackLink.tsx';
import { useDerivedRanking } from '../../api/dashboards.ts';
import { DerivedRankingCards } from './DerivedRankingCards.tsx';
import { DATE_FORMAT, toApiDate } from '../../lib/dates.ts';

export default function ResultsPage() {
  const t = useT();
  const { id } = useParams();
  const results = useResults(id);
  const [q, setQ] = useState('');
  const [mode, setMode] = useState<'original' | 'derived'>('original');
  const published = results.data?.status === 'published' || results.data?.status === 'archived';
  // A published campaign on a former structure is also shown as today's units (issue 15 §2).
  // The units as on a date the viewer picks (default: today).
  const [asOf, setAsOf] = useState<Dayjs | null>(null);
  const derived = useDerivedRanking(id, published && isRankedKind(results.data?.kind ?? 'annual'), toApiDate(asOf));
  const derivedGroups = derived.data?.groups ?? [];
  // Once a date is picked the switch stays, even when no group had changed on that date.
  const offerDerived = derivedGroups.length > 0 || asOf !== null;
  const groups = useMemo(() => {
    const m = new Map<string, { name: string; rows: UnitResultRow[] }>();
    for (const r of results.data?.items ?? []) {
      if (!matchesSearch(`${r.unit.code} ${r.unit.name}`, q)) continue;
      const g = m.get(r.group.id) ?? { name: r.group.name, rows: [] };
      g.rows.push(r);
      m.set(r.group.id, g);
    }
    for (const g of m.values())
      g.rows.sort(
        (a, b) =>
          (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) ||
          (b.percent ?? -1) - (a.percent ?? -1),
      );
    return [...m];
  }, [results.data, q]);
  const units = useMemo(
    () => (results.data?.items ?? []).map((r) => ({ id: r.unit.id, label: `${r.unit.name} (${r.unit.code})` })),
    [results.data],
  );
  if (results.isLoading) return <PageLoading />;
  if (results.error) return <Result status="warning" title={results.error.message} />;
  const ranked = isRankedKind(results.data?.kind ?? 'annual');
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="res-page">
      <BackLink to={`/campaigns/${id ?? ''}`}>{t('camp.back')}</BackLink>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {ranked ? t('res.title') : t('progress.reportTitle')}
      </Typography.Title>
      {!ranked && <Alert type="info" showIcon title={t('progress.notRanked')} data-testid="res-not-ranked" />}
      {id && <ExportPanel campaignId={id} units={units} ranked={ranked} />}
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('prog.search')}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        style={{ width: 320, maxWidth: '100%' }}
        data-testid="res-search"
      />
      {offerDerived && (
        <Segmented
          value={mode}
          onChange={(v) => setMode(v as 'original' | 'derived')}
          options={[
            { value: 'original', label: t('derived.original') },
            { value: 'derived', label: t('derived.title') },
          ]}
          data-testid="res-mode"
        />
      )}
      {mode === 'derived' && offerDerived && (
        <Space wrap>
          <Typography.Text>{t('derived.asOf')}</Typography.Text>
          <DatePicker
            value={asOf}
            onChange={(d) => setAsOf(d)}
            format={DATE_FORMAT}
            placeholder={t('derived.today')}
            data-testid="res-derived-date"
          />
        </Space>
      )}
      {mode === 'derived' && offerDerived ? (
        derivedGroups.length === 0 ? (
          <Empty description={t('derived.none')} />
        ) : (
          <DerivedRankingCards
            groups={derivedGroups}
            filter={(r) => matchesSearch(`${r.unit.code} ${r.unit.name}`, q)}
          />
        )
      ) : groups.length === 0 ? (
        <Empty description={t('prog.empty')} />
      ) : (
        groups.map(([gid, g]) => (
          <Card key={gid} size="small" title={g.name}>
            {ranked ? (
              <ResultsTable
                rows={g.rows}
                groupId={gid}
                campaignId={id ?? ''}
                scale={results.data?.resultScale ?? 'points'}
              />
            ) : (
              <ProgressResultsTable rows={g.rows} groupId={gid} campaignId={id ?? ''} />
            )}
          </Card>
        ))
      )}
    </Space>
  );
}
