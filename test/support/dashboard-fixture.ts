// Campaigns for the dashboard suites, driven through the real routes: C1 and C3 fill and submit (C2
// never does), the office closes self-assessment and starts appraisal with a council chaired by
// "chair"; optional council decisions, then (until 'published') bulk accept, closing, approval and the
// signed publication. The clock moves to the campaign's year so nobody is late.
import type { FrameworkDefinition } from '../../src/core/framework/index.ts';
import { acceptEverything, itemUrl, transition } from './appraisal-fixture.ts';
import {
  COMPACT_FRAMEWORK,
  type CampaignIds,
  createOpenCampaign,
  fillAll,
  publishFramework,
} from './campaign-fixture.ts';
import type { TestApp } from './test-app.ts';

async function ok(res: Promise<{ statusCode: number; body: string }>, expected: number, what: string) {
  const r = await res;
  if (r.statusCode !== expected) throw new Error(`${what}: ${r.statusCode} ${r.body}`);
  return r;
}

/** The compact set under another code: another index set, with no node mapping to the compact one. */
export async function otherFramework(t: TestApp): Promise<string> {
  const def: FrameworkDefinition = {
    ...COMPACT_FRAMEWORK,
    code: 'thu-nghiem-xa-moi',
    name: 'Bộ chỉ số thử nghiệm cấp xã (mới)',
  };
  return publishFramework(t, def);
}

export interface RunOptions {
  name: string;
  year: number;
  frameworkId?: string;
  setNow: (d: Date) => void;
  /** Council decisions before the bulk accept, e.g. C3's 1.1 raised to 10. */
  finals?: { unit: 'C1' | 'C3'; code: string; score: number }[];
  until: 'appraisal' | 'published';
}

export async function runCampaign(t: TestApp, o: RunOptions): Promise<CampaignIds> {
  o.setNow(new Date(`${o.year}-11-10T03:00:00Z`));
  const ids = await createOpenCampaign(t, {
    name: o.name,
    year: o.year,
    deadline: `${o.year}-11-15`,
    rules: { reportersMaySubmit: true },
    ...(o.frameworkId ? { frameworkId: o.frameworkId } : {}),
  });
  await fillAll(t, ids.assessments.C1!, 'rep_c1');
  await fillAll(t, ids.assessments.C3!, 'rep_c3');
  await ok((await t.as('rep_c1')).post(`/api/v1/assessments/${ids.assessments.C1}/submit`), 200, 'submit C1');
  await ok((await t.as('rep_c3')).post(`/api/v1/assessments/${ids.assessments.C3}/submit`), 200, 'submit C3');
  await transition(t, ids.campaignId, 'close_self_assessment');
  await transition(t, ids.campaignId, 'start_appraisal');
  const office = await t.as('office');
  const base = `/api/v1/campaigns/${ids.campaignId}/groups/${ids.groupId}`;
  await ok(
    office.put(`${base}/body`, { kind: 'council', name: 'Hội đồng thẩm định', decisionRef: 'Quyết định số 1/QĐ-UBND' }),
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
  o.setNow(new Date(`${o.year}-11-17T03:00:00Z`));
  const chair = await t.as('chair');
  for (const f of o.finals ?? []) {
    await ok(
      chair.put(itemUrl(ids.assessments[f.unit]!, f.code, 'appraisal'), {
        finalScore: f.score,
        reason: 'other',
        comment: 'Điều chỉnh theo minh chứng',
        version: 0,
      }),
      200,
      `final ${f.unit} ${f.code}`,
    );
  }
  if (o.until === 'appraisal') return ids;
  await publishCampaign(t, ids, o.year);
  return ids;
}

/** Bulk accept what is left, close, approve and publish. */
export async function publishCampaign(t: TestApp, ids: CampaignIds, year: number): Promise<void> {
  await acceptEverything(t, ids);
  await ok(
    (await t.as('chair')).post(`/api/v1/campaigns/${ids.campaignId}/close-appraisal`, { groupId: ids.groupId }),
    200,
    'close',
  );
  const office = await t.as('office');
  await ok(
    office.post(`/api/v1/campaigns/${ids.campaignId}/approve`, {
      groupId: ids.groupId,
      decisionNumber: '9/QĐ-UBND',
      decisionDate: `${year}-11-17`,
    }),
    200,
    'approve',
  );
  await ok(office.post(`/api/v1/campaigns/${ids.campaignId}/publish`, {}), 201, 'publish');
}
