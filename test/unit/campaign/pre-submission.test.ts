// "Kiểm tra trước khi nộp" (issue 13 §6): the reporter runs the same check the submission runs, and is
// told what sending today would mean — even when only the leader may send it (the campaign's rule).
import { describe, expect, it } from 'vitest';
import { preSubmissionCheck, type ItemEntry, type PreSubmissionInput } from '../../../src/core/campaign/index.ts';
import type { FrameworkDefinition } from '../../../src/core/framework/types.ts';

const definition: FrameworkDefinition = {
  code: 't',
  name: 'T',
  decision: { number: '1', issuer: 'UBND' },
  appliesTo: { unitTypes: ['commune'] },
  nodes: [
    {
      code: '1',
      title: 'Nhận thức số',
      maxPoints: 20,
      children: [
        { code: '1.1', title: 'Ban chỉ đạo', maxPoints: 10, method: { kind: 'yesno' } },
        { code: '1.2', title: 'Kế hoạch', maxPoints: 10, method: { kind: 'yesno' } },
      ],
    },
  ],
};
const filled = (code: string): [string, ItemEntry] => [
  code,
  { code, inputs: { yes: true }, selfScore: 10, explanation: 'Có quyết định thành lập', evidenceCount: 0 },
];
const base: PreSubmissionInput = {
  definition,
  entries: new Map([filled('1.1'), filled('1.2')]),
  rules: {
    lateSubmission: { toleranceDays: 5, penaltyPoints: 100, beyondTolerance: 'lowest_band' },
    nonSubmission: 'lowest_band',
    reportersMaySubmit: false,
  },
  kind: 'annual',
  campaignStatus: 'open',
  deadline: '2026-11-25',
  submitted: false,
  reopened: 0,
  callerMaySubmit: true,
  now: new Date('2026-11-20T03:00:00Z'),
};

describe('Kiểm tra trước khi nộp', () => {
  it('everything filled, on time, the leader asking: ready, nothing to say', () => {
    expect(preSubmissionCheck(base)).toEqual({ ready: true, problems: [], notices: [] });
  });

  it('the reporter, when only the leader sends: still ready, and told that the leader sends it', () => {
    expect(preSubmissionCheck({ ...base, callerMaySubmit: false }).notices).toEqual([
      { code: 'LEADER_SUBMITS', level: 'info' },
    ]);
  });

  it('the reporter, when reporters may send too: told that the leader or a reporter sends it', () => {
    const rules = { ...base.rules, reportersMaySubmit: true };
    expect(preSubmissionCheck({ ...base, rules, callerMaySubmit: false }).notices).toEqual([
      { code: 'LEADER_OR_REPORTER_SUBMITS', level: 'info' },
    ]);
  });

  it('every item problem is listed, not only the first', () => {
    const r = preSubmissionCheck({ ...base, entries: new Map() });
    expect(r.ready).toBe(false);
    expect(r.problems.map((p) => [p.code, p.problem])).toEqual([
      ['1.1', 'ITEM_NOT_FILLED'],
      ['1.2', 'ITEM_NOT_FILLED'],
    ]);
  });

  it('2 days late within the tolerance of 5 (002 Điều 8.3): it goes through, with the penalty stated', () => {
    expect(preSubmissionCheck({ ...base, now: new Date('2026-11-27T03:00:00Z') }).notices).toEqual([
      { code: 'LATE', level: 'info', timing: { code: 'late_penalised', params: { days: 2, points: 100 } } },
    ]);
  });

  it('beyond the tolerance under the refuse rule: blocking', () => {
    const r = preSubmissionCheck({
      ...base,
      rules: { ...base.rules, lateSubmission: { ...base.rules.lateSubmission, beyondTolerance: 'refuse' } },
      now: new Date('2026-12-03T03:00:00Z'),
    });
    expect(r).toMatchObject({
      ready: false,
      notices: [{ code: 'WOULD_BE_REFUSED', level: 'blocking', timing: { code: 'late_refused', params: { days: 8 } } }],
    });
  });

  it('a closed campaign, or one already submitted, blocks', () => {
    expect(preSubmissionCheck({ ...base, campaignStatus: 'self_assessment_closed' }).notices[0]?.code).toBe(
      'CAMPAIGN_NOT_OPEN',
    );
    expect(preSubmissionCheck({ ...base, submitted: true }).notices.map((n) => n.code)).toEqual(['ALREADY_SUBMITTED']);
    expect(preSubmissionCheck({ ...base, submitted: true, reopened: 1 }).ready).toBe(true);
  });
});
