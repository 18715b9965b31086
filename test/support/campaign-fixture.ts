// Campaign fixtures for API tests: a compact published index set with every scoring method, and an
// open campaign on the fixture's communes (C1, C2 under D1; C3 under D2) run by the province's DX office
// ("office"). Reused by other suites: `createOpenCampaign(t)` returns the ids they need.
import { eq } from 'drizzle-orm';
import type { CampaignRules } from '../../src/core/campaign/index.ts';
import type { FrameworkDefinition } from '../../src/core/framework/index.ts';
import type { Role } from '../../src/core/policy/index.ts';
import { roleAssignments, users } from '../../src/db/schema/accounts.ts';
import { unitGroups } from '../../src/db/schema/org.ts';
import { hashPassword } from '../../src/app/auth/passwords.ts';
import { createFramework } from '../../src/app/frameworks/create-framework.ts';
import { publishFramework as publishVersion } from '../../src/app/frameworks/publish-framework.ts';
import { PASSWORD } from './fixtures.ts';
import type { TestApp } from './test-app.ts';

/** One more account (password PASSWORD) holding `role` on the unit `unitCode`, for `t.as(username)`. */
export async function addAccount(
  t: TestApp,
  username: string,
  role: Role,
  unitCode: string,
  subtree = false,
): Promise<string> {
  const [u] = await t.database.db
    .insert(users)
    .values({
      username,
      fullName: `Người dùng ${username}`,
      fullNameFolded: `nguoi dung ${username}`,
      passwordHash: await hashPassword(PASSWORD),
    })
    .returning({ id: users.id });
  await t.database.db.insert(roleAssignments).values({ userId: u!.id, role, unitId: t.unit(unitCode), subtree });
  return u!.id;
}

/** 100 points: 1.1 manual (step 0.25), 1.2 yes/no, 1.3 choice, 2.1 ratio (b = 0 → 0), 2.2 steps by count,
 * 2.3 steps by percent (b = 0 → not applicable), 2.4 formula with the informational field population. */
export const COMPACT_FRAMEWORK: FrameworkDefinition = {
  code: 'thu-nghiem-xa',
  name: 'Bộ chỉ số thử nghiệm cấp xã',
  decision: { number: 'Thử nghiệm', issuer: 'Bộ kiểm thử' },
  appliesTo: { unitTypes: ['commune'] },
  illustrative: true,
  infoFields: [{ key: 'population', label: 'Dân số', unit: 'người' }],
  rules: {
    bands: [
      { code: 'tot', label: 'Tốt', minPercent: 90 },
      { code: 'kha', label: 'Khá', minPercent: 70 },
      { code: 'tb', label: 'Trung bình', minPercent: 50 },
      { code: 'yeu', label: 'Yếu', minPercent: 0 },
    ],
    selfAssessmentDeadline: '11-15',
    lateSubmission: { toleranceDays: 5, penaltyPoints: 100, beyondTolerance: 'lowest_band' },
    nonSubmission: 'lowest_band',
    notApplicable: 'reduce_max',
    appraiser: 'council',
  },
  nodes: [
    {
      code: '1',
      title: 'Nhận thức số',
      maxPoints: 40,
      children: [
        { code: '1.1', title: 'Đánh giá của lãnh đạo', maxPoints: 10, method: { kind: 'manual', step: 0.25 } },
        { code: '1.2', title: 'Có kế hoạch chuyển đổi số', maxPoints: 10, method: { kind: 'yesno' } },
        {
          code: '1.3',
          title: 'Mức độ tuyên truyền',
          maxPoints: 20,
          method: {
            kind: 'choice',
            options: [
              { value: 'cao', label: 'Cao', fraction: 1 },
              { value: 'vua', label: 'Vừa', points: 10 },
              { value: 'thap', label: 'Thấp', points: 0 },
            ],
          },
        },
      ],
    },
    {
      code: '2',
      title: 'Hạ tầng số',
      maxPoints: 60,
      children: [
        {
          code: '2.1',
          title: 'Tỷ lệ hồ sơ trực tuyến',
          maxPoints: 20,
          method: {
            kind: 'ratio',
            numeratorLabel: 'Hồ sơ trực tuyến',
            denominatorLabel: 'Tổng hồ sơ',
            zeroDenominator: 'zero',
          },
        },
        {
          code: '2.2',
          title: 'Số điểm wifi công cộng',
          maxPoints: 10,
          method: {
            kind: 'steps',
            input: 'number',
            thresholds: [
              { atLeast: 5, fraction: 1 },
              { atLeast: 2, points: 5 },
            ],
          },
        },
        {
          code: '2.3',
          title: 'Tỷ lệ thôn có cáp quang',
          maxPoints: 10,
          method: {
            kind: 'steps',
            input: 'percent',
            thresholds: [
              { atLeast: 90, fraction: 1 },
              { atLeast: 50, points: 5 },
            ],
            zeroDenominator: 'not_applicable',
          },
        },
        {
          code: '2.4',
          title: 'Điểm truy cập trên 1.000 dân',
          maxPoints: 20,
          method: {
            kind: 'formula',
            expression: 'so_diem * 1000 / info.population * 10',
            inputs: [{ name: 'so_diem', label: 'Số điểm truy cập', type: 'number' }],
          },
        },
      ],
    },
  ],
};

