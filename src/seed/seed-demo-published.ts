// Demo: a PUBLISHED annual campaign of the province "HT", fully appraised, so a newcomer sees a populated
// public portal, dashboards and a year-over-year comparison that crosses the 2025 reorganisation. Two are
// seeded (seed-demo.ts): 2024 on the former three-level structure — the 216 communes of 2023–2024 appraised
// by their district (parent-unit rule), the 19 sở of 2024 by the provincial council — and last year on
// today's structure (69 communes and the sở after 1/3/2025, all by the provincial council). Every unit gets
// deterministic, varied scores (seeded random: a per-unit level plus per-item noise); a few units are
// recorded late (penalty), one never submits (lowest band), the appraisers adjust a few items with a
// reason and declare a few not applicable. Everything after the self scores goes through the real
// operations as the DX office of that year — recorded submissions, bulk accept, appraisal, closing,
// approval and a SIGNED publication. The self scores themselves are written in one set-based insert per
// index set (with one audit entry per assessment): saving ~13,000 items one by one would take minutes.
// Seeded AFTER this year's campaign and its council: those seeders look for "the" campaign (any campaign
// exists → skip; the latest created gets the council), so running this first would leave them idle.
import { campaignDefaultsFromPreset, judgeSubmission } from '../core/campaign/index.ts';
import type { FrameworkNode } from '../core/framework/index.ts';
import { approveCampaign, requiredApprovals } from '../app/appraisal/approve-campaign.ts';
import { recordDelegation } from '../app/appraisal/delegations.ts';
import { appraiseItem } from '../app/appraisal/appraise-item.ts';
import { bulkAccept } from '../app/appraisal/bulk-accept.ts';
import { closeAppraisal } from '../app/appraisal/close-appraisal.ts';
import { addMember } from '../app/appraisal/members.ts';
import { publishCampaign } from '../app/appraisal/publish-campaign.ts';
import { saveBody } from '../app/appraisal/save-body.ts';
import { startOfVietnamDay } from '../app/assessments/record-submission.ts';
import { createCampaign } from '../app/campaigns/create-campaign.ts';
import { transitionCampaign } from '../app/campaigns/transition-campaign.ts';
import { writeAuditBatch } from '../db/audit/write-audit.ts';
import type { KeySecrets } from '../app/publication/key-secret.ts';
import type { Db } from '../db/client.ts';
import { loadDefinition } from '../db/queries/framework-definitions.ts';
import { actorFromGrants, loadGrants } from '../db/queries/load-actor.ts';
import { unitIdWithCode } from '../db/queries/org-units.ts';
import {
  accountsWithUsernames,
  demoAccount,
  publishedFrameworkCodes,
  unitGroupCodes,
} from '../db/queries/seed-demo.ts';
import {
  assessmentsWithUnitAndGroup,
  insertSelfScores,
  markSubmissionsReceived,
} from '../db/queries/seed-demo-published.ts';
import { districtOfficers } from './district-officers.ts';

/** mulberry32: small, fast, deterministic. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const hash = (s: string) => [...s].reduce((h, ch) => (Math.imul(h, 31) + ch.charCodeAt(0)) >>> 0, 2166136261);

/** A plausible self score for an item given the unit's level (0…1): yes/no all or nothing, else steps of 0.25. */
function selfScore(node: FrameworkNode, level: number, rnd: () => number): number {
  const share = Math.min(1, Math.max(0, level + (rnd() - 0.5) * 0.5));
  if (node.method?.kind === 'yesno') return share >= 0.5 ? node.maxPoints : 0;
  return Math.min(node.maxPoints, Math.round((node.maxPoints * share) / 0.25) * 0.25);
}

const at = (date: string) => new Date(`${date}T03:00:00Z`);

export interface PublishedCampaignSpec {
  year: number;
  /** The DX office account acting that year. */
  office: string;
  /** Campaign name suffix after "… năm YYYY — tỉnh Hà Tĩnh". */
  label: string;
  groups: { unitGroup: string; indexSet: string; appraiser: 'council' | 'parent_unit' }[];
}

