// Appraisal and publication: the bad inputs (score above the item's or the replacement's max, a member
// not assigned, appraisal after publication, a reply after the deadline, a stale version, a unit reading
// another unit's requests, publishing with unappraised items) and the whole loop — support proposes,
// the council adjusts with a reason and asks for evidence, the unit replies with a file, the council
// accepts, the chair closes, the authority approves, publication signs a snapshot that verifies with the
// published key; a correction is version 2 and version 1 stays readable.
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/core/audit/canonical-json.ts';
import { notifications } from '../../src/db/schema/supply.ts';
import { verifySnapshot } from '../../src/app/publication/verify-snapshot.ts';
import { type AppraisalIds, acceptEverything, appraisalCampaign, itemUrl } from '../support/appraisal-fixture.ts';
import { pdf } from '../support/sample-files.ts';
import { type TestApp, createTestApp } from '../support/test-app.ts';

let now = new Date('2026-11-10T03:00:00Z');
let t: TestApp;
let ids: AppraisalIds;
let C1: string;
let C3: string;
beforeAll(async () => {
  t = await createTestApp({ clock: () => now });
  ids = await appraisalCampaign(t);
  C1 = ids.assessments.C1!;
  C3 = ids.assessments.C3!;
  now = new Date('2026-11-17T03:00:00Z');
});
afterAll(() => t.close());

const code = (res: { json(): { error?: { code: string } } }) => res.json().error?.code;

