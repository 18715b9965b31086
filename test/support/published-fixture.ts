// A campaign driven to publication through the real routes (appraisal-fixture, then: the chair accepts
// every self score, closes the group, the office approves and publishes). C1 and C3 submitted, C2 never
// did (forced to the lowest band). `beforePublish` runs once the campaign is approved, not yet public.
import type { CampaignRules } from '../../src/core/campaign/index.ts';
import { type AppraisalIds, acceptEverything, appraisalCampaign, itemUrl } from './appraisal-fixture.ts';
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
  o: { name?: string; rules?: Partial<CampaignRules>; beforePublish?: (ids: AppraisalIds) => Promise<void> } = {},
): Promise<PublishedIds> {
  clock.set(new Date('2026-11-10T03:00:00Z'));
  const ids = await appraisalCampaign(t, { ...(o.name ? { name: o.name } : {}), ...(o.rules ? { rules: o.rules } : {}) });
  clock.set(new Date('2026-11-17T03:00:00Z'));
  const chair = await t.as('chair');
  // One adjustment with a reason and a comment, so the tests can check neither reaches the public.
  await ok(chair.put(itemUrl(ids.assessments.C1!, '1.1', 'appraisal'), { finalScore: 6, reason: 'insufficient_evidence', comment: 'BÌNH LUẬN NỘI BỘ', version: 0 }), 200, 'appraise 1.1');
  await acceptEverything(t, ids, chair);
  await ok(chair.post(`/api/v1/campaigns/${ids.campaignId}/close-appraisal`, { groupId: ids.groupId }), 200, 'close');
  const office = await t.as('office');
  await ok(office.post(`/api/v1/campaigns/${ids.campaignId}/approve`, { groupId: ids.groupId, decisionNumber: '2500/QĐ-UBND', decisionDate: '2026-11-25', signer: 'Phó Chủ tịch UBND tỉnh' }), 200, 'approve');
  await o.beforePublish?.(ids);
  const pub = await ok(office.post(`/api/v1/campaigns/${ids.campaignId}/publish`, {}), 201, 'publish');
  return { ...ids, snapshot: JSON.parse(pub.body).snapshot };
}
