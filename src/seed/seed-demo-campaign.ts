// Demo: an OPEN annual campaign of the current year (Vietnam date) run by the province "HT" on today's
// structure — the 69 communes of 1/7/2025 (HT.G.XA) on the illustrative 1,000-point set, the sở after
// 1/3/2025 (HT.G.SBN) on the Hà Tĩnh 2878 sở set, all appraised by the provincial council — with
// the self-assessment deadline three weeks ahead, a few communes partly filled and one submitted, so the
// unit home page and the progress page have something to show. It goes through the same operations as
// the API (audited), acting as a system administrator; it does nothing when a campaign already exists.
import { addDays, campaignDefaultsFromPreset, vietnamDateOf } from '../core/campaign/index.ts';
import { createCampaign } from '../app/campaigns/create-campaign.ts';
import { transitionCampaign } from '../app/campaigns/transition-campaign.ts';
import { createEvidenceLink } from '../app/evidence/create-link.ts';
import { saveInfo } from '../app/assessments/save-info.ts';
import { saveItem } from '../app/assessments/save-item.ts';
import { submitAssessment } from '../app/assessments/submit-assessment.ts';
import type { Db } from '../db/client.ts';
import type { ScopedActor } from '../db/queries/org-units.ts';
import { loadDefinition } from '../db/queries/framework-definitions.ts';
import { findUnitsByCodes } from '../db/queries/org-units.ts';
import {
  assessmentsOfUnitCodes,
  countCampaigns,
  demoAccount,
  publishedFrameworkCodes,
  unitGroupCodes,
} from '../db/queries/seed-demo.ts';
import { demoEntry, demoInfo } from './demo-item-inputs.ts';

const SEED_ACTOR: ScopedActor = {
  userId: '',
  grants: [{ role: 'system_admin', unitId: '', subtree: true }],
  grantPaths: new Map(),
};

/** Commune code → share of items filled (1 = all, then submitted when `submit`). */
const DEMO_FILLS: { code: string; share: number; submit?: boolean }[] = [
  { code: 'HT.X.CAMXUYEN', share: 1, submit: true },
  { code: 'HT.X.CAMBINH', share: 0.6 },
  { code: 'HT.X.THANHSEN', share: 0.35 },
  { code: 'HT.X.YENHOA', share: 0.15 },
  { code: 'HT.S.TP', share: 0.5 },
];

async function idByCode<T extends { id: string; code: string }>(rows: Promise<T[]>, code: string): Promise<string> {
  const row = (await rows).find((r) => r.code === code);
  if (!row) throw new Error(`Dữ liệu mẫu thiếu ${code}`);
  return row.id;
}

export async function seedDemoCampaign(db: Db, now = new Date()): Promise<{ campaignId: string | null }> {
  if ((await countCampaigns(db)) > 0) return { campaignId: null };
  const office = await demoAccount(db, 'sokhcn');
  const who = { actor: SEED_ACTOR, audit: { id: null, name: 'seed' }, userId: office?.id ?? '' };
  const today = vietnamDateOf(now);
  const year = Number(today.slice(0, 4));
  const communeSet = await idByCode(publishedFrameworkCodes(db), 'minh-hoa-xa-1000');
  const departmentSet = await idByCode(publishedFrameworkCodes(db), 'ht-2878-2023-so');
  const communeDefaults = campaignDefaultsFromPreset((await loadDefinition(db, communeSet))!.definition.rules, year);
  const deadline = addDays(today, 21);
  const group = async (code: string, frameworkId: string) => ({
    unitGroupId: await idByCode(unitGroupCodes(db), code),
    frameworkId,
    reportingPeriod: communeDefaults.reportingPeriod,
    deadlines: { selfAssessment: deadline },
    appraiser: 'council' as const,
  });
  const campaignId = await createCampaign(db, who, {
    name: `Đánh giá chỉ số chuyển đổi số năm ${year} — tỉnh Hà Tĩnh (trình diễn)`,
    year,
    kind: 'annual',
    ownerUnitId: await idByCode(findUnitsByCodes(db, ['HT']), 'HT'),
    rules: communeDefaults.rules,
    groups: [await group('HT.G.XA', communeSet), await group('HT.G.SBN', departmentSet)],
  });
  await transitionCampaign(db, { who, id: campaignId, input: { action: 'open', reason: 'Dữ liệu mẫu' }, now });

  const rows = await assessmentsOfUnitCodes(
    db,
    DEMO_FILLS.map((f) => f.code),
  );
  for (const [seed, fill] of DEMO_FILLS.entries()) {
    const a = rows.find((r) => r.code === fill.code);
    if (!a) continue;
    const def = (await loadDefinition(db, fill.code.startsWith('HT.S.') ? departmentSet : communeSet))!;
    const keys = (def.definition.infoFields ?? []).map((f) => f.key);
    if (keys.length > 0)
      await saveInfo(db, { who, id: a.id, input: { values: demoInfo(keys, seed), rowVersion: a.rowVersion }, now });
    // One document in the unit's library, linked where evidence is mandatory and to every third item.
    const report = await createEvidenceLink(db, {
      who,
      unitId: a.unitId,
      input: {
        url: `https://vanban.hatinh.gov.vn/demo/${fill.code.toLowerCase()}/bao-cao-cds-${year}.pdf`,
        docNumber: `${40 + seed}/BC-UBND`,
        docDate: addDays(today, -7),
        summary: `Báo cáo kết quả chuyển đổi số năm ${year}`,
        issuer: 'Ủy ban nhân dân',
      },
    });
    const leaves = [...def.leaves.values()];
    for (const [i, node] of leaves.slice(0, Math.round(leaves.length * fill.share)).entries()) {
      const entry = demoEntry(node, seed);
      const evidenceIds = node.evidenceRequired || i % 3 === 0 ? [report.id] : [];
      await saveItem(db, {
        who: { ...who, fullName: 'Dữ liệu mẫu' },
        assessmentId: a.id,
        code: node.code,
        input: { ...entry, explanation: `Theo báo cáo của đơn vị năm ${year}.`, evidenceIds, version: 0 },
        now,
      });
    }
    if (fill.submit) await submitAssessment(db, { who, id: a.id, now });
  }
  return { campaignId };
}
