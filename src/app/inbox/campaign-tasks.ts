// The DX office's tasks (issue 14 §1): each campaign it runs that is not yet published, with its next
// transition and the deadline that step answers to — "Mở kỳ", "Đóng tự đánh giá — hạn 15/11", "Bắt đầu
// thẩm định", "Phê duyệt — hạn …", "Công bố — hạn …". The transitions are the status machine's own.
// Approving and publishing are the competent authority's (issue 13 §2): they are offered to whoever may
// approve or publish a part — a district's office for its communes — and not to the campaign's owner when
// every part belongs to a district.
import { type CampaignStatus, availableActions, daysRemaining } from '../../core/campaign/index.ts';
import { campaignAbilities } from '../../core/policy/index.ts';
import { INBOX_CAMPAIGN_ACTIONS, type InboxTask } from '../../contract/inbox.ts';
import type { Db } from '../../db/client.ts';
import { listReadableCampaigns } from '../../db/queries/campaigns.ts';
import { campaignDeadlines } from '../../db/queries/inbox.ts';
import type { ScopedActor } from '../../db/queries/org-units.ts';
import { campaignAuthorities } from '../appraisal/campaign-authorities.ts';
import { campaignRefOf } from '../campaigns/campaign-access.ts';

type Step = (typeof INBOX_CAMPAIGN_ACTIONS)[number];

export async function campaignTasks(db: Db, actor: ScopedActor, now: Date): Promise<InboxTask[]> {
  const out: InboxTask[] = [];
  const rows: (Awaited<ReturnType<typeof listReadableCampaigns>>['rows'][number] & { step: Step | null })[] = [];
  for (const status of ['draft', 'open', 'self_assessment_closed', 'under_appraisal', 'approved'] as const) {
    // Every campaign of these stages: the listing's page is set to the whole count, nothing left off.
    const first = await listReadableCampaigns(db, actor, { status, page: 1, pageSize: 1 });
    if (first.total === 0) continue;
    const all = await listReadableCampaigns(db, actor, { status, page: 1, pageSize: first.total });
    for (const r of all.rows) {
      if (status === 'under_appraisal' || status === 'approved') {
        const step = await authorityStep(db, actor, r.campaign.id, status);
        if (step) rows.push({ ...r, step });
      } else if (campaignAbilities(actor, campaignRefOf(r)).transition) rows.push({ ...r, step: null });
    }
  }
  const deadlines = await campaignDeadlines(
    db,
    rows.map((r) => r.campaign.id),
  );
  for (const r of rows) {
    const status = r.campaign.status as CampaignStatus;
    const step =
      r.step ??
      availableActions(status).find((a): a is Step => (INBOX_CAMPAIGN_ACTIONS as readonly string[]).includes(a));
    if (!step) continue;
    const d = deadlines.get(r.campaign.id);
    const deadline =
      step === 'close_self_assessment'
        ? (d?.selfAssessment ?? null)
        : step === 'approve'
          ? (d?.appraisal ?? null)
          : step === 'publish'
            ? (d?.publication ?? null)
            : null;
    out.push({
      kind: 'campaign_step',
      action: step,
      campaign: { id: r.campaign.id, name: r.campaign.name, year: r.campaign.year, status },
      unit: null,
      group: null,
      assessmentId: null,
      counts: {},
      deadline,
      daysRemaining: deadline ? daysRemaining(now, deadline) : null,
    });
  }
  return out;
}

/** The caller's next step as a competent authority: approve a part, else publish an approved one. */
async function authorityStep(
  db: Db,
  actor: ScopedActor,
  campaignId: string,
  status: 'under_appraisal' | 'approved',
): Promise<'approve' | 'publish' | null> {
  const { parts } = await campaignAuthorities(db, actor, campaignId);
  if (status === 'under_appraisal' && parts.some((p) => p.canApprove)) return 'approve';
  return parts.some((p) => p.canPublish && !p.published) ? 'publish' : null;
}
