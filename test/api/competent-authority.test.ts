// Issue 13 §2 — the competent authority alone appraises, approves and publishes (000 Điều 8.2, 9.3–9.4).
// A commune group appraised by the units' parents: D1 appraises, approves and publishes C1 and C2, D2 does
// C3. The province's DX office, whose role reaches both districts, is refused every one of those acts
// (403 NOT_COMPETENT_AUTHORITY) until a district records an explicit delegation — audited and printed on the
// published result. A district publishes its communes while the other district has not: the portal shows
// that part, the other listed as pending.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/schema/audit.ts';
import { fillAll, createCampaign, openCampaign, addAccount } from '../support/campaign-fixture.ts';
import { transition, itemUrl } from '../support/appraisal-fixture.ts';
import { type CampaignIds } from '../support/campaign-fixture.ts';
import { type TestApp, createTestApp } from '../support/test-app.ts';

let now = new Date('2026-11-10T03:00:00Z');
let t: TestApp;
let ids: CampaignIds;
const err = (res: { statusCode: number; json(): { error?: { code: string } } }) => [
  res.statusCode,
  res.json().error?.code,
];
const url = (path: string) => `/api/v1/campaigns/${ids.campaignId}${path}`;

beforeAll(async () => {
  t = await createTestApp({ clock: () => now });
  await addAccount(t, 'd2office', 'dx_office', 'D2', true);
  const draft = await createCampaign(t, {
    draft: true,
    name: 'Xã do huyện thẩm định',
    rules: { reportersMaySubmit: true },
  });
  const office = await t.as('office');
  const put = await office.put(`/api/v1/campaigns/${draft.campaignId}/groups/${draft.groupId}`, {
    appraiser: 'parent_unit',
  });
  if (put.statusCode !== 200) throw new Error(put.body);
  ids = await openCampaign(t, draft);
  await fillAll(t, ids.assessments.C1!, 'rep_c1');
  await fillAll(t, ids.assessments.C3!, 'rep_c3');
  for (const [who, unit] of [
    ['rep_c1', 'C1'],
    ['rep_c3', 'C3'],
  ] as const) {
    const res = await (await t.as(who)).post(`/api/v1/assessments/${ids.assessments[unit]}/submit`);
    if (res.statusCode !== 200) throw new Error(res.body);
  }
  await transition(t, ids.campaignId, 'close_self_assessment');
  await transition(t, ids.campaignId, 'start_appraisal');
  now = new Date('2026-11-20T03:00:00Z');
});
afterAll(() => t.close());

async function acceptAll(username: string): Promise<void> {
  const c = await t.as(username);
  const queue = (await c.get(`/api/v1/appraisal/queue?campaignId=${ids.campaignId}`)).json() as {
    items: { assessmentId: string; code: string; version: number; status: string }[];
  };
  const items = queue.items.map(({ assessmentId, code, version }) => ({ assessmentId, code, version }));
  const res = await c.post('/api/v1/appraisal/bulk-accept', { items });
  if (res.statusCode !== 200) throw new Error(res.body);
}

describe('appraisal of communes by their district (Điều 8.2)', () => {
  it('the province’s DX office and its council chair cannot set a final score on a commune → 403', async () => {
    for (const who of ['office', 'chair', 'admin']) {
      const res = await (
        await t.as(who)
      ).put(itemUrl(ids.assessments.C1!, '1.1', 'appraisal'), {
        finalScore: 5,
        reason: 'other',
        comment: 'x',
        version: 0,
      });
      expect([who, res.statusCode]).toEqual([who, 403]);
    }
  });
  it('the province’s queue holds none of the communes; each district’s holds its own', async () => {
    const queue = async (who: string) =>
      (await (await t.as(who)).get(`/api/v1/appraisal/queue?campaignId=${ids.campaignId}`)).json() as {
        items: { unit: { code: string } }[];
      };
    expect((await queue('office')).items).toHaveLength(0);
    expect(new Set((await queue('d1office')).items.map((i) => i.unit.code))).toEqual(new Set(['C1']));
    expect(new Set((await queue('d2office')).items.map((i) => i.unit.code))).toEqual(new Set(['C3']));
  });
  it('each district decides its communes; the group closes when both are done', async () => {
    await acceptAll('d1office');
    await acceptAll('d2office');
    const close = await (await t.as('office')).post(url('/close-appraisal'), { groupId: ids.groupId });
    expect(close.statusCode).toBe(200);
  });
});

