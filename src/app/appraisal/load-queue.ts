// GET /appraisal/queue — exactly the caller's work: every (submitted unit × item) of the groups where
// they have a part, kept only where the policy lets them propose, appraise or ask (their assignment),
// with the three scores, delta, status and the appraiser aids (reviewFlags, computed in core). Two
// orders: unit by unit (mode=unit) or item by item across units (mode=item).
import { type ReviewFlag, reviewFlags, scoreDelta } from '../../core/appraisal/index.ts';
import type { CampaignStatus } from '../../core/campaign/index.ts';
import { compareCodes } from '../../core/text/vietnamese.ts';
import { type AppraisalContext, type Delegation, itemAppraisalAbilities } from '../../core/policy/index.ts';
import type { Db } from '../../db/client.ts';
import {
  type WorkGroup,
  findWorkGroups,
  loadDuplicates,
  loadGroupNotApplicable,
  loadQueueRows,
} from '../../db/queries/appraisal-queue.ts';
import { type IndexedDefinition, loadDefinition } from '../../db/queries/framework-definitions.ts';
import { lastYearFinals } from '../publication/last-year-finals.ts';
import type { ScopedActor } from '../../db/queries/org-units.ts';
import { delegationsOf } from '../../db/queries/authority-delegations.ts';
import { ancestryOf } from '../../db/queries/unit-path.ts';

export type QueueStatus = 'pending' | 'proposed' | 'requested' | 'final';

export interface QueueFilter {
  campaignId?: string | undefined;
  groupId?: string | undefined;
  mode: 'unit' | 'item';
  unitId?: string | undefined;
  code?: string | undefined;
  flag?: ReviewFlag['kind'] | undefined;
  status?: QueueStatus | undefined;
  /** The API's list convention: pages of at most 500 rows; summary and flags always cover the whole queue. */
  page?: number | undefined;
  pageSize?: number | undefined;
}

/** A change of more than half the item's max since last year's final is flagged (project decision). */
export const LARGE_CHANGE_SHARE = 0.5;

export type QueueItem = {
  assessmentId: string;
  campaignId: string;
  groupId: string;
  unit: { id: string; code: string; name: string };
  code: string;
  title: string;
  maxPoints: number;
  selfScore: number | null;
  proposedScore: number | null;
  finalScore: number | null;
  delta: number | null;
  notApplicable: boolean;
  status: QueueStatus;
  flags: ReviewFlag[];
  openRequest: { id: string; deadline: string | null } | null;
  version: number;
  abilities: { propose: boolean; appraise: boolean; request: boolean };
};

const num = (v: number | string | null | undefined) => (v === null || v === undefined ? null : Number(v));

