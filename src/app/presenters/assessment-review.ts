// GET /assessments/{id}/review — one unit's assessment as the appraisers see it: every item with its
// self, proposed and final scores, deltas, reasons (Vietnamese labels), flags, the request/reply thread and
// the unit's own supplements (001 II.3.b),
// evidence (SHA-256, download and preview links, same bytes at other units) and its history from the
// audit log (who, when, which score, why); the caller's abilities per item and for the group.
import { reviewFlags } from '../../core/appraisal/index.ts';
import type { CampaignStatus } from '../../core/campaign/index.ts';
import { CAMPAIGN_STATUS_LABELS } from '../../core/campaign/index.ts';
import { canReplyToRequest } from '../../core/policy/index.ts';
import type { Db } from '../../db/client.ts';
import type { AppraisalRow } from '../../db/queries/appraisal-context.ts';
import { loadGroupNotApplicable } from '../../db/queries/appraisal-queue.ts';
import { loadItems, loadSupplied } from '../../db/queries/assessments.ts';
import type { IndexedDefinition } from '../../db/queries/framework-definitions.ts';
import { loadItemHistory } from '../../db/queries/item-history.ts';
import { loadRequests } from '../../db/queries/item-requests.ts';
import { loadReviewsOf } from '../../db/queries/item-reviews.ts';
import { loadSupplements, supplementsSinceLook } from '../../db/queries/item-supplements.ts';
import { loadReviewEvidence } from '../../db/queries/review-evidence.ts';
import { lastYearFinals } from '../publication/last-year-finals.ts';
import type { ScopedActor } from '../../db/queries/org-units.ts';
import { ancestryOf } from '../../db/queries/unit-path.ts';
import { itemAbilitiesOf } from '../appraisal/appraisal-access.ts';
import { LARGE_CHANGE_SHARE } from '../appraisal/load-queue.ts';
import { deadlinePassed, presentRequest } from './item-request.ts';
import { presentReview } from './item-review.ts';

export interface BuildReviewViewOptions {
  actor: ScopedActor;
  row: AppraisalRow;
  def: IndexedDefinition;
  now: Date;
}

export async function buildReviewView(db: Db, { actor, row, def, now }: BuildReviewViewOptions) {
  const id = row.assessment.id;
  const [items, reviewBy, requests, evidence, history, groupNa, lastYear, supplements, unseen, supplied] = [
    await loadItems(db, id),
    await loadReviewsOf(db, id),
    await loadRequests(db, [id]),
    await loadReviewEvidence(db, id, row.unit.id),
    await loadItemHistory(db, id),
    await loadGroupNotApplicable(db, [row.group.id]),
    await lastYearFinals(db, { ownerUnitId: row.campaign.ownerUnitId, year: row.campaign.year }, [
      { unitId: row.unit.id, frameworkId: row.group.frameworkId },
    ]),
    await loadSupplements(db, [id]),
    await supplementsSinceLook(db, actor.userId, id),
    await loadSupplied(db, row.campaign.id, row.unit.id),
  ];
  const itemBy = new Map(items.map((i) => [i.code, i]));
  const unitRef = { id: row.unit.id, ancestry: ancestryOf(row.unit.path) };
  const reviewing = row.campaign.status === 'self_assessment_closed' || row.campaign.status === 'under_appraisal';
  return {
    id,
    campaign: {
      id: row.campaign.id,
      name: row.campaign.name,
      year: row.campaign.year,
      status: row.campaign.status,
      statusLabel: CAMPAIGN_STATUS_LABELS[row.campaign.status as CampaignStatus] ?? row.campaign.status,
    },
    group: {
      id: row.group.id,
      name: row.group.name,
      bodyKind: row.body?.kind ?? null,
      closedAt: row.body?.closedAt ? row.body.closedAt.toISOString() : null,
    },
    unit: { id: row.unit.id, code: row.unit.code, name: row.unit.name },
    status: row.assessment.status,
    submittedAt: row.assessment.submittedAt ? row.assessment.submittedAt.toISOString() : null,
    myPosition: row.membership?.position ?? null,
    items: [...def.leaves.values()].map((node) => {
      const item = itemBy.get(node.code);
      const selfScore = item?.selfScore ?? null;
      const gna = groupNa.get(`${row.group.id} ${node.code}`) ?? null;
      const docs = evidence.get(node.code) ?? [];
      const threads = requests.filter((r) => r.code === node.code);
      const open = threads.find((r) => r.status !== 'closed');
      const abilities = itemAbilitiesOf(actor, row, node);
      return {
        ...presentReview({ assessmentId: id, code: node.code, selfScore, review: reviewBy.get(node.code) ?? null }),
        title: node.title,
        maxPoints: node.maxPoints,
        inputs: item?.inputs ?? {},
        explanation: item?.explanation ?? '',
        groupNotApplicable: gna,
        flags: reviewFlags({
          node,
          inputs: item?.inputs ?? {},
          selfScore,
          evidenceCount: docs.length,
          explained: (item?.explanation ?? '').trim() !== '',
          setEvidenceRule: def.definition.evidenceRule,
          duplicateUnits: [...new Map(docs.flatMap((d) => d.sameFileElsewhere).map((u) => [u.unitId, u])).values()],
          lastYearFinal: lastYear.get(row.unit.id)?.get(node.code) ?? null,
          changeShare: LARGE_CHANGE_SHARE,
          openRequestDeadline: open ? open.deadline : undefined,
          info: row.assessment.info,
          supplementsSinceLook: unseen.get(node.code),
          systemFigures: supplied.get(node.code),
        }),
        evidence: docs.map((d) => ({
          ...d,
          downloadUrl: d.sha256 ? `/api/v1/evidence/${d.id}/download` : null,
          previewUrl: d.sha256 ? `/api/v1/evidence/${d.id}/preview` : null,
        })),
        requests: threads.map((r) =>
          presentRequest({
            request: r,
            itemTitle: node.title,
            now,
            abilities: {
              reply:
                reviewing &&
                r.status !== 'closed' &&
                canReplyToRequest(actor, unitRef, { open: true, deadlinePassed: deadlinePassed(r.deadline, now) }),
              close: abilities.request && r.status !== 'closed',
            },
          }),
        ),
        supplements: supplements.filter((s) => s.code === node.code),
        history: history.get(node.code) ?? [],
        abilities: { propose: abilities.propose, appraise: abilities.appraise, request: abilities.request },
      };
    }),
  };
}
