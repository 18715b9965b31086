// Campaigns: creation (by hand and from an index set's preset rules), draft-only edits, the status
// machine (every action legal or not in every state), opening (one assessment per unit, published
// versions only), progress rounds (deadlines, pre-fill, "progress since") and the progress page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { campaigns } from '../../src/db/schema/campaigns.ts';
import {
  CAMPAIGN_ACTIONS,
  type CampaignAction,
  type CampaignStatus,
  availableActions,
} from '../../src/core/campaign/index.ts';
import { loadPresetFiles } from '../../src/exchange/frameworks/presets.ts';
import { archiveFramework } from '../../src/app/frameworks/archive-framework.ts';
import {
  COMPACT_FRAMEWORK,
  TEST_RULES,
  addAccount,
  compactFrameworkId,
  createCampaign,
  createOpenCampaign,
  fillAll,
  publishFramework,
  unitGroupId,
} from '../support/campaign-fixture.ts';
import { type TestApp, createTestApp } from '../support/test-app.ts';

const now = new Date('2026-11-10T03:00:00Z');
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock: () => now });
  await addAccount(t, 'lead_c2', 'unit_leader', 'C2');
});
afterAll(() => t.close());

const groupBody = async (over: Record<string, unknown> = {}) => ({
  unitGroupId: await unitGroupId(t),
  frameworkId: await compactFrameworkId(t),
  reportingPeriod: { from: '2025-11-15', to: '2026-11-14' },
  deadlines: { selfAssessment: '2026-11-15' },
  appraiser: 'council',
  ...over,
});