describe('the loop, from pre-review to a signed publication', () => {
  let requestId = '';
  let lateRequestId = '';

  it('the support team proposes a score; above the max → 422 SCORE_OUT_OF_RANGE; departing without a reason → 400 REASON_REQUIRED', async () => {
    const support = await t.as('support');
    expect(
      code(
        await support.put(itemUrl(C1, '1.1', 'review'), {
          proposedScore: 11,
          reason: 'other',
          comment: 'x',
          version: 0,
        }),
      ),
    ).toBe('SCORE_OUT_OF_RANGE');
    expect(
      code(
        await support.put(itemUrl(C1, '1.1', 'review'), {
          proposedScore: 1.005,
          reason: 'other',
          comment: 'x',
          version: 0,
        }),
      ),
    ).toBe('SCORE_INVALID');
    expect(code(await support.put(itemUrl(C1, '1.1', 'review'), { proposedScore: 5, version: 0 }))).toBe(
      'REASON_REQUIRED',
    );
    const res = await support.put(itemUrl(C1, '1.1', 'review'), {
      proposedScore: 5,
      reason: 'insufficient_evidence',
      comment: 'Thiếu biên bản đánh giá của lãnh đạo',
      version: 0,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      selfScore: 7.5,
      proposedScore: 5,
      proposedReasonLabel: 'Tài liệu kiểm chứng chưa đủ',
      delta: { proposed: -2.5 },
      version: 1,
    });
    // The support team proposes, it does not decide.
    expect(
      (await support.put(itemUrl(C1, '1.1', 'appraisal'), { finalScore: 5, reason: 'other', comment: 'x', version: 1 }))
        .statusCode,
    ).toBe(403);
  });

  it('a member appraises what they are assigned (main indicator 1) and nothing else → 403', async () => {
    const member = await t.as('member');
    expect(
      (
        await member.put(itemUrl(C1, '2.1', 'appraisal'), {
          finalScore: 10,
          reason: 'wrong_calculation',
          comment: 'Sai mẫu số',
          version: 0,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      code(
        await member.put(itemUrl(C1, '1.1', 'appraisal'), {
          finalScore: 10.5,
          reason: 'other',
          comment: 'x',
          version: 1,
        }),
      ),
    ).toBe('SCORE_OUT_OF_RANGE');
    expect(code(await member.put(itemUrl(C1, '1.1', 'appraisal'), { finalScore: 6, version: 1 }))).toBe(
      'REASON_REQUIRED',
    );
    const res = await member.put(itemUrl(C1, '1.1', 'appraisal'), {
      finalScore: 6,
      reason: 'insufficient_evidence',
      comment: 'Điều chỉnh theo biên bản',
      version: 1,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      finalScore: 6,
      delta: { final: -1.5 },
      finalReasonLabel: 'Tài liệu kiểm chứng chưa đủ',
      version: 2,
    });
  });

  it('a stale version → 409 VERSION_CONFLICT with the current values, nothing overwritten', async () => {
    const chair = await t.as('chair');
    const res = await chair.put(itemUrl(C1, '1.1', 'appraisal'), { finalScore: 7.5, version: 1 });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'VERSION_CONFLICT',
      details: { current: { finalScore: 6, version: 2 } },
    });
  });

  it('the council asks for evidence; the unit is notified and sees the request; another unit → 404', async () => {
    const member = await t.as('member');
    const res = await member.post(itemUrl(C1, '1.2', 'requests'), {
      kind: 'more_evidence',
      message: 'Đề nghị bổ sung kế hoạch chuyển đổi số đã ban hành',
      deadline: '2026-11-20',
    });
    expect(res.statusCode).toBe(201);
    requestId = res.json().id;
    lateRequestId = (
      await member.post(itemUrl(C1, '1.3', 'requests'), {
        kind: 'explanation',
        message: 'Giải trình mức độ tuyên truyền',
        deadline: '2026-11-18',
      })
    ).json().id;
    expect(
      code(
        await member.post(itemUrl(C1, '1.3', 'requests'), {
          kind: 'explanation',
          message: 'x',
          deadline: '2026-11-01',
        }),
      ),
    ).toBe('VALIDATION_FAILED');
    const notes = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, t.user('rep_c1')), eq(notifications.kind, 'appraisal_request')));
    expect(notes.length).toBe(2);
    // The unit's app words the notification from its kind and parameters (issue 14 §6), in its own language.
    const listed = (await (await t.as('rep_c1')).get('/api/v1/notifications')).json().items;
    expect(listed.find((n: { kind: string }) => n.kind === 'appraisal_request').params).toMatchObject({
      requestKind: expect.stringMatching(/^(more_evidence|explanation)$/),
      code: expect.stringMatching(/^1\.[23]$/),
      deadline: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    const mine = await (await t.as('rep_c1')).get(`/api/v1/assessments/${C1}/requests`);
    expect(
      mine.json().items.map((r: { code: string; abilities: { reply: boolean } }) => [r.code, r.abilities.reply]),
    ).toEqual([
      ['1.2', true],
      ['1.3', true],
    ]);
    expect((await (await t.as('rep_c3')).get(`/api/v1/assessments/${C1}/requests`)).statusCode).toBe(404);
    expect(
      (await (await t.as('rep_c3')).post(`/api/v1/requests/${requestId}/replies`, { text: 'x', evidenceIds: [] }))
        .statusCode,
    ).toBe(404);
  });

  it('the unit replies with a file before the deadline; after it → 409 REPLY_DEADLINE_PASSED', async () => {
    const rep = await t.as('rep_c1');
    const up = await rep.upload(
      `/api/v1/units/${t.unit('C1')}/evidence`,
      'Kế hoạch CĐS.pdf',
      pdf('Kế hoạch chuyển đổi số xã'),
    );
    expect(up.statusCode).toBe(201);
    const res = await rep.post(`/api/v1/requests/${requestId}/replies`, {
      text: 'Gửi kèm Kế hoạch số 15/KH-UBND',
      evidenceIds: [up.json().id],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      status: 'answered',
      replies: [{ text: 'Gửi kèm Kế hoạch số 15/KH-UBND', evidence: [{ sha256: up.json().sha256 }] }],
    });
    now = new Date('2026-11-18T16:59:00Z'); // 23:59 on the 18th in Vietnam: still in time
    expect(
      (await rep.post(`/api/v1/requests/${lateRequestId}/replies`, { text: 'Kịp hạn', evidenceIds: [] })).statusCode,
    ).toBe(201);
    now = new Date('2026-11-18T17:00:01Z'); // 00:00 on the 19th in Vietnam
    const late = await rep.post(`/api/v1/requests/${lateRequestId}/replies`, { text: 'Muộn', evidenceIds: [] });
    expect(late.statusCode).toBe(409);
    expect(code(late)).toBe('REPLY_DEADLINE_PASSED');
    expect((await (await t.as('member')).post(`/api/v1/requests/${requestId}/close`)).json().status).toBe('closed');
  });

  it("the queue is exactly the caller's work, with flags", async () => {
    const member = await t.as('member');
    const q = (await member.get(`/api/v1/appraisal/queue?campaignId=${ids.campaignId}&mode=item`)).json();
    expect(new Set(q.items.map((i: { code: string }) => i.code))).toEqual(new Set(['1.1', '1.2', '1.3']));
    expect(q.items.map((i: { unit: { code: string } }) => i.unit.code).slice(0, 2)).toEqual(['C1', 'C3']);
    const chair = (await (await t.as('chair')).get(`/api/v1/appraisal/queue?campaignId=${ids.campaignId}`)).json();
    expect(chair.summary.total).toBe(14);
    expect(
      chair.items.find((i: { code: string; unit: { code: string } }) => i.code === '1.1' && i.unit.code === 'C1'),
    ).toMatchObject({ status: 'final', finalScore: 6, delta: -1.5 });
    expect((await (await t.as('viewer')).get('/api/v1/appraisal/queue')).json().items).toEqual([]);
  });

  it('publishing with unappraised items → 422 APPRAISAL_INCOMPLETE listing every unit × item', async () => {
    const res = await (await t.as('office')).post(`/api/v1/campaigns/${ids.campaignId}/publish`, {});
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('APPRAISAL_INCOMPLETE');
    expect(res.json().error.details.missing).toHaveLength(13);
    const closing = await (
      await t.as('chair')
    ).post(`/api/v1/campaigns/${ids.campaignId}/close-appraisal`, { groupId: ids.groupId });
    expect(closing.statusCode).toBe(422);
    expect(closing.json().error.details.missing.map((m: { code: string }) => m.code)).toContain('2.4');
  });

  it('bulk accept, close, approve: the campaign becomes approved; the generic transition refuses approve', async () => {
    const office = await t.as('office');
    expect(code(await office.post(`/api/v1/campaigns/${ids.campaignId}/transitions`, { action: 'approve' }))).toBe(
      'INVALID_STATE',
    );
    await acceptEverything(t, ids);
    expect(
      (
        await (
          await t.as('member')
        ).post(`/api/v1/campaigns/${ids.campaignId}/close-appraisal`, { groupId: ids.groupId })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await (
          await t.as('chair')
        ).post(`/api/v1/campaigns/${ids.campaignId}/close-appraisal`, { groupId: ids.groupId })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await (
          await t.as('chair')
        ).put(itemUrl(C3, '1.1', 'appraisal'), { finalScore: 1, reason: 'other', comment: 'x', version: 1 })
      ).statusCode,
    ).toBe(409);
    // Today is 17/11: a decision "of 25/11" has not been issued yet.
    const future = await office.post(`/api/v1/campaigns/${ids.campaignId}/approve`, {
      groupId: ids.groupId,
      decisionNumber: '2500/QĐ-UBND',
      decisionDate: '2026-11-25',
      signer: 'Phó Chủ tịch UBND tỉnh',
    });
    expect([future.statusCode, code(future)]).toEqual([422, 'DECISION_DATE_IN_FUTURE']);
    const approved = await office.post(`/api/v1/campaigns/${ids.campaignId}/approve`, {
      groupId: ids.groupId,
      decisionNumber: '2500/QĐ-UBND',
      decisionDate: '2026-11-17',
      signer: 'Phó Chủ tịch UBND tỉnh',
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ campaignStatus: 'approved', pending: [] });
  });

  it('results use the final scores, N/A and timing: C2 never submitted is forced to the lowest band', async () => {
    const res = (await (await t.as('office')).get(`/api/v1/campaigns/${ids.campaignId}/results`)).json();
    const by = (c: string) => res.items.find((i: { unit: { code: string } }) => i.unit.code === c);
    expect(by('C1')).toMatchObject({ finalTotal: by('C1').selfTotal - 1.5, rank: 2, rankable: true, complete: true });
    expect(by('C3')).toMatchObject({ rank: 1 });
    expect(by('C2')).toMatchObject({
      rankable: false,
      lowestBandReason: 'not_submitted',
      band: { code: 'yeu' },
      rank: 3,
    });
    expect((await (await t.as('rep_c1')).get(`/api/v1/campaigns/${ids.campaignId}/results`)).statusCode).toBe(403);
  });

  it('publication: a snapshot whose digest recomputes and whose signature verifies with the published public key', async () => {
    const res = await (await t.as('office')).post(`/api/v1/campaigns/${ids.campaignId}/publish`, {});
    expect(res.statusCode).toBe(201);
    const meta = res.json().snapshot;
    expect(meta.version).toBe(1);
    const snap = (await (await t.as('rep_c1')).get(`/api/v1/snapshots/${meta.id}`)).json();
    expect(createHash('sha256').update(canonicalJson(snap.payload)).digest('hex')).toBe(meta.digest);
    const keys = (await t.anonymous.get('/api/v1/signing-keys')).json().items;
    const key = keys.find((k: { id: string }) => k.id === meta.keyId);
    expect(
      verifySnapshot({
        payload: snap.payload,
        digest: meta.digest,
        signature: meta.signature,
        publicKeyPem: key.publicKeyPem,
      }),
    ).toMatchObject({ valid: true });
    expect(
      verifySnapshot({
        payload: { ...snap.payload, reason: 'sửa lén' },
        digest: meta.digest,
        signature: meta.signature,
        publicKeyPem: key.publicKeyPem,
      }).valid,
    ).toBe(false);
    const c1 = snap.payload.results.find((r: { unit: { code: string } }) => r.unit.code === 'C1');
    expect(c1.items.find((i: { code: string }) => i.code === '1.1')).toMatchObject({
      self: 7.5,
      final: 6,
      notApplicable: false,
    });
    expect(snap.payload.groups[0].framework.code).toBe('thu-nghiem-xa');
    expect(snap.payload.approvals[0]).toMatchObject({ decisionNumber: '2500/QĐ-UBND' });
  });

  it("after publication every write on the campaign's assessments, reviews and requests → 409 INVALID_STATE", async () => {
    const chair = await t.as('chair');
    const calls = [
      chair.put(itemUrl(C1, '2.1', 'appraisal'), { finalScore: 1, reason: 'other', comment: 'x', version: 1 }),
      (await t.as('support')).put(itemUrl(C1, '2.1', 'review'), {
        proposedScore: 1,
        reason: 'other',
        comment: 'x',
        version: 1,
      }),
      chair.post(itemUrl(C1, '2.1', 'requests'), { kind: 'explanation', message: 'x', deadline: '2026-12-30' }),
      (await t.as('rep_c1')).put(`/api/v1/assessments/${C1}/items/1.2`, { inputs: { yes: false }, version: 1 }),
    ];
    for (const r of await Promise.all(calls)) expect([r.statusCode, code(r)]).toEqual([409, 'INVALID_STATE']);
  });

  it('a correction is version 2 with a reason; version 1 stays readable and unchanged', async () => {
    const office = await t.as('office');
    expect((await office.post(`/api/v1/campaigns/${ids.campaignId}/publish`, {})).statusCode).toBe(400);
    const v2 = await office.post(`/api/v1/campaigns/${ids.campaignId}/publish`, { reason: 'Đính chính tên người ký' });
    expect(v2.json().snapshot.version).toBe(2);
    const list = (await office.get(`/api/v1/campaigns/${ids.campaignId}/snapshots`)).json().items;
    expect(list.map((s: { version: number; reason: string | null }) => [s.version, s.reason])).toEqual([
      [1, null],
      [2, 'Đính chính tên người ký'],
    ]);
    const v1 = (await office.get(`/api/v1/snapshots/${list[0].id}`)).json();
    expect(
      verifySnapshot({ payload: v1.payload, digest: v1.digest, signature: v1.signature, publicKeyPem: v1.publicKeyPem })
        .valid,
    ).toBe(true);
  });

  it('the review view shows scores, reasons, the thread, evidence with SHA-256 and the item history', async () => {
    const view = (await (await t.as('rep_c1')).get(`/api/v1/assessments/${C1}/review`)).json();
    const i11 = view.items.find((i: { code: string }) => i.code === '1.1');
    expect(i11).toMatchObject({
      selfScore: 7.5,
      proposedScore: 5,
      finalScore: 6,
      finalReasonLabel: 'Tài liệu kiểm chứng chưa đủ',
    });
    expect(i11.history.map((h: { action: string }) => h.action)).toEqual([
      'assessment.item.save',
      'appraisal.item.propose',
      'appraisal.item.appraise',
    ]);
    expect(i11.history[2]).toMatchObject({
      before: { proposedScore: 5, finalScore: null },
      after: { finalScore: 6 },
      reason: 'Điều chỉnh theo biên bản',
    });
    const i12 = view.items.find((i: { code: string }) => i.code === '1.2');
    expect(i12.requests[0].replies[0].evidence[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(i12.evidence.some((e: { previewUrl: string | null }) => e.previewUrl)).toBe(true);
    expect(i12.history.map((h: { action: string }) => h.action)).toContain('appraisal.request.reply');
  });
});