describe('approval by each district (Điều 9.4)', () => {
  const approve = (who: string, extra: Record<string, unknown> = {}) =>
    t.as(who).then((c) =>
      c.post(url('/approve'), {
        groupId: ids.groupId,
        decisionNumber: `${who}/QĐ-UBND`,
        decisionDate: '2026-11-19',
        signer: 'Nguyễn Văn A',
        signerPosition: 'CHỦ TỊCH',
        ...extra,
      }),
    );
  it('the home inbox offers "approve" to each district for its part, not to the province', async () => {
    const steps = async (who: string) =>
      (
        (await (await t.as(who)).get('/api/v1/me/inbox')).json() as {
          items: { kind: string; action: string | null; campaign: { id: string } | null }[];
        }
      ).items
        .filter((i) => i.kind === 'campaign_step' && i.campaign?.id === ids.campaignId)
        .map((i) => i.action);
    expect(await steps('office')).toEqual([]);
    expect(await steps('d1office')).toEqual(['approve']);
    expect(await steps('d2office')).toEqual(['approve']);
  });
  it('the province’s DX office approving "for" a district → 403 NOT_COMPETENT_AUTHORITY naming the district', async () => {
    const res = await approve('office', { authorityUnitId: t.unit('D1') });
    expect(err(res)).toEqual([403, 'NOT_COMPETENT_AUTHORITY']);
    expect(res.json().error.details.authorities).toEqual(['Huyện Đức Thọ']);
    expect(err(await approve('admin', { authorityUnitId: t.unit('D1') }))).toEqual([403, 'NOT_COMPETENT_AUTHORITY']);
  });
  it('D1 approves its communes, with the signer’s position; D2 is still to approve', async () => {
    const res = await approve('d1office');
    expect(res.statusCode).toBe(200);
    expect(res.json().approval).toMatchObject({ authorityUnitId: t.unit('D1'), signerPosition: 'CHỦ TỊCH' });
    expect(res.json().campaignStatus).toBe('under_appraisal');
    expect(res.json().pending).toEqual([{ groupId: ids.groupId, authorityUnitId: t.unit('D2') }]);
  });
  it('D1 cannot approve D2’s commune', async () => {
    expect(err(await approve('d1office', { authorityUnitId: t.unit('D2') }))).toEqual([403, 'FORBIDDEN']);
  });
});

describe('publication by the authority that approved (Điều 9.4)', () => {
  it('the province has nothing of its own to publish here → 403 NOT_COMPETENT_AUTHORITY', async () => {
    expect(err(await (await t.as('office')).post(url('/publish'), {}))).toEqual([403, 'NOT_COMPETENT_AUTHORITY']);
  });
  it('D1 publishes its communes while D2 has not approved: C1 and C2 are public, D2’s part is pending', async () => {
    const res = await (await t.as('d1office')).post(url('/publish'), {});
    expect(res.statusCode).toBe(201);
    const snap = (await (await t.as('d1office')).get(`/api/v1/snapshots/${res.json().snapshot.id}`)).json();
    const payload = snap.payload;
    expect(payload.results.map((r: { unit: { code: string } }) => r.unit.code).sort()).toEqual(['C1', 'C2']);
    expect(payload.pendingParts).toEqual([
      { groupId: ids.groupId, authority: { id: t.unit('D2'), name: 'Huyện Hương Sơn' } },
    ]);
    expect(payload.groups[0].distribution.total).toBe(2);
    expect(payload.approvals).toHaveLength(1);
    const pub = await t.app.inject({ method: 'GET', url: `/api/public/v1/campaigns/${ids.campaignId}` });
    expect(pub.statusCode).toBe(200);
    const ranking = await t.app.inject({
      method: 'GET',
      url: `/api/public/v1/campaigns/${ids.campaignId}/groups/${ids.groupId}/results`,
    });
    expect(ranking.statusCode).toBe(200);
    expect(ranking.body).toContain('Xã Đức Đồng');
    expect(ranking.body).not.toContain('Xã Sơn Tây');
    // The methodology says who appraised the group and who approved and published it (issue 14 §3).
    const method = await t.app.inject({
      method: 'GET',
      url: `/api/public/v1/campaigns/${ids.campaignId}/methodology`,
    });
    expect(method.json().groups[0]).toMatchObject({ appraiser: 'parent_unit', authorities: ['Huyện Đức Thọ'] });
  });
});

