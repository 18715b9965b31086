// Who approved and published this group's results, what is not yet published, and who acted in an
// authority's place (000 Điều 9.3–9.4; issue 13 §2) — as signed in the publication, in plain Vietnamese.
import { issuingBodyInSentence } from '../../../core/text/administrative-names.ts';
import { formatDateVi } from '../../../core/text/vietnamese.ts';
import type { CampaignDetail } from '../../../contract/public.ts';

const POWER_LABELS: Record<'appraise' | 'approve' | 'publish', string> = {
  appraise: 'thẩm định',
  approve: 'phê duyệt',
  publish: 'công bố',
};

export function powersInWords(powers: readonly ('appraise' | 'approve' | 'publish')[]): string {
  const words = powers.map((p) => POWER_LABELS[p]);
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} và ${words.at(-1)}`;
}

export function GroupAuthorities({ c, groupId }: { c: CampaignDetail; groupId: string }) {
  const approvals = c.approvals.filter((a) => a.groupId === groupId);
  const pending = c.pendingParts.filter((p) => p.groupId === groupId);
  const delegations = c.delegations.filter((d) => d.groupId === groupId);
  if (approvals.length <= 1 && pending.length === 0 && delegations.length === 0) return null;
  return (
    <div className="authorities" data-testid="portal-authorities">
      {approvals.length > 1 && (
        <details>
          <summary>Phê duyệt bởi {approvals.length} cơ quan có thẩm quyền</summary>
          <ul>
            {approvals.map((a) => (
              <li key={`${a.decisionNumber}-${a.authorityName ?? ''}`}>
                {a.authorityName ? `${issuingBodyInSentence(a.authorityName)}: ` : ''}Quyết định số {a.decisionNumber}{' '}
                ngày {formatDateVi(a.decisionDate)}
              </li>
            ))}
          </ul>
        </details>
      )}
      {pending.length > 0 && (
        <p className="notice" data-testid="portal-pending-parts">
          Công bố một phần: kết quả thuộc thẩm quyền của{' '}
          {pending.map((p) => issuingBodyInSentence(p.authorityName)).join(', ')} chưa được công bố.
        </p>
      )}
      {delegations.length > 0 && (
        <details data-testid="portal-delegations">
          <summary>Ủy quyền ({delegations.length})</summary>
          <ul>
            {delegations.map((d, i) => (
              <li key={i}>
                {issuingBodyInSentence(d.from)} ủy quyền cho {issuingBodyInSentence(d.to)} {powersInWords(d.powers)}:{' '}
                {d.reason}
                {d.documentRef ? ` (${d.documentRef})` : ''}
                {d.revoked ? ' — đã thu hồi' : ''}.
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
