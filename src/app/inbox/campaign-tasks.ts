// The DX office's tasks (issue 14 §1): each campaign it runs that is not yet published, with its next
// transition and the deadline that step answers to — "Mở kỳ", "Đóng tự đánh giá — hạn 15/11", "Bắt đầu
// thẩm định", "Phê duyệt — hạn …", "Công bố — hạn …". The transitions are the status machine's own.
import { type CampaignStatus, availableActions, daysRemaining } from '../../core/campaign/index.ts';
import { campaignAbilities } from '../../core/policy/index.ts';
import { INBOX_CAMPAIGN_ACTIONS, type InboxTask } from '../../contract/inbox.ts';
import type { Db } from '../../db/client.ts';
import { listReadableCampaigns } from '../../db/queries/campaigns.ts';
import { campaignDeadlines } from '../../db/queries/inbox.ts';
import type { ScopedActor } from '../../db/queries/org-units.ts';
import { campaignRefOf } from '../campaigns/campaign-access.ts';

type Step = (typeof INBOX_CAMPAIGN_ACTIONS)[number];

export async function campaignTasks(db: Db, actor: ScopedActor, now: Date): Promise<InboxTask[]> {
  const out: InboxTask[] = [];
  const rows = [];
  for (const status of ['draft', 'open', 'self_assessment_closed', 'under_appraisal', 'approved'] as const) {
    // Every campaign of these stages: the listing's page is set to the whole count, nothing left off.
    const first = await listReadableCampaigns(db, actor, { status, page: 1, pageSize: 1 });
    if (first.total === 0) continue;
    const all = await listReadableCampaigns(db, actor, { status, page: 1, pageSize: first.total });
    rows.push(...all.rows.filter((r) => campaignAbilities(actor, campaignRefOf(r)).transition));
  }
  const deadlines = await campaignDeadlines(
    db,
    rows.map((r) => r.campaign.id),
  );
  for (const r of rows) {
    const status = r.campaign.status as CampaignStatus;
    const step = availableActions(status).find((a): a is Step =>
      (INBOX_CAMPAIGN_ACTIONS as readonly string[]).includes(a),
    );
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