describe('an explicit delegation lets the province act in a district’s place', () => {
  const delegate = (who: string, body: Record<string, unknown>) =>
    t.as(who).then((c) =>
      c.post(url('/delegations'), {
        groupId: ids.groupId,
        fromUnitId: t.unit('D2'),
        toUnitId: t.unit('P'),
        powers: ['approve', 'publish'],
        reason: 'UBND huyện đề nghị tỉnh phê duyệt, công bố thay do sáp nhập',
        ...body,
      }),
    );
  it('D1 cannot delegate D2’s powers → 403; the province records it only citing D2’s document → 422', async () => {
    expect(err(await delegate('d1office', {}))).toEqual([403, 'FORBIDDEN']);
    const res = await delegate('office', {});
    expect(err(res)).toEqual([422, 'DELEGATION_INVALID']);
    expect(res.json().error.details.problem).toBe('document_required');
  });
  it('D2 delegates approval and publication to the province: recorded and audited', async () => {
    const res = await delegate('d2office', { documentRef: 'Công văn số 12/UBND-VP ngày 19/11/2026' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ from: { code: 'D2' }, to: { code: 'P' }, powers: ['approve', 'publish'] });
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectId, ids.campaignId), eq(auditLog.action, 'appraisal.delegation.record')));
    expect(entry?.reason).toContain('sáp nhập');
    const authorities = (await (await t.as('office')).get(url('/authorities'))).json();
    expect(authorities.parts.find((p: { authority: { id: string } }) => p.authority.id === t.unit('D2'))).toMatchObject(
      { approved: false, canApprove: true },
    );
  });
  it('the province then approves and publishes D2’s part; the result names the delegation; the campaign is published', async () => {
    const office = await t.as('office');
    const approved = await office.post(url('/approve'), {
      groupId: ids.groupId,
      decisionNumber: '77/QĐ-UBND',
      decisionDate: '2026-11-19',
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json().campaignStatus).toBe('approved');
    const res = await office.post(url('/publish'), {});
    expect(res.statusCode).toBe(201);
    const payload = (await office.get(`/api/v1/snapshots/${res.json().snapshot.id}`)).json().payload;
    expect(payload.version).toBe(2);
    expect(payload.results).toHaveLength(3);
    expect(payload.pendingParts).toEqual([]);
    expect(payload.delegations).toMatchObject([{ from: { name: 'Huyện Hương Sơn' }, powers: ['approve', 'publish'] }]);
    expect((await office.get(`/api/v1/campaigns/${ids.campaignId}`)).json().status).toBe('published');
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectId, ids.campaignId), eq(auditLog.action, 'campaign.publish_part')));
    expect(audit).toBeDefined();
  });
  it('revoking needs a reason and is audited; a revoked delegation lets nobody act', async () => {
    const list = (await (await t.as('d2office')).get(url('/authorities'))).json();
    const id = list.delegations[0].id;
    const res = await (await t.as('d2office')).post(url(`/delegations/${id}/revoke`), { reason: 'Hết nhu cầu' });
    expect(res.statusCode).toBe(200);
    expect(res.json().revokedAt).not.toBeNull();
    const again = await (await t.as('d2office')).post(url(`/delegations/${id}/revoke`), { reason: 'Lần nữa' });
    expect(err(again)).toEqual([409, 'INVALID_STATE']);
  });
});
