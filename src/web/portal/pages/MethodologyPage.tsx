// /cong-khai/ky/:id/phuong-phap — the campaign's rules and, per group, the index-set tree with points
// and scoring methods, exactly as published.
import { describeDecisionVi } from '../../../core/framework/describe-vi.ts';
import { formatDateVi, formatNumberVi } from '../../../core/text/vietnamese.ts';
import { useResource } from '../api.ts';
import { Link } from '../Link.tsx';
import { ErrorBox, Loading } from '../components/Status.tsx';
import { campaignPath } from '../format.ts';
import type { MethodNode, Methodology } from '../../../contract/public.ts';
import { useTitle } from '../useTitle.ts';
import { issuingBodyInSentence } from '../../../core/text/administrative-names.ts';
import { MethodTree } from './MethodTree.tsx';
import { RulesList } from './RulesList.tsx';

export default function MethodologyPage({ id }: { id: string }) {
  const res = useResource<Methodology>(`/campaigns/${encodeURIComponent(id)}/methodology`);
  useTitle(res.data ? `Phương pháp — ${res.data.campaign.name}` : 'Phương pháp đánh giá');
  if (res.loading) return <Loading />;
  if (res.error || !res.data) return <ErrorBox message={res.error?.message ?? 'Không tìm thấy kỳ đánh giá.'} />;
  const m = res.data;
  return (
    <div data-testid="portal-methodology">
      <p className="crumbs">
        <Link href="/cong-khai">Các kỳ đánh giá</Link> ›{' '}
        <Link href={campaignPath(m.campaign.id)}>{m.campaign.name}</Link>
      </p>
      <h1>Phương pháp đánh giá</h1>
      <p className="muted">{m.campaign.name}</p>
      <RulesList
        rules={m.rules}
        basis={[
          ...new Set(
            m.groups.map((g) => describeDecisionVi(g.framework.decision)).filter((d): d is string => d !== null),
          ),
        ]}
      />
      {m.groups.map((g) => (
        <section key={g.id} aria-labelledby={`g-${g.id}`}>
          <h2 id={`g-${g.id}`}>{g.name}</h2>
          <p>
            Bộ chỉ số: <strong>{g.framework.name}</strong> (phiên bản {g.framework.version}) — tổng điểm tối đa{' '}
            {formatNumberVi(g.framework.maxPoints)} điểm.
            {g.framework.decision ? ` Ban hành kèm theo ${describeDecisionVi(g.framework.decision)}.` : ''}
            {g.reportingPeriod
              ? ` Kỳ số liệu: ${formatDateVi(g.reportingPeriod.from)} – ${formatDateVi(g.reportingPeriod.to)}.`
              : ''}
          </p>
          <AppraisedBy appraiser={g.appraiser} authorities={g.authorities} />
          {g.notApplicable.length > 0 && (
            <p>
              Chỉ số không áp dụng cho nhóm:{' '}
              {g.notApplicable
                .map((n) => `${n.code}${n.replacementCode ? ` (thay bằng ${n.replacementCode})` : ''} — ${n.reason}`)
                .join('; ')}
              .
            </p>
          )}
          <AutomaticItems nodes={g.framework.nodes} />
          <MethodTree nodes={g.framework.nodes} />
        </section>
      ))}
    </div>
  );
}

/** Which items were measured automatically, and from which systems (issue 15 §3). */
function AutomaticItems({ nodes }: { nodes: MethodNode[] }) {
  const bySource = new Map<string, string[]>();
  const walk = (list: MethodNode[]) => {
    for (const n of list) {
      if (n.automaticSource) bySource.set(n.automaticSource, [...(bySource.get(n.automaticSource) ?? []), n.code]);
      if (n.children) walk(n.children);
    }
  };
  walk(nodes);
  if (bySource.size === 0) return null;
  return (
    <p data-testid="portal-automatic-items">
      Chỉ số đo tự động (số liệu lấy từ hệ thống khác, không do đơn vị tự nhập):{' '}
      {[...bySource].map(([source, codes]) => `${codes.join(', ')} — từ ${source}`).join('; ')}.
    </p>
  );
}

/** Who appraised the group and who approved and published it (000 Điều 8, 9.3–9.4), in plain words. */
function AppraisedBy({
  appraiser,
  authorities,
}: {
  appraiser: 'council' | 'parent_unit' | null;
  authorities: string[];
}) {
  const names = authorities.map(issuingBodyInSentence);
  return (
    <p data-testid="portal-appraised-by">
      {appraiser === 'parent_unit'
        ? 'Thẩm định, xếp loại: Ủy ban nhân dân cấp huyện đối với các xã của huyện.'
        : appraiser === 'council'
          ? 'Thẩm định: Hội đồng thẩm định.'
          : ''}
      {names.length > 0 ? ` Phê duyệt và công bố: ${names.join(', ')}.` : ''}
    </p>
  );
}
