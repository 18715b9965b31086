// Appraisal fixtures: an open campaign (campaign-fixture) whose C1 and C3 filled and submitted their
// assessments (C2 never does), self-assessment closed, appraisal started, and a council for the group:
// "chair" (chair), "member" (member, assigned main indicator 1), "support" (support team).
import type { CampaignRules } from '../../src/core/campaign/index.ts';
import { type CampaignIds, createOpenCampaign, fillAll } from './campaign-fixture.ts';
import type { Client, TestApp } from './test-app.ts';

export interface AppraisalIds extends CampaignIds {
  bodyMembers: Record<string, string>;
}

async function ok(res: Promise<{ statusCode: number; body: string }>, expected: number, what: string) {
  const r = await res;
  if (r.statusCode !== expected) throw new Error(`${what}: ${r.statusCode} ${r.body}`);
  return r;
}

/** `deadline`: the self-assessment deadline (tests on the system clock pass SYSTEM_CLOCK_DEADLINE: a past one cannot be opened). */
export async function submittedCampaign(
  t: TestApp,
  o: { rules?: Partial<CampaignRules>; name?: string; deadline?: string } = {},
): Promise<CampaignIds> {
  const ids = await createOpenCampaign(t, {
    name: o.name ?? 'Thẩm định DTI cấp xã',
    rules: { reportersMaySubmit: true, ...o.rules },
    ...(o.deadline ? { deadline: o.deadline } : {}),
  });
  await fillAll(t, ids.assessments.C1!, 'rep_c1');
  await fillAll(t, ids.assessments.C3!, 'rep_c3');
  await ok((await t.as('rep_c1')).post(`/api/v1/assessments/${ids.assessments.C1}/submit`), 200, 'submit C1');
  await ok((await t.as('rep_c3')).post(`/api/v1/assessments/${ids.assessments.C3}/submit`), 200, 'submit C3');
  return ids;
}

export async function transition(t: TestApp, campaignId: string, action: string): Promise<void> {
  // Fixtures close before the deadline (C2 never submits): an early close needs a reason (issue 13 §6).
  const body =
    action === 'close_self_assessment' ? { action, reason: 'Kết thúc sớm theo kế hoạch thử nghiệm' } : { action };
  await ok((await t.as('office')).post(`/api/v1/campaigns/${campaignId}/transitions`, body), 200, action);
}

/** Submitted campaign under appraisal with its council (members as above). */
export async function appraisalCampaign(
  t: TestApp,
  o: { rules?: Partial<CampaignRules>; name?: string; deadline?: string } = {},
): Promise<AppraisalIds> {
  const ids = await submittedCampaign(t, o);
  await transition(t, ids.campaignId, 'close_self_assessment');
  await transition(t, ids.campaignId, 'start_appraisal');
  const office = await t.as('office');
  const base = `/api/v1/campaigns/${ids.campaignId}/groups/${ids.groupId}`;
  await ok(
    office.put(`${base}/body`, {
      kind: 'council',
      name: 'Hội đồng thẩm định chỉ số chuyển đổi số tỉnh',
      decisionRef: 'Quyết định số 1/QĐ-UBND',
    }),
    200,
    'body',
  );
  const add = (username: string, position: string, nodeCodes: string[] = []) =>
    ok(
      office.post(`${base}/members`, {
        userId: t.user(username),
        position,
        assignment: { nodeCodes, domains: [], unitIds: [] },
      }),
      201,
      `member ${username}`,
    );
  await add('chair', 'chair');
  await add('member', 'member', ['1']);
  const last = await add('support', 'support');
  const members = (JSON.parse(last.body) as { items: { members: { id: string; user: { username: string } }[] }[] })
    .items[0]!.members;
  return { ...ids, bodyMembers: Object.fromEntries(members.map((m) => [m.user.username, m.id])) };
}

export const itemUrl = (assessmentId: string, code: string, what: 'review' | 'appraisal' | 'requests') =>
  `/api/v1/assessments/${assessmentId}/items/${code}/${what}`;

/** Final scores for every item of both submitted units (chair, bulk accept of the self scores). */
export async function acceptEverything(t: TestApp, ids: CampaignIds, chair?: Client): Promise<void> {
  const c = chair ?? (await t.as('chair'));
  const queue = (await c.get(`/api/v1/appraisal/queue?campaignId=${ids.campaignId}`)).json() as {
    items: { assessmentId: string; code: string; version: number; status: string }[];
  };
  const items = queue.items
    .filter((i) => i.status !== 'final')
    .map(({ assessmentId, code, version }) => ({ assessmentId, code, version }));
  if (items.length > 0) await ok(c.post('/api/v1/appraisal/bulk-accept', { items }), 200, 'bulk accept');
}
