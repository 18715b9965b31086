// What an appraisal decision on one unit needs, in one query per call: the assessment with its campaign,
// group, unit and the unit's parent (the appraiser under the parent-unit rule), the group's appraisal
// body and the caller's membership in it. An assessment is reachable by whoever may read it through
// their roles OR sits on the body of its group (a council member needs no role of their own); anything
// else is absent (404). `lockCampaign` takes a key-share lock on the campaign row so a concurrent close,
// approval or publication (FOR UPDATE) waits until the decision commits, and vice versa.
import { type SQL, and, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { CouncilPosition, MemberAssignment } from '../../core/appraisal/types.ts';
import type { CampaignRules } from '../../core/campaign/types.ts';
import type { Delegation } from '../../core/policy/competent-authority.ts';
import type { Db } from '../client.ts';
import { appraisalBodies, appraisalMembers } from '../schema/appraisal.ts';
import { assessments, campaignGroups, campaigns } from '../schema/campaigns.ts';
import { orgUnits } from '../schema/org.ts';
import { memberKey } from './appraisal-bodies.ts';
import { readableAssessmentsCondition } from './assessments.ts';
import { type ScopedActor, isUuid } from './org-units.ts';

const owner = alias(orgUnits, 'owner_unit');
const parent = alias(orgUnits, 'parent_unit');

export interface AppraisalRow {
  assessment: {
    id: string;
    status: string;
    unitId: string;
    submittedAt: Date | null;
    info: Record<string, number | null>;
  };
  campaign: {
    id: string;
    name: string;
    year: number;
    kind: string;
    status: string;
    rules: CampaignRules;
    ownerUnitId: string;
  };
  ownerPath: string;
  group: { id: string; name: string; frameworkId: string; appraiser: string };
  unit: { id: string; code: string; name: string; path: string; parentId: string | null };
  parentPath: string | null;
  body: { id: string; kind: 'council' | 'parent_unit'; closedAt: Date | null } | null;
  membership: { id: string; position: CouncilPosition; assignment: MemberAssignment } | null;
  /** The group's delegations (an authority letting another unit's officials act in its place). */
  delegations: Delegation[];
  /** Readable through the caller's roles (not only through body membership). */
  readable: boolean;
}

function selectRows(db: Db, actor: ScopedActor) {
  const readable: SQL = readableAssessmentsCondition(actor) ?? sql`true`;
  return db
    .select({
      assessment: {
        id: assessments.id,
        status: assessments.status,
        unitId: assessments.unitId,
        submittedAt: assessments.submittedAt,
        info: assessments.info,
      },
      campaign: {
        id: campaigns.id,
        name: campaigns.name,
        year: campaigns.year,
        kind: campaigns.kind,
        status: campaigns.status,
        rules: campaigns.rules,
        ownerUnitId: campaigns.ownerUnitId,
      },
      ownerPath: owner.path,
      group: {
        id: campaignGroups.id,
        name: campaignGroups.name,
        frameworkId: campaignGroups.frameworkId,
        appraiser: campaignGroups.appraiser,
      },
      unit: {
        id: orgUnits.id,
        code: orgUnits.code,
        name: orgUnits.name,
        path: orgUnits.path,
        parentId: orgUnits.parentId,
      },
      parentPath: parent.path,
      bodyId: appraisalBodies.id,
      bodyKind: appraisalBodies.kind,
      bodyClosedAt: appraisalBodies.closedAt,
      memberId: appraisalMembers.id,
      memberPosition: appraisalMembers.position,
      memberAssignment: appraisalMembers.assignment,
      readable: sql<boolean>`(${readable})`,
      delegations: sql<Delegation[]>`(select coalesce(jsonb_agg(jsonb_build_object('fromUnitId', d.from_unit_id,
        'toUnitId', d.to_unit_id, 'powers', d.powers, 'revoked', d.revoked_at is not null)), '[]'::jsonb)
        from authority_delegations d where d.campaign_group_id = ${campaignGroups.id})`,
    })
    .from(assessments)
    .innerJoin(campaigns, eq(campaigns.id, assessments.campaignId))
    .innerJoin(campaignGroups, eq(campaignGroups.id, assessments.campaignGroupId))
    .innerJoin(orgUnits, eq(orgUnits.id, assessments.unitId))
    .innerJoin(owner, eq(owner.id, campaigns.ownerUnitId))
    .leftJoin(parent, eq(parent.id, orgUnits.parentId))
    .leftJoin(appraisalBodies, eq(appraisalBodies.campaignGroupId, campaignGroups.id))
    .leftJoin(
      appraisalMembers,
      and(eq(appraisalMembers.bodyId, appraisalBodies.id), eq(appraisalMembers.userId, memberKey(actor.userId))),
    );
}

type RawRow = Awaited<ReturnType<ReturnType<typeof selectRows>['where']>>[number];

function toRow(r: RawRow): AppraisalRow {
  // No body yet: a parent-unit group acts through the parents' roles from the start; a council group
  // has nobody until the DX office names its members.
  const kind = (r.bodyKind ?? (r.group.appraiser === 'parent_unit' ? 'parent_unit' : null)) as
    | 'council'
    | 'parent_unit'
    | null;
  return {
    assessment: {
      ...r.assessment,
      submittedAt: r.assessment.submittedAt ? new Date(r.assessment.submittedAt) : null,
      info: r.assessment.info ?? {},
    },
    campaign: r.campaign,
    ownerPath: r.ownerPath,
    group: r.group,
    unit: r.unit,
    parentPath: r.parentPath,
    body: kind ? { id: r.bodyId ?? '', kind, closedAt: r.bodyClosedAt ? new Date(r.bodyClosedAt) : null } : null,
    membership: r.memberId
      ? { id: r.memberId, position: r.memberPosition as CouncilPosition, assignment: r.memberAssignment! }
      : null,
    delegations: typeof r.delegations === 'string' ? JSON.parse(r.delegations) : (r.delegations ?? []),
    readable: Boolean(r.readable),
  };
}

/** Reachability: readable through roles, or a member of the group's body. */
function reachable(actor: ScopedActor): SQL {
  const readable = readableAssessmentsCondition(actor);
  return readable ? sql`(${readable} or ${appraisalMembers.id} is not null)` : sql`true`;
}

export async function findAppraisalRow(
  db: Db,
  actor: ScopedActor,
  assessmentId: string,
  lockCampaign = false,
): Promise<AppraisalRow | null> {
  if (!isUuid(assessmentId)) return null;
  const q = selectRows(db, actor)
    .where(and(eq(assessments.id, assessmentId), reachable(actor)))
    .limit(1);
  const [row] = lockCampaign ? await q.for('key share', { of: campaigns }) : await q;
  return row ? toRow(row) : null;
}

/** Several assessments at once (bulk decisions): the reachable ones, by id. */
export async function findAppraisalRows(
  db: Db,
  actor: ScopedActor,
  ids: readonly string[],
  lockCampaign = false,
): Promise<Map<string, AppraisalRow>> {
  const valid = [...new Set(ids)].filter(isUuid);
  if (valid.length === 0) return new Map();
  const q = selectRows(db, actor).where(and(inArray(assessments.id, valid), reachable(actor)));
  const rows = lockCampaign ? await q.for('key share', { of: campaigns }) : await q;
  return new Map(rows.map((r) => [r.assessment.id, toRow(r)]));
}
