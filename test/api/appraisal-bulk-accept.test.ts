// POST /appraisal/bulk-accept reads and writes every listed item in one statement: a stale version
// anywhere → 409 with the current values and nothing written; ?use=proposed carries the support team's
// proposal (score, reason, comment) where there is one and the self score elsewhere; each assessment gets
// one audit entry with every item's before → after under its code (decision 0028) on its unit's chain, the
// chains still verify, and each item's history shows its part.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/db/audit/verify-audit.ts';
import { rowsOf } from '../../src/db/queries/assessments.ts';
import { type AppraisalIds, appraisalCampaign, itemUrl } from '../support/appraisal-fixture.ts';
import { type TestApp, createTestApp } from '../support/test-app.ts';

let now = new Date('2026-11-10T03:00:00Z');
let t: TestApp;
let ids: AppraisalIds;
let C1: string;
beforeAll(async () => {
  t = await createTestApp({ clock: () => now });
  ids = await appraisalCampaign(t);
  C1 = ids.assessments.C1!;
  now = new Date('2026-11-17T03:00:00Z');
});
afterAll(() => t.close());

type Audit = { object_id: string; unit_id: string; before: unknown; after: unknown; reason: string | null };
const audits = async (): Promise<Audit[]> =>
  rowsOf<Audit>(
    await t.database.db.execute(
      sql`select object_id, unit_id, before, after, reason from audit_log where action = 'appraisal.items.accept' order by id`,
    ),
  ).map((r) => ({
    ...r,
    before: typeof r.before === 'string' ? JSON.parse(r.before) : r.before,
    after: typeof r.after === 'string' ? JSON.parse(r.after) : r.after,
  }));

type Review = {
  final_score: number | null;
  final_reason: string | null;
  final_comment: string | null;
  version: number;
};
const review = async (code: string): Promise<Review | undefined> =>
  rowsOf<Review>(
    await t.database.db.execute(
      sql`select final_score, final_reason, final_comment, version from item_reviews where assessment_id = ${C1}::uuid and code = ${code}`,
    ),
  ).map((r) => ({
    ...r,
    final_score: r.final_score === null ? null : Number(r.final_score),
    version: Number(r.version),
  }))[0];

describe('bulk accept', () => {
  it('a stale version → 409 with the current values; nothing written, nothing audited', async () => {
    const support = await t.as('support');
    const proposed = await support.put(itemUrl(C1, '1.1', 'review'), {
      proposedScore: 5,
      reason: 'insufficient_evidence',
      comment: 'Thiếu biên bản',
      version: 0,
    });
    expect(proposed.statusCode).toBe(200);
    const chair = await t.as('chair');
    const res = await chair.post('/api/v1/appraisal/bulk-accept', {
      items: [
        { assessmentId: C1, code: '1.2', version: 0 },
        { assessmentId: C1, code: '1.1', version: 0 },
      ],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('VERSION_CONFLICT');
    expect(res.json().error.details.current).toEqual([
      expect.objectContaining({ assessmentId: C1, code: '1.1', selfScore: 7.5, proposedScore: 5, version: 1 }),
    ]);
    expect(await review('1.2')).toBeUndefined();
    expect(await audits()).toEqual([]);
  });

  it('?use=proposed: the proposal where there is one, the self score elsewhere; one audit entry for the assessment', async () => {
    const chair = await t.as('chair');
    const res = await chair.post('/api/v1/appraisal/bulk-accept?use=proposed', {
      items: [
        { assessmentId: C1, code: '1.1', version: 1 },
        { assessmentId: C1, code: '1.2', version: 0 },
      ],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ accepted: 2 });
    expect(await review('1.1')).toEqual({
      final_score: 5,
      final_reason: 'insufficient_evidence',
      final_comment: 'Thiếu biên bản',
      version: 2,
    });
    expect(await review('1.2')).toEqual({ final_score: 10, final_reason: null, final_comment: null, version: 1 });
    const entries = await audits();
    // What the accept changed, old → new: the score alone where only the score changed; with the proposal
    // carried over, its reason and comment too. The self score and the proposal are not the accept's to record.
    expect(entries).toEqual([
      {
        object_id: C1,
        unit_id: t.unit('C1'),
        before: {
          '1.1': { finalScore: null, finalReason: null, finalComment: null },
          '1.2': null,
        },
        after: {
          '1.1': { finalScore: 5, finalReason: 'insufficient_evidence', finalComment: 'Thiếu biên bản' },
          '1.2': 10,
        },
        reason: null,
      },
    ]);
    // Each item's history shows its own part of the entry, as an accept of that item.
    const view = (await chair.get(`/api/v1/assessments/${C1}/review`)).json();
    const history = (code: string) => view.items.find((i: { code: string }) => i.code === code).history;
    expect(history('1.1').at(-1)).toMatchObject({
      action: 'appraisal.item.accept',
      before: { finalScore: null },
      after: { finalScore: 5, finalReason: 'insufficient_evidence' },
      reason: 'Thiếu biên bản',
    });
    expect(history('1.2').at(-1)).toMatchObject({
      action: 'appraisal.item.accept',
      before: { finalScore: null },
      after: { finalScore: 10 },
      reason: null,
    });
    expect(history('1.3').map((h: { action: string }) => h.action)).not.toContain('appraisal.item.accept');
    expect((await verifyAuditChain(t.database.db)).problems).toEqual([]);
  });
});