export async function seedDemoPublished(
  db: Db,
  secrets: KeySecrets,
  spec: PublishedCampaignSpec,
): Promise<{ campaignId: string | null }> {
  const { year } = spec;
  const office = await demoAccount(db, spec.office);
  const ownerId = await unitIdWithCode(db, 'HT');
  if (!office || !ownerId) return { campaignId: null };
  const actor = actorFromGrants(office.id, await loadGrants(db, office.id));
  const who = { actor, audit: { id: office.id, name: `${office.fullName} (dữ liệu mẫu)` }, userId: office.id };
  const fw = await publishedFrameworkCodes(db);
  const setIds = spec.groups.map((g) => fw.find((f) => f.code === g.indexSet)?.id);
  const groups = await unitGroupCodes(
    db,
    spec.groups.map((g) => g.unitGroup),
  );
  if (setIds.some((id) => !id) || groups.length !== spec.groups.length) return { campaignId: null };
  const defaults = campaignDefaultsFromPreset((await loadDefinition(db, setIds[0]!))!.definition.rules, year);
  const deadline = `${year}-11-15`;
  const campaignId = await createCampaign(db, who, {
    name: `Đánh giá chỉ số chuyển đổi số năm ${year} — tỉnh Hà Tĩnh (${spec.label})`,
    year,
    kind: 'annual',
    ownerUnitId: ownerId,
    rules: defaults.rules,
    groups: spec.groups.map((g, i) => ({
      unitGroupId: groups.find((x) => x.code === g.unitGroup)!.id,
      frameworkId: setIds[i]!,
      reportingPeriod: defaults.reportingPeriod,
      deadlines: { selfAssessment: deadline },
      appraiser: g.appraiser,
    })),
  });
  await transitionCampaign(db, {
    who,
    id: campaignId,
    input: { action: 'open', reason: `Dữ liệu mẫu năm ${year}` },
    now: at(`${year}-10-01`),
  });

  const rows = await assessmentsWithUnitAndGroup(db, campaignId);
  rows.sort((a, b) => (a.code < b.code ? -1 : 1));
  const notSubmitted = rows.find((r) => r.code.includes('.X.'))?.id; // the first commune in code order never sends its report
  const lateEvery = 47; // ~5 units recorded 1–3 days late: within the tolerance, the penalty applies
  const received = new Date(`${year}-11-25T03:00:00Z`);
  const items = new Map<string, { code: string; score: number }[]>();

  for (const fwId of new Set(setIds as string[])) {
    const def = (await loadDefinition(db, fwId))!;
    const leaves = [...def.leaves.values()];
    const mine = rows.filter((r) => r.frameworkId === fwId && r.id !== notSubmitted);
    const aids: string[] = [];
    const codes: string[] = [];
    const scores: number[] = [];
    for (const r of mine) {
      const rnd = random(hash(`${year}:${r.code}`));
      const level = 0.5 + rnd() * 0.47; // from weak to excellent units
      const list = leaves.map((n) => ({ code: n.code, score: selfScore(n, level, rnd) }));
      items.set(r.id, list);
      for (const i of list) {
        aids.push(r.id);
        codes.push(i.code);
        scores.push(i.score);
      }
    }
    if (aids.length === 0) continue;
    await db.transaction(async (tx) => {
      await insertSelfScores(tx, {
        assessmentIds: aids,
        codes,
        scores,
        explanation: 'Theo báo cáo kết quả chuyển đổi số năm ' + year + ' của đơn vị.',
        updatedBy: office.id,
        updatedAt: at(`${year}-11-10`),
      });
      await writeAuditBatch(
        tx,
        who.audit,
        mine.map((r) => ({
          action: 'assessment.items.import',
          objectType: 'assessment',
          objectId: r.id,
          unitId: r.unitId,
          after: { items: leaves.length },
          reason: `Dữ liệu mẫu năm ${year}`,
        })),
        at(`${year}-11-10`),
      );
    });
  }

  // The reports arrived by official letter: what recordSubmission does per unit (the same columns, verdict
  // and audit entry), in one statement — one call per unit took ~30 ms, several seconds per campaign.
  const subs = rows.flatMap((r, k) => {
    if (r.id === notSubmitted) return [];
    const late = k % lateEvery === 5;
    const receivedAt = `${year}-11-${String(late ? 16 + (k % 3) : 5 + (k % 10)).padStart(2, '0')}`;
    return [
      {
        r,
        receivedAt,
        reference: `Công văn số ${100 + k}/UBND`,
        verdict: judgeSubmission(defaults.rules, deadline, startOfVietnamDay(receivedAt)),
      },
    ];
  });
  await db.transaction(async (tx) => {
    await markSubmissionsReceived(tx, {
      submittedBy: office.id,
      updatedAt: received,
      submissions: subs.map((x) => ({
        assessmentId: x.r.id,
        at: startOfVietnamDay(x.receivedAt),
        reference: x.reference,
        daysLate: x.verdict.daysLate ?? 0,
        penaltyPoints: x.verdict.penaltyPoints,
        lowestBand: x.verdict.lowestBand,
      })),
    });
    await writeAuditBatch(
      tx,
      who.audit,
      subs.map((x) => ({
        action: 'assessment.record_submission',
        objectType: 'assessment',
        objectId: x.r.id,
        unitId: x.r.unitId,
        before: { status: 'draft' },
        after: {
          status: 'submitted',
          receivedAt: x.receivedAt,
          reference: x.reference,
          daysLate: x.verdict.daysLate ?? 0,
          penaltyPoints: x.verdict.penaltyPoints,
          lowestBand: x.verdict.lowestBand,
        },
        reason: null,
      })),
      received,
    );
  });
  await transitionCampaign(db, {
    who,
    id: campaignId,
    input: { action: 'close_self_assessment', reason: `Dữ liệu mẫu năm ${year}` },
    now: at(`${year}-11-26`),
  });
  await transitionCampaign(db, {
    who,
    id: campaignId,
    input: { action: 'start_appraisal', reason: `Dữ liệu mẫu năm ${year}` },
    now: at(`${year}-11-27`),
  });

  // The provincial council (the demo chair, member and support team, as this year's: seed-demo-appraisal.ts)
  // for council groups; a parent-unit group (districts appraising their communes) has no members.
  const council = await accountsWithUsernames(db, ['hd.chutich', 'hd.thanhvien', 'togiupviec']);
  const chairId = council.find((u) => u.username === 'hd.chutich')?.id;
  if (!chairId) return { campaignId };
  for (const g of new Set(rows.filter((r) => r.appraiser === 'council').map((r) => r.groupId))) {
    await saveBody(db, {
      who,
      campaignId,
      groupId: g,
      input: {
        kind: 'council',
        name: 'Hội đồng thẩm định chỉ số chuyển đổi số tỉnh Hà Tĩnh',
        decisionRef: `Quyết định thành lập Hội đồng năm ${year} (dữ liệu mẫu)`,
      },
    });
    for (const u of council) {
      const position = u.username === 'hd.chutich' ? 'chair' : u.username === 'hd.thanhvien' ? 'member' : 'support';
      await addMember(db, {
        who,
        campaignId,
        groupId: g,
        input: {
          userId: u.id,
          position,
          assignment: { nodeCodes: [], domains: [], unitIds: [] },
        },
      });
    }
  }
  // In parent-unit groups each district appraises, approves and publishes its communes (000 Điều 8.2, 9.4).
  const chair = {
    actor: actorFromGrants(chairId, await loadGrants(db, chairId)),
    audit: { id: chairId, name: 'Đỗ Văn Chủ (dữ liệu mẫu)' },
    userId: chairId,
  };
  const parentUnitRows = rows.filter((r) => r.appraiser === 'parent_unit' && r.parentId);
  const officers = await districtOfficers(db, [...new Set(parentUnitRows.map((r) => r.parentId!))]);
  const byAssessment = new Map(
    rows.map((r) => [r.id, r.appraiser === 'parent_unit' && r.parentId ? officers.get(r.parentId)! : chair]),
  );
  const appraisalDay = at(`${year}-12-05`);
  const all = [...items.entries()].flatMap(([assessmentId, list]) =>
    list.map((i) => ({ assessmentId, code: i.code, version: 0 })),
  );
  for (const w of [chair, ...officers.values()]) {
    const mine = all.filter((x) => byAssessment.get(x.assessmentId) === w);
    for (let i = 0; i < mine.length; i += 4000)
      await bulkAccept(db, { who: w, items: mine.slice(i, i + 4000), use: 'self', now: appraisalDay });
  }
  // The council's corrections: every 9th unit loses points on one item (with a reason), every 40th has
  // one item declared not applicable.
  for (const [k, [assessmentId, list]] of [...items.entries()].entries()) {
    const item = list[(k * 7) % list.length]!;
    if (k % 40 === 3) {
      await appraiseItem(db, {
        who: byAssessment.get(assessmentId)!,
        assessmentId,
        code: item.code,
        input: {
          finalScore: null,
          notApplicable: true,
          reason: 'not_applicable',
          comment: 'Đơn vị không có đối tượng áp dụng chỉ số này trong kỳ.',
          version: 1,
        },
        now: appraisalDay,
      });
    } else if (k % 9 === 2 && item.score > 0) {
      const lowered = Math.max(0, Math.floor(item.score * 0.5 * 4) / 4);
      await appraiseItem(db, {
        who: byAssessment.get(assessmentId)!,
        assessmentId,
        code: item.code,
        input: {
          finalScore: lowered,
          reason: 'insufficient_evidence',
          comment: 'Tài liệu kiểm chứng chưa thể hiện đầy đủ kết quả.',
          version: 1,
        },
        now: appraisalDay,
      });
    }
  }
  for (const g of new Set(rows.map((r) => r.groupId))) {
    const parentUnit = rows.find((r) => r.groupId === g)!.appraiser === 'parent_unit';
    await closeAppraisal(db, { who: parentUnit ? who : chair, campaignId, groupId: g, now: at(`${year}-12-10`) });
  }
  const authorities = await requiredApprovals(db, campaignId);
  const actingFor = (authorityId: string) => (authorityId === ownerId ? who : officers.get(authorityId)!);
  for (const [n, req] of authorities.entries()) {
    await approveCampaign(db, {
      who: actingFor(req.authority_id),
      campaignId,
      input: {
        groupId: req.group_id,
        authorityUnitId: req.authority_id,
        decisionNumber: `${3100 + n}/QĐ-UBND`,
        decisionDate: `${year}-12-20`,
        signer:
          req.authority_id === ownerId
            ? 'Phó Chủ tịch UBND tỉnh (dữ liệu mẫu)'
            : `Chủ tịch UBND ${req.authority_name} (dữ liệu mẫu)`,
        signerPosition: req.authority_id === ownerId ? 'KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH' : 'CHỦ TỊCH',
      },
      now: at(`${year}-12-20`),
    });
  }
  // One joint publication on the province's platform: each district delegated publishing its communes'
  // results to the province's DX office, in writing (recorded, audited and printed on the result).
  for (const [i, req] of authorities.filter((r) => r.authority_id !== ownerId).entries())
    await recordDelegation(db, {
      who: actingFor(req.authority_id),
      campaignId,
      input: {
        groupId: req.group_id,
        fromUnitId: req.authority_id,
        toUnitId: ownerId,
        powers: ['publish'],
        reason: `UBND ${req.authority_name} đề nghị công bố chung kết quả xếp loại các xã trên nền tảng DTI của tỉnh`,
        documentRef: `Công văn số ${41 + i}/UBND-VX ngày 21/12/${year} (dữ liệu mẫu)`,
      },
      now: at(`${year}-12-21`),
    });
  await publishCampaign(db, { who, campaignId, input: {}, secrets, now: at(`${year}-12-25`) });
  return { campaignId };
}
