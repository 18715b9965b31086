// /cong-khai/ky/:id[/nhom/:groupId] — one group of a published campaign: ranking with band colours,
// accent-insensitive search, band distribution and the average per main indicator. A progress round is
// a progress report ("Báo cáo tiến độ", 000 Điều 7.2): completion and comparisons, no rank, no band.
import { useMemo, useState } from 'react';
import { formatDateVi, matchesSearch } from '../../../core/text/vietnamese.ts';
import { issuingBodyInSentence } from '../../../core/text/administrative-names.ts';
import { useResource } from '../api.ts';
import { Link } from '../Link.tsx';
import { ErrorBox, Loading } from '../components/Status.tsx';
import { ProgressTable } from '../components/ProgressTable.tsx';
import { RankingTable } from '../components/RankingTable.tsx';
import { SearchBox } from '../components/SearchBox.tsx';
import { campaignPath } from '../format.ts';
import { GroupAuthorities } from '../components/Authorities.tsx';
import type { CampaignDetail, GroupResults } from '../../../contract/public.ts';
import { useTitle } from '../useTitle.ts';
import type { DerivedRankingView } from '../../../contract/derived-ranking.ts';
import { DerivedRanking } from './DerivedRanking.tsx';
import { GroupCharts } from './GroupCharts.tsx';

export default function CampaignPage({ id, groupId }: { id: string; groupId?: string }) {
  const campaign = useResource<CampaignDetail>(`/campaigns/${encodeURIComponent(id)}`);
  const group = campaign.data
    ? (campaign.data.groups.find((g) => g.id === groupId) ?? campaign.data.groups[0])
    : undefined;
  const results = useResource<GroupResults>(
    group ? `/campaigns/${encodeURIComponent(id)}/groups/${encodeURIComponent(group.id)}/results` : null,
  );
  // A group published on a former structure can also be read as today's units (issue 15 §2): offered only
  // when some of its units merged, split or ended since.
  const derived = useResource<DerivedRankingView>(
    group && campaign.data?.publishedAs !== 'progress_report'
      ? `/campaigns/${encodeURIComponent(id)}/groups/${encodeURIComponent(group.id)}/derived-ranking`
      : null,
  );
  const [mode, setMode] = useState<'original' | 'derived'>('original');
  const [q, setQ] = useState('');
  const rows = useMemo(
    () => (results.data?.items ?? []).filter((r) => matchesSearch(`${r.unit.name} ${r.unit.code}`, q)),
    [results.data, q],
  );
  useTitle(campaign.data ? `${campaign.data.name}${group ? ` — ${group.name}` : ''}` : 'Kỳ đánh giá');

  if (campaign.loading) return <Loading />;
  if (campaign.error || !campaign.data)
    return <ErrorBox message={campaign.error?.message ?? 'Không tìm thấy kỳ đánh giá.'} />;
  const c = campaign.data;
  const report = c.publishedAs === 'progress_report';
  const approval = group ? c.approvals.find((a) => a.groupId === group.id) : undefined;
  return (
    <div data-testid="portal-campaign-page">
      <p className="crumbs">
        <Link href="/cong-khai">Các kỳ đánh giá</Link> › {c.year}
      </p>
      <h1>{c.name}</h1>
      {report && (
        <p className="notice" data-testid="portal-progress-report">
          Báo cáo tiến độ — chỉ đánh giá mức độ thực hiện, không xếp loại, không xếp hạng.
        </p>
      )}
      <p className="muted">
        {c.owner.name} · công bố ngày {formatDateVi(c.snapshot.publishedAt)}
        {approval
          ? ` · Quyết định số ${approval.decisionNumber} ngày ${formatDateVi(approval.decisionDate)}${
              // A district's decision says whose (000 Điều 9.4), the province's reads as the page's owner.
              approval.authorityName && approval.authorityName !== c.owner.name
                ? ` của ${issuingBodyInSentence(approval.authorityName)}`
                : ''
            }`
          : ''}
      </p>
      <p className="card-links">
        <Link href={`${campaignPath(c.id)}/phuong-phap`}>Phương pháp đánh giá</Link>
        <Link href={`${campaignPath(c.id)}/du-lieu-mo`}>Dữ liệu mở và chữ ký số</Link>
      </p>
      {c.groups.length > 1 && (
        <nav aria-label="Nhóm đơn vị" className="tabs">
          {c.groups.map((g) => (
            <Link
              key={g.id}
              href={campaignPath(c.id, g.id)}
              aria-current={g.id === group?.id ? 'page' : undefined}
              data-testid="portal-group-tab"
            >
              {g.name}
            </Link>
          ))}
        </nav>
      )}
      {group && <h2>{group.name}</h2>}
      {group && <GroupAuthorities c={c} groupId={group.id} />}
      {results.loading && <Loading />}
      {results.error && <ErrorBox message={results.error.message} />}
      {results.data && (
        <>
          <GroupCharts results={results.data} bands={c.rules.bands} />
          {derived.data?.differs && group && (
            <div className="tabs" role="group" aria-label="Cách xếp hạng" data-testid="ranking-mode">
              <button
                type="button"
                aria-pressed={mode === 'original'}
                onClick={() => setMode('original')}
                data-testid="ranking-mode-original"
              >
                Xếp hạng đã công bố (theo đơn vị năm {c.year})
              </button>
              <button
                type="button"
                aria-pressed={mode === 'derived'}
                onClick={() => setMode('derived')}
                data-testid="ranking-mode-derived"
              >
                Xếp hạng quy đổi theo đơn vị hiện nay
              </button>
            </div>
          )}
          {mode === 'derived' && derived.data?.differs && group ? (
            <DerivedRanking campaignId={c.id} groupId={group.id} />
          ) : (
            <>
              <h3>{report ? 'Báo cáo tiến độ' : 'Bảng xếp hạng'}</h3>
              <SearchBox value={q} onChange={setQ} count={rows.length} />
              {rows.length === 0 ? (
                <p>Không có đơn vị nào khớp với “{q}”.</p>
              ) : report ? (
                <ProgressTable
                  rows={rows}
                  campaignId={c.id}
                  caption={`Báo cáo tiến độ ${group?.name ?? ''} — ${c.name}`}
                />
              ) : (
                <RankingTable
                  rows={rows}
                  campaignId={c.id}
                  caption={`Xếp hạng ${group?.name ?? ''} — ${c.name}`}
                  scale={results.data.resultScale}
                />
              )}
            </>
          )}
        </>
      )}
    </div>
  );
}
