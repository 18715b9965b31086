// The reporter's and the leader's tasks (issue 14 §1): for each form of their units — items to fill and
// problems before submitting (the submission check itself), the council's open requests with their reply
// deadline, the council's decisions once the campaign lets the unit see them, the published result, and the
// unit's objections (objection-tasks.ts).
import { daysRemaining } from '../../core/campaign/index.ts';
import type { InboxTask } from '../../contract/inbox.ts';
import type { Db } from '../../db/client.ts';
import { type MineRow, myAssessments } from '../assessments/progress-lists.ts';
import { findReadableAssessment, loadItems } from '../../db/queries/assessments.ts';
import { openRequestsOf } from '../../db/queries/inbox.ts';
import type { AssessmentWho } from '../assessments/assessment-access.ts';
import { checkSubmission } from '../assessments/check-submission.ts';
import { unitAppraisalOf } from '../presenters/unit-appraisal.ts';
import { OBJECTION_STATUSES, unitObjectionTasks } from './objection-tasks.ts';

const SEES_APPRAISAL = ['under_appraisal', 'approved', 'published', 'archived'];

function base(r: MineRow): Pick<InboxTask, 'action' | 'campaign' | 'unit' | 'group' | 'assessmentId'> {
  return {
    action: null,
    campaign: { id: r.campaign.id, name: r.campaign.name, year: r.campaign.year, status: r.campaign.status },
    unit: { id: r.unit.id, name: r.unit.name },
    group: null,
    assessmentId: r.id,
  };
}

export async function unitTasks(db: Db, who: AssessmentWho, now: Date): Promise<InboxTask[]> {
  const rows = await myAssessments(db, who.actor);
  const requests = await openRequestsOf(
    db,
    rows.map((r) => r.id),
  );
  const out: InboxTask[] = [];
  const due = (deadline: string | null) => ({
    deadline,
    daysRemaining: deadline ? daysRemaining(now, deadline) : null,
  });
  for (const r of rows) {
    if (r.campaign.status === 'open' && r.status === 'draft') {
      const missing = Math.max(0, r.itemsTotal - r.complete);
      if (missing > 0)
        out.push({ ...base(r), kind: 'fill_items', counts: { missing, total: r.itemsTotal }, ...due(r.deadline) });
      // The same check as "Kiểm tra trước khi nộp": one count of what still stops the submission.
      const check = await checkSubmission(db, { who, id: r.id, now });
      if (check.problems.length > 0)
        out.push({ ...base(r), kind: 'fix_problems', counts: { problems: check.problems.length }, ...due(r.deadline) });
      else if (check.ready) out.push({ ...base(r), kind: 'submit', counts: {}, ...due(r.deadline) });
    }
    const open = requests.get(r.id);
    if (open) out.push({ ...base(r), kind: 'answer_requests', counts: { open: open.open }, ...due(open.deadline) });
    if (OBJECTION_STATUSES.includes(r.campaign.status))
      out.push(...(await unitObjectionTasks(db, { actor: who.actor, row: r, base: base(r), now })));
    if (!SEES_APPRAISAL.includes(r.campaign.status)) continue;
    const ctx = await findReadableAssessment(db, who.actor, r.id);
    if (!ctx) continue;
    const selfScores = new Map((await loadItems(db, r.id)).map((i) => [i.code, i.selfScore]));
    const view = await unitAppraisalOf(db, ctx, selfScores);
    if (!view) continue;
    if (view.published) {
      // An archived campaign's result is history: its form stays on the unit's list, not in the inbox.
      if (r.campaign.status === 'archived') continue;
      const res = view.result;
      const counts: Record<string, number> = {};
      if (res?.percent !== null && res?.percent !== undefined) counts.percent = res.percent;
      if (res?.rank !== null && res?.rank !== undefined) counts.rank = res.rank;
      if (res) counts.groupSize = res.groupSize;
      out.push({ ...base(r), kind: 'result', counts, ...due(null) });
      continue;
    }
    const seen = Object.values(view.items);
    const decided = seen.filter((i) => i.finalScore !== null || i.notApplicable).length;
    if (seen.length > 0)
      out.push({ ...base(r), kind: 'appraisal_result', counts: { decided, total: r.itemsTotal }, ...due(null) });
  }
  return out;
}