export async function loadQueue(db: Db, actor: ScopedActor, f: QueueFilter) {
  const groups = await findWorkGroups(db, actor, f);
  const defs = new Map<string, IndexedDefinition>();
  for (const g of groups) {
    const def = await loadDefinition(db, g.frameworkId);
    if (def) defs.set(g.id, def);
  }
  const leaves = groups.flatMap((g) =>
    [...(defs.get(g.id)?.leaves.keys() ?? [])].map((code) => ({ groupId: g.id, code })),
  );
  const parentGroups = groups.filter((g) => g.bodyKind === 'parent_unit').map((g) => g.id);
  const groupIds = groups.map((g) => g.id);
  const delegations = new Map<string, Delegation[]>();
  for (const d of await delegationsOf(db, parentGroups))
    delegations.set(d.groupId, [...(delegations.get(d.groupId) ?? []), d]);
  const [rows, duplicates, groupNa] = [
    await loadQueueRows(db, actor, leaves, parentGroups, f),
    await loadDuplicates(db, groupIds),
    await loadGroupNotApplicable(db, groupIds),
  ];
  const byGroup = new Map<string, WorkGroup>(groups.map((g) => [g.id, g]));

  const lastYear = new Map<string, Map<string, number>>();
  for (const c of new Map(groups.map((g) => [g.campaignId, g])).values()) {
    const units = rows.filter((r) => byGroup.get(r.group_id)!.campaignId === c.campaignId);
    const seen = new Map(
      units.map((r) => [r.unit_id, { unitId: r.unit_id, frameworkId: byGroup.get(r.group_id)!.frameworkId }]),
    );
    for (const [unitId, m] of await lastYearFinals(db, { ownerUnitId: c.ownerUnitId, year: c.campaignYear }, [
      ...seen.values(),
    ]))
      lastYear.set(unitId, m);
  }

  const contexts = new Map<string, AppraisalContext>();
  const items: QueueItem[] = [];
  for (const r of rows) {
    const g = byGroup.get(r.group_id)!;
    const node = defs.get(g.id)!.leaves.get(r.code)!;
    let ctx = contexts.get(r.assessment_id);
    if (!ctx) {
      ctx = {
        campaignStatus: g.campaignStatus as CampaignStatus,
        bodyKind: g.bodyKind,
        membership: g.membership,
        unit: { id: r.unit_id, ancestry: ancestryOf(r.unit_path) },
        parent: r.parent_id && r.parent_path ? { id: r.parent_id, ancestry: ancestryOf(r.parent_path) } : null,
        delegations: delegations.get(g.id) ?? [],
      };
      contexts.set(r.assessment_id, ctx);
    }
    const ab = itemAppraisalAbilities(actor, ctx, node);
    if (!ab.propose && !ab.appraise && !ab.request) continue;
    const selfScore = num(r.self_score);
    const finalScore = num(r.final_score);
    const proposedScore = num(r.proposed_score);
    const gna = groupNa.get(`${g.id} ${r.code}`);
    const notApplicable = Boolean(r.not_applicable) || gna !== undefined;
    const decided = notApplicable
      ? !(gna?.replacementCode ?? r.replacement_code) || finalScore !== null
      : finalScore !== null;
    const status: QueueStatus = decided
      ? 'final'
      : r.request_id
        ? 'requested'
        : proposedScore !== null
          ? 'proposed'
          : 'pending';
    if (f.status && status !== f.status) continue;
    const flags = reviewFlags({
      node,
      inputs: r.inputs ?? {},
      selfScore,
      evidenceCount: Number(r.evidence_count),
      explained: r.explained,
      setEvidenceRule: defs.get(g.id)!.definition.evidenceRule,
      duplicateUnits: duplicates.get(`${r.assessment_id} ${r.code}`) ?? [],
      lastYearFinal: lastYear.get(r.unit_id)?.get(r.code) ?? null,
      changeShare: LARGE_CHANGE_SHARE,
      openRequestDeadline: r.request_id ? r.request_deadline : undefined,
      info: r.info ?? {},
      supplementsSinceLook: r.supplements_since_look ?? undefined,
      systemFigures: r.supplied ?? undefined,
    });
    if (f.flag && !flags.some((x) => x.kind === f.flag)) continue;
    items.push({
      assessmentId: r.assessment_id,
      campaignId: g.campaignId,
      groupId: g.id,
      unit: { id: r.unit_id, code: r.unit_code, name: r.unit_name },
      code: r.code,
      title: node.title,
      maxPoints: node.maxPoints,
      selfScore,
      proposedScore,
      finalScore,
      delta: notApplicable ? null : scoreDelta(selfScore, finalScore ?? proposedScore),
      notApplicable,
      status,
      flags,
      openRequest: r.request_id ? { id: r.request_id, deadline: r.request_deadline } : null,
      version: Number(r.version),
      abilities: { propose: ab.propose, appraise: ab.appraise, request: ab.request },
    });
  }
  // Natural order by integer ranks: the leaves' order in their set, the units' codes compared once each.
  const unitRank = new Map([...new Set(items.map((i) => i.unit.code))].sort(compareCodes).map((c, k) => [c, k]));
  const codeRank = new Map<string, number>();
  for (const def of defs.values()) [...def.leaves.keys()].forEach((c, k) => codeRank.has(c) || codeRank.set(c, k));
  const u = (i: QueueItem) => unitRank.get(i.unit.code)!;
  const c = (i: QueueItem) => codeRank.get(i.code)!;
  items.sort(f.mode === 'item' ? (a, b) => c(a) - c(b) || u(a) - u(b) : (a, b) => u(a) - u(b) || c(a) - c(b));
  const byStatus: Record<QueueStatus, number> = { pending: 0, proposed: 0, requested: 0, final: 0 };
  for (const i of items) byStatus[i.status]++;
  const page = f.page ?? 1;
  const pageSize = f.pageSize ?? 500;
  return {
    items: items.slice((page - 1) * pageSize, page * pageSize),
    total: items.length,
    page,
    pageSize,
    summary: {
      total: items.length,
      units: new Set(items.map((i) => i.assessmentId)).size,
      byStatus,
      flagged: items.filter((i) => i.flags.length > 0).length,
    },
    groups: groups.map((g) => ({
      id: g.id,
      name: g.name,
      campaignId: g.campaignId,
      campaignName: g.campaignName,
      bodyKind: g.bodyKind,
      position: g.membership?.position ?? null,
    })),
  };
}