const TEST_WHO = { actor: null, audit: { id: null, name: 'test' } };

/** Creates and publishes a version (through the real operations); returns its id. */
export async function publishFramework(
  t: TestApp,
  definition: FrameworkDefinition = COMPACT_FRAMEWORK,
): Promise<string> {
  const row = await createFramework(t.database.db, { who: TEST_WHO, definition });
  await publishVersion(t.database.db, { who: TEST_WHO, id: row.id, now: new Date() });
  return row.id;
}

const compactIds = new WeakMap<TestApp, Promise<string>>();

/** The compact set, published once per test app. */
export function compactFrameworkId(t: TestApp): Promise<string> {
  let id = compactIds.get(t);
  if (!id) {
    id = publishFramework(t);
    compactIds.set(t, id);
  }
  return id;
}

export async function unitGroupId(t: TestApp, code = 'G.XA'): Promise<string> {
  const [g] = await t.database.db.select({ id: unitGroups.id }).from(unitGroups).where(eq(unitGroups.code, code));
  if (!g) throw new Error(`no unit group ${code}`);
  return g.id;
}

export const TEST_RULES: CampaignRules = {
  bands: COMPACT_FRAMEWORK.rules!.bands,
  lateSubmission: { toleranceDays: 5, penaltyPoints: 100, beyondTolerance: 'lowest_band' },
  nonSubmission: 'lowest_band',
  notApplicable: 'reduce_max',
  reportersMaySubmit: false,
  reminderDaysBefore: [7, 3, 1],
};

export interface CampaignOptions {
  name?: string;
  year?: number;
  /** Self-assessment deadline (yyyy-mm-dd); default 2026-11-15 (tests on the system clock use SYSTEM_CLOCK_DEADLINE). */
  deadline?: string;
  rules?: Partial<CampaignRules>;
  /** Participating unit codes; default C1, C2, C3. */
  units?: string[];
  frameworkId?: string;
  /** Who creates and opens it; default "office" (dx_office on P). */
  as?: string;
  /** Leave it as a draft. */
  draft?: boolean;
}

export interface CampaignIds {
  campaignId: string;
  groupId: string;
  frameworkId: string;
  /** Assessment id by unit code (empty for a draft). */
  assessments: Record<string, string>;
}