describe('creating', () => {
  it("a DX office creates a draft for its units; the group copies the unit group's members", async () => {
    const office = await t.as('office');
    const res = await office.post('/api/v1/campaigns', {
      name: ' Đánh giá năm 2026 ',
      year: 2026,
      kind: 'annual',
      ownerUnitId: t.unit('P'),
      rules: TEST_RULES,
      groups: [await groupBody()],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      name: 'Đánh giá năm 2026',
      status: 'draft',
      statusLabel: 'Nháp',
      ownerUnit: { code: 'P' },
      groups: [
        {
          name: 'UBND cấp xã',
          unitCount: 3,
          frameworkCode: COMPACT_FRAMEWORK.code,
          deadlines: { selfAssessment: '2026-11-15' },
        },
      ],
      availableActions: [{ action: 'open', label: 'Mở kỳ tự đánh giá' }],
      abilities: { update: true, delete: true, transition: true, viewProgress: true },
    });
  });

  it('only a DX office over the owner unit; participating units must lie under it', async () => {
    const body = async (owner: string, unitIds?: string[]) => ({
      name: 'Kỳ',
      year: 2026,
      kind: 'annual',
      ownerUnitId: t.unit(owner),
      rules: TEST_RULES,
      groups: [await groupBody(unitIds ? { unitIds } : {})],
    });
    expect((await (await t.as('rep_c1')).post('/api/v1/campaigns', await body('P'))).statusCode).toBe(403);
    expect((await (await t.as('d1office')).post('/api/v1/campaigns', await body('P'))).statusCode).toBe(403);
    const outside = await (
      await t.as('d1office')
    ).post('/api/v1/campaigns', await body('D1', [t.unit('C1'), t.unit('C3')]));
    expect(outside.statusCode).toBe(400);
    const inside = await (
      await t.as('d1office')
    ).post('/api/v1/campaigns', await body('D1', [t.unit('C1'), t.unit('C2')]));
    expect(inside.statusCode).toBe(201);
    expect(inside.json().groups[0].unitCount).toBe(2);
  });

  it('a draft index-set version cannot be pinned → 409 INVALID_STATE', async () => {
    const { createFramework } = await import('../../src/app/frameworks/create-framework.ts');
    const draft = await createFramework(t.database.db, {
      who: { actor: null, audit: { id: null, name: 'test' } },
      definition: { ...COMPACT_FRAMEWORK, code: 'ban-nhap' },
    });
    const res = await (
      await t.as('office')
    ).post('/api/v1/campaigns', {
      name: 'Kỳ',
      year: 2026,
      kind: 'annual',
      ownerUnitId: t.unit('P'),
      rules: TEST_RULES,
      groups: [await groupBody({ frameworkId: draft.id })],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('INVALID_STATE');
  });

  it('from a preset: Khánh Hòa bands 85/70/50 and late rule 5 days / −100, deadline 14/11', async () => {
    const kh = (await loadPresetFiles()).find((p) => p.file === 'khanh-hoa-1278-2020-nhom-1-so.yaml')!;
    const frameworkId = await publishFramework(t, kh.definition);
    const res = await (
      await t.as('office')
    ).post('/api/v1/campaigns/from-preset', {
      year: 2026,
      ownerUnitId: t.unit('P'),
      groups: [{ unitGroupId: await unitGroupId(t), frameworkId }],
    });
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c.rules.bands.map((b: { minPercent: number }) => b.minPercent)).toEqual([85, 70, 50, 0]);
    expect(c.rules.lateSubmission).toEqual({ toleranceDays: 5, penaltyPoints: 100, beyondTolerance: 'lowest_band' });
    expect(c.groups[0]).toMatchObject({
      deadlines: { selfAssessment: '2026-11-14' },
      appraiser: 'council',
      unitCount: 3,
      reportingPeriod: { from: '2025-11-15', to: '2026-11-15' },
    });
    expect(c.name).toContain('2026');
  });
});

describe('draft-only edits', () => {
  it('a draft can be renamed (optimistic concurrency), regrouped and deleted', async () => {
    const office = await t.as('office');
    const { campaignId, groupId } = await createCampaign(t, { draft: true });
    const c = (await office.get(`/api/v1/campaigns/${campaignId}`)).json();
    const renamed = await office.patch(`/api/v1/campaigns/${campaignId}`, {
      name: 'Tên mới',
      rowVersion: c.rowVersion,
    });
    expect(renamed.json()).toMatchObject({ name: 'Tên mới', rowVersion: c.rowVersion + 1 });
    expect(
      (await office.patch(`/api/v1/campaigns/${campaignId}`, { name: 'Cũ', rowVersion: c.rowVersion })).statusCode,
    ).toBe(409);
    const regrouped = await office.put(`/api/v1/campaigns/${campaignId}/groups/${groupId}`, {
      deadlines: { selfAssessment: '2026-11-20' },
      unitIds: [t.unit('C1')],
    });
    expect(regrouped.json().groups[0]).toMatchObject({ deadlines: { selfAssessment: '2026-11-20' }, unitCount: 1 });
    const added = await office.post(
      `/api/v1/campaigns/${campaignId}/groups`,
      await groupBody({ name: 'Nhóm 2', unitIds: [t.unit('C2')] }),
    );
    expect(added.statusCode).toBe(201);
    const twice = await office.post(
      `/api/v1/campaigns/${campaignId}/groups`,
      await groupBody({ name: 'Nhóm 3', unitIds: [t.unit('C1')] }),
    );
    expect(twice.statusCode).toBe(400);
    const removed = await office.delete(`/api/v1/campaigns/${campaignId}/groups/${added.json().groups[1].id}`);
    expect(removed.json().groups).toHaveLength(1);
    expect((await office.delete(`/api/v1/campaigns/${campaignId}`)).statusCode).toBe(204);
    expect((await office.get(`/api/v1/campaigns/${campaignId}`)).statusCode).toBe(404);
  });

  it('after opening, every settings change → 409 INVALID_STATE', async () => {
    const office = await t.as('office');
    const { campaignId, groupId } = await createOpenCampaign(t);
    const c = (await office.get(`/api/v1/campaigns/${campaignId}`)).json();
    expect(c.abilities).toMatchObject({ update: false, manageUnits: false, delete: false });
    const calls = [
      office.patch(`/api/v1/campaigns/${campaignId}`, { name: 'Đổi', rowVersion: c.rowVersion }),
      office.put(`/api/v1/campaigns/${campaignId}/groups/${groupId}`, { deadlines: { selfAssessment: '2026-12-01' } }),
      office.post(`/api/v1/campaigns/${campaignId}/groups`, await groupBody({ unitIds: [] })),
      office.delete(`/api/v1/campaigns/${campaignId}/groups/${groupId}`),
      office.delete(`/api/v1/campaigns/${campaignId}`),
    ];
    for (const res of await Promise.all(calls)) {
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('INVALID_STATE');
    }
  });
});

describe('the status machine', () => {
  const PATH: [CampaignAction, CampaignStatus][] = [
    ['open', 'open'],
    ['close_self_assessment', 'self_assessment_closed'],
    ['reopen_self_assessment', 'open'],
    ['close_self_assessment', 'self_assessment_closed'],
    ['start_appraisal', 'under_appraisal'],
    ['archive', 'archived'],
  ];

  it('in every state, exactly the legal actions succeed; the others → 409 INVALID_STATE', async () => {
    const office = await t.as('office');
    const { campaignId } = await createCampaign(t, { draft: true, name: 'Vòng đời' });
    let status: CampaignStatus = 'draft';
    for (const [action, next] of PATH) {
      for (const other of Object.keys(CAMPAIGN_ACTIONS) as CampaignAction[]) {
        if (availableActions(status).includes(other)) continue;
        const res = await office.post(`/api/v1/campaigns/${campaignId}/transitions`, { action: other, reason: 'thử' });
        expect(res.statusCode, `${other} from ${status}`).toBe(409);
      }
      if (action === 'archive') {
        // Approval and publication have their own routes (decision, signed snapshot): the generic one refuses them.
        for (const dedicated of ['approve', 'publish'] as const) {
          const res = await office.post(`/api/v1/campaigns/${campaignId}/transitions`, { action: dedicated });
          expect(res.statusCode).toBe(409);
          expect(res.json().error.details.use).toContain(`/${dedicated}`);
        }
        await t.database.db.update(campaigns).set({ status: 'published' }).where(eq(campaigns.id, campaignId));
        status = 'published';
      }
      if (action === 'reopen_self_assessment') {
        expect((await office.post(`/api/v1/campaigns/${campaignId}/transitions`, { action })).statusCode).toBe(400);
      }
      const res = await office.post(`/api/v1/campaigns/${campaignId}/transitions`, { action, reason: 'Theo kế hoạch' });
      expect(res.statusCode, `${action} from ${status}`).toBe(200);
      expect(res.json().status).toBe(next);
      status = next;
    }
    expect((await office.get(`/api/v1/campaigns/${campaignId}`)).json().availableActions).toEqual([]);
  });

  it('opening creates one assessment per unit, only with published versions', async () => {
    const office = await t.as('office');
    const fw = await publishFramework(t, { ...COMPACT_FRAMEWORK, code: 'se-luu-tru' });
    const draft = await createCampaign(t, { draft: true, frameworkId: fw });
    // A version a campaign is pinned on can no longer be archived (issue 11, finding 10) …
    await expect(
      archiveFramework(t.database.db, { who: { actor: null, audit: { id: null, name: 'test' } }, id: fw, now }),
    ).rejects.toMatchObject({ code: 'FRAMEWORK_IN_USE' });
    // … but a database from before that rule may hold one: opening still refuses it.
    await t.database.db.execute(sql`update frameworks set status = 'archived' where id = ${fw}::uuid`);
    const refused = await office.post(`/api/v1/campaigns/${draft.campaignId}/transitions`, { action: 'open' });
    expect(refused.statusCode).toBe(409);
    const ok = await createOpenCampaign(t);
    expect(Object.keys(ok.assessments).sort()).toEqual(['C1', 'C2', 'C3']);
    expect(
      (
        await (
          await t.as('rep_c1')
        ).post(`/api/v1/campaigns/${ok.campaignId}/transitions`, { action: 'close_self_assessment' })
      ).statusCode,
    ).toBe(403);
  });
});

describe('progress rounds', () => {
  it('3/6/9-month rounds: deadlines on the 14th, pre-filled from the latest figures, with "progress since"', async () => {
    const office = await t.as('office');
    const annual = await createOpenCampaign(t, { name: 'Năm 2026' });
    await fillAll(t, annual.assessments.C1!);
    const res = await office.post(`/api/v1/campaigns/${annual.campaignId}/progress-rounds`, {});
    expect(res.statusCode).toBe(201);
    const rounds = res.json().created as {
      id: string;
      kind: string;
      progressMonths: number;
      parentCampaignId: string;
      status: string;
      groups: { id: string; deadlines: { selfAssessment: string }; unitCount: number }[];
    }[];
    expect(rounds.map((r) => [r.progressMonths, r.groups[0]!.deadlines.selfAssessment])).toEqual([
      [3, '2026-03-14'],
      [6, '2026-06-14'],
      [9, '2026-09-14'],
    ]);
    expect(
      rounds.every(
        (r) =>
          r.kind === 'progress' &&
          r.parentCampaignId === annual.campaignId &&
          r.status === 'draft' &&
          r.groups[0]!.unitCount === 3,
      ),
    ).toBe(true);
    expect((await office.post(`/api/v1/campaigns/${annual.campaignId}/progress-rounds`, {})).json().created).toEqual(
      [],
    );

    // Generated in November, the rounds' deadlines (14/03, 14/06) are past: opening needs new ones in the same step.
    const past = await office.post(`/api/v1/campaigns/${rounds[0]!.id}/transitions`, { action: 'open' });
    expect([past.statusCode, past.json().error.code]).toEqual([422, 'SELF_ASSESSMENT_DEADLINE_PASSED']);
    const newDeadline = (r: (typeof rounds)[number]) => ({
      action: 'open',
      deadlines: [{ groupId: r.groups[0]!.id, selfAssessment: '2026-11-20' }],
    });
    expect(
      (await office.post(`/api/v1/campaigns/${rounds[0]!.id}/transitions`, newDeadline(rounds[0]!))).statusCode,
    ).toBe(200);
    const list = (await office.get(`/api/v1/campaigns/${rounds[0]!.id}/assessments`)).json().items as {
      assessmentId: string;
      unit: { code: string };
      itemsDone: number;
    }[];
    const c1 = list.find((a) => a.unit.code === 'C1')!;
    expect(c1.itemsDone).toBe(7);
    const rep = await t.as('rep_c1');
    const a3 = (await rep.get(`/api/v1/assessments/${c1.assessmentId}`)).json();
    expect(a3.progressSince).toMatchObject({
      source: { campaignId: annual.campaignId },
      selfTotal: a3.progress.selfTotal,
    });
    expect(a3.progressSince.scores['2.2']).toBe(5);
    const v = a3.items.find((i: { code: string }) => i.code === '2.2').version;
    await rep.put(`/api/v1/assessments/${c1.assessmentId}/items/2.2`, { inputs: { value: 6 }, version: v });

    expect(
      (await office.post(`/api/v1/campaigns/${rounds[1]!.id}/transitions`, newDeadline(rounds[1]!))).statusCode,
    ).toBe(200);
    const six = (await office.get(`/api/v1/campaigns/${rounds[1]!.id}/assessments`))
      .json()
      .items.find((a: { unit: { code: string } }) => a.unit.code === 'C1');
    const a6 = (await rep.get(`/api/v1/assessments/${six.assessmentId}`)).json();
    expect(a6.items.find((i: { code: string }) => i.code === '2.2').selfScore).toBe(10);
    expect(a6.progressSince).toMatchObject({ source: { campaignId: rounds[0]!.id } });
    expect(a6.progressSince.selfTotal).toBe(a6.progress.selfTotal);
  });
});

describe('the progress page', () => {
  it('per unit status, % done, evidence, timing; summary counts; filters', async () => {
    const office = await t.as('office');
    const c = await createOpenCampaign(t, { name: 'Tiến độ' });
    await fillAll(t, c.assessments.C1!);
    await fillAll(t, c.assessments.C2!, 'lead_c2');
    const submitted = await (await t.as('lead_c2')).post(`/api/v1/assessments/${c.assessments.C2}/submit`);
    expect(submitted.statusCode).toBe(200);
    const res = await office.get(`/api/v1/campaigns/${c.campaignId}/progress`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.summary).toEqual({ total: 3, submitted: 1, late: 0, notStarted: 1, inProgress: 1 });
    expect(body.items.map((i: { unit: { code: string } }) => i.unit.code)).toEqual(['C1', 'C2', 'C3']);
    expect(body.items[0]).toMatchObject({
      status: 'draft',
      itemsDone: 7,
      itemsTotal: 7,
      percentDone: 100,
      timing: 'pending',
      timingNote: { code: 'due_in', params: { days: 5 } },
      unit: { parentName: 'Huyện Đức Thọ' },
    });
    expect(body.items[1]).toMatchObject({
      status: 'submitted',
      timing: 'on_time',
      daysLate: 0,
      submittedAt: now.toISOString(),
    });
    expect(body.items[2]).toMatchObject({ itemsDone: 0, percentDone: 0, evidenceCount: 0 });
    const filtered = (await office.get(`/api/v1/campaigns/${c.campaignId}/progress?status=not_started`)).json();
    expect(filtered.items.map((i: { unit: { code: string } }) => i.unit.code)).toEqual(['C3']);
    const search = (await office.get(`/api/v1/campaigns/${c.campaignId}/progress?q=son tay`)).json();
    expect(search.items.map((i: { unit: { code: string } }) => i.unit.code)).toEqual(['C3']);
    expect((await (await t.as('member')).get(`/api/v1/campaigns/${c.campaignId}/progress`)).statusCode).toBe(200);
    expect((await (await t.as('rep_c1')).get(`/api/v1/campaigns/${c.campaignId}/progress`)).statusCode).toBe(403);
  });

  it('lists show only campaigns and assessments the caller may read', async () => {
    const rep = await t.as('rep_c3');
    const campaigns = (await rep.get('/api/v1/campaigns?year=2026')).json();
    expect(campaigns.total).toBeGreaterThan(0);
    expect(campaigns.abilities.create).toBe(false);
    const c = campaigns.items.find((x: { status: string }) => x.status === 'open');
    const mine = (await rep.get(`/api/v1/campaigns/${c.id}/assessments`)).json();
    expect(mine.items.map((i: { unit: { code: string } }) => i.unit.code)).toEqual(['C3']);
    expect((await (await t.as('norole')).get('/api/v1/campaigns')).json().total).toBe(0);
    expect((await (await t.as('norole')).get(`/api/v1/campaigns/${c.id}`)).statusCode).toBe(404);
  });
});
