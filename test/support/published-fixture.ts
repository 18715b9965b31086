// A campaign driven to publication through the real routes (appraisal-fixture, then: the chair accepts
// every self score, closes the group, the office approves and publishes). C1 and C3 submitted, C2 never
// did (forced to the lowest band). `beforePublish` runs once the campaign is approved, not yet public.
import type { CampaignRules } from '../../src/core/campaign/index.ts';
import { type AppraisalIds, acceptEverything, appraisalCampaign, itemUrl, transition } from './appraisal-fixture.ts';
import { createOpenCampaign, fillAll } from './campaign-fixture.ts';
import type { TestApp } from './test-app.ts';

async function ok(res: Promise<{ statusCode: number; body: string }>, expected: number, what: string) {
  const r = await res;
  if (r.statusCode !== expected) throw new Error(`${what}: ${r.statusCode} ${r.body}`);
  return r;
}

export interface PublishedIds extends AppraisalIds {
  snapshot: { id: string; version: number; digest: string; signature: string; keyId: string };
}

export async function publishedCampaign(
  t: TestApp,
  clock: { set(d: Date): void },
  o: {
    name?: string;
    rules?: Partial<CampaignRules>;
    frameworkId?: string;
    beforePublish?: (ids: AppraisalIds) => Promise<void>;
    /** When the publication happens (default: the approval's moment). Two campaigns published in one
     *  test need distinct moments: the trend orders a year's publications by their time. */
    publishAt?: Date;
  } = {},
): Promise<PublishedIds> {
  clock.set(new Date('2026-11-10T03:00:00Z'));
  const ids = o.frameworkId
    ? await onFramework(t, o.frameworkId, o.name ?? 'Thẩm định DTI cấp xã')
    : await appraisalCampaign(t, { ...(o.name ? { name: o.name } : {}), ...(o.rules ? { rules: o.rules } : {}) });
  clock.set(new Date('2026-11-17T03:00:00Z'));
  const chair = await t.as('chair');
  // One adjustment with a reason and a comment, so the tests can check neither reaches the public.
  await ok(
    chair.put(itemUrl(ids.assessments.C1!, '1.1', 'appraisal'), {
      finalScore: 6,
      reason: 'insufficient_evidence',
      comment: 'BÌNH LUẬN NỘI BỘ',
      version: 0,
    }),
    200,
    'appraise 1.1',
  );
  await acceptEverything(t, ids, chair);
  await ok(chair.post(`/api/v1/campaigns/${ids.campaignId}/close-appraisal`, { groupId: ids.groupId }), 200, 'close');
  const office = await t.as('office');
  await ok(
    office.post(`/api/v1/campaigns/${ids.campaignId}/approve`, {
      groupId: ids.groupId,
      decisionNumber: '2500/QĐ-UBND',
      decisionDate: '2026-11-17',
      signer: 'Phó Chủ tịch UBND tỉnh',
      signerPosition: 'TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH',
    }),
    200,
    'approve',
  );
  await o.beforePublish?.(ids);
  if (o.publishAt) clock.set(o.publishAt);
  const pub = await ok(office.post(`/api/v1/campaigns/${ids.campaignId}/publish`, {}), 201, 'publish');
  return { ...ids, snapshot: JSON.parse(pub.body).snapshot };
}

/** As appraisalCampaign, on another index-set version (one filled by FULL_ENTRIES), with the chair only. */
async function onFramework(t: TestApp, frameworkId: string, name: string): Promise<AppraisalIds> {
  const ids = await createOpenCampaign(t, { name, frameworkId, rules: { reportersMaySubmit: true } });
  await fillAll(t, ids.assessments.C1!, 'rep_c1');
  await fillAll(t, ids.assessments.C3!, 'rep_c3');
  await ok((await t.as('rep_c1')).post(`/api/v1/assessments/${ids.assessments.C1}/submit`), 200, 'submit C1');
  await ok((await t.as('rep_c3')).post(`/api/v1/assessments/${ids.assessments.C3}/submit`), 200, 'submit C3');
  await transition(t, ids.campaignId, 'close_self_assessment');
  await transition(t, ids.campaignId, 'start_appraisal');
  const office = await t.as('office');
  const base = `/api/v1/campaigns/${ids.campaignId}/groups/${ids.groupId}`;
  await ok(
    office.put(`${base}/body`, { kind: 'council', name: 'Hội đồng thẩm định', decisionRef: 'Quyết định số 2/QĐ-UBND' }),
    200,
    'body',
  );
  await ok(
    office.post(`${base}/members`, {
      userId: t.user('chair'),
      position: 'chair',
      assignment: { nodeCodes: [], domains: [], unitIds: [] },
    }),
    201,
    'chair',
  );
  return { ...ids, bodyMembers: {} };
}