export async function createCampaign(t: TestApp, o: CampaignOptions = {}): Promise<CampaignIds> {
  const office = await t.as(o.as ?? 'office');
  const frameworkId = o.frameworkId ?? (await compactFrameworkId(t));
  const res = await office.post('/api/v1/campaigns', {
    name: o.name ?? 'Đánh giá DTI cấp xã năm 2026',
    year: o.year ?? 2026,
    kind: 'annual',
    ownerUnitId: t.unit('P'),
    rules: { ...TEST_RULES, ...o.rules },
    groups: [
      {
        unitGroupId: await unitGroupId(t),
        frameworkId,
        reportingPeriod: { from: '2025-11-15', to: '2026-11-14' },
        deadlines: { selfAssessment: o.deadline ?? '2026-11-15' },
        appraiser: 'council',
        unitIds: (o.units ?? ['C1', 'C2', 'C3']).map((c) => t.unit(c)),
      },
    ],
  });
  if (res.statusCode !== 201) throw new Error(`create campaign: ${res.statusCode} ${res.body}`);
  const campaign = res.json();
  const ids: CampaignIds = { campaignId: campaign.id, groupId: campaign.groups[0].id, frameworkId, assessments: {} };
  if (o.draft) return ids;
  return openCampaign(t, ids, o.as);
}

/** Fixtures run several annual campaigns of one year on the same communes: opening says why (issue 13 §6). */
export const FIXTURE_OPEN_REASON = 'Thử nghiệm: nhiều kỳ đánh giá trên cùng các xã';

/** For tests on the system clock: a deadline still ahead, since a past one cannot be opened (issue 13 §6). */
export const SYSTEM_CLOCK_DEADLINE = '2099-12-31';

/** Opens a draft campaign and maps unit codes to the assessments it created. */
export async function openCampaign(t: TestApp, ids: CampaignIds, as = 'office'): Promise<CampaignIds> {
  const office = await t.as(as);
  const opened = await office.post(`/api/v1/campaigns/${ids.campaignId}/transitions`, {
    action: 'open',
    reason: FIXTURE_OPEN_REASON,
  });
  if (opened.statusCode !== 200) throw new Error(`open campaign: ${opened.statusCode} ${opened.body}`);
  const list = await office.get(`/api/v1/campaigns/${ids.campaignId}/assessments?pageSize=500`);
  const assessments: Record<string, string> = {};
  for (const a of list.json().items as { assessmentId: string; unit: { code: string } }[])
    assessments[a.unit.code] = a.assessmentId;
  return { ...ids, assessments };
}

/** An open campaign on C1, C2, C3 with the compact set (see CampaignOptions for what can change). */
export async function createOpenCampaign(
  t: TestApp,
  options: Omit<CampaignOptions, 'draft'> = {},
): Promise<CampaignIds> {
  return createCampaign(t, options);
}

/** Inputs that fill every item of the compact set validly, with an explanation each (submittable). */
export const FULL_ENTRIES: Record<string, { inputs: Record<string, number | boolean | string>; selfScore?: number }> = {
  '1.1': { inputs: {}, selfScore: 7.5 },
  '1.2': { inputs: { yes: true } },
  '1.3': { inputs: { choice: 'vua' } },
  '2.1': { inputs: { a: 30, b: 40 } },
  '2.2': { inputs: { value: 3 } },
  '2.3': { inputs: { a: 9, b: 10 } },
  '2.4': { inputs: { so_diem: 2 } },
};

/** Sets the population (2.4's formula reads it) and saves every item of the compact set as `username` (from each item's current version). */
export async function fillAll(t: TestApp, assessmentId: string, username = 'rep_c1'): Promise<void> {
  const c = await t.as(username);
  const current = (await c.get(`/api/v1/assessments/${assessmentId}`)).json();
  const info = await c.put(`/api/v1/assessments/${assessmentId}/info`, {
    values: { population: 2000 },
    rowVersion: current.rowVersion,
  });
  if (info.statusCode !== 200) throw new Error(`save info: ${info.statusCode} ${info.body}`);
  const versions = new Map<string, number>(
    (current.items as { code: string; version: number }[]).map((i) => [i.code, i.version]),
  );
  for (const [code, e] of Object.entries(FULL_ENTRIES)) {
    const res = await c.put(`/api/v1/assessments/${assessmentId}/items/${code}`, {
      ...e,
      explanation: `Giải trình chỉ số ${code}`,
      version: versions.get(code) ?? 0,
    });
    if (res.statusCode !== 200) throw new Error(`save ${code}: ${res.statusCode} ${res.body}`);
  }
}
