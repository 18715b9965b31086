// 001 II.3.b: "Trong quá trình thẩm định, UBND các xã, thị trấn có thể bổ sung kết quả … bằng tài liệu kiểm
// chứng hoặc giải trình để chứng minh hoặc làm rõ thêm điểm tự chấm" — who may supplement, and when.
import { describe, expect, it } from 'vitest';
import { reviewFlags } from '../../../src/core/appraisal/index.ts';
import { type Actor, type SupplementContext, supplementRefusal } from '../../../src/core/policy/index.ts';

const C1 = { id: 'C1', ancestry: ['P', 'D1', 'C1'] };
const C2 = { id: 'C2', ancestry: ['P', 'D1', 'C2'] };
const actor = (role: string, unitId: string, subtree = false): Actor => ({
  userId: role,
  grants: [{ role: role as never, unitId, subtree }],
});
const reporter = actor('unit_reporter', 'C1');
const leader = actor('unit_leader', 'C1');
const during = (over: Partial<SupplementContext> = {}): SupplementContext => ({
  unit: C1,
  campaignStatus: 'under_appraisal',
  assessmentStatus: 'submitted',
  groupClosed: false,
  supplementDeadline: null,
  today: '2026-11-20',
  ...over,
});

describe('a unit supplements its evidence during appraisal, on its own', () => {
  it("the unit's reporter and leader may, during the pre-review and the appraisal", () => {
    expect(supplementRefusal(reporter, during())).toBeNull();
    expect(supplementRefusal(leader, during())).toBeNull();
    expect(supplementRefusal(reporter, during({ campaignStatus: 'self_assessment_closed' }))).toBeNull();
  });

  it('not before appraisal: while the self-assessment is open the unit edits its form instead', () => {
    expect(supplementRefusal(reporter, during({ campaignStatus: 'open' }))).toBe('appraisal_not_started');
    expect(supplementRefusal(reporter, during({ campaignStatus: 'draft' }))).toBe('appraisal_not_started');
  });

  it('not after appraisal: approved, published, archived', () => {
    for (const s of ['approved', 'published', 'archived'] as const)
      expect(supplementRefusal(reporter, during({ campaignStatus: s }))).toBe('appraisal_over');
  });

  it('not once the council has closed the group', () => {
    expect(supplementRefusal(reporter, during({ groupClosed: true }))).toBe('appraisal_closed');
  });

  it('until the end of the supplement deadline (a Vietnamese calendar day), not the day after', () => {
    expect(supplementRefusal(reporter, during({ supplementDeadline: '2026-11-21' }))).toBeNull();
    expect(supplementRefusal(reporter, during({ supplementDeadline: '2026-11-20' }))).toBeNull();
    expect(supplementRefusal(reporter, during({ supplementDeadline: '2026-11-19' }))).toBe('deadline_passed');
  });

  it('a unit that never submitted has nothing under appraisal to supplement', () => {
    expect(supplementRefusal(reporter, during({ assessmentStatus: 'draft' }))).toBe('not_submitted');
  });

  it("not another unit's staff, nor the council, the support team, the DX office or a viewer", () => {
    expect(supplementRefusal(actor('unit_reporter', 'C2'), during())).toBe('not_unit_staff');
    expect(supplementRefusal(reporter, during({ unit: C2 }))).toBe('not_unit_staff');
    for (const role of ['council_member', 'council_chair', 'support_team', 'dx_office', 'viewer'])
      expect(supplementRefusal(actor(role, 'P', true), during())).toBe('not_unit_staff');
  });

  it("a district's unit staff grant covering its communes reaches them (subtree)", () => {
    expect(supplementRefusal(actor('unit_reporter', 'D1', true), during())).toBeNull();
  });
});

describe('"Bổ sung từ lần xem trước" in the reviewer\'s queue', () => {
  const base = {
    node: { code: '1.1', title: 'Chỉ số 1.1', maxPoints: 10, method: { kind: 'yesno' as const } },
    inputs: { yes: true },
    selfScore: 10,
    evidenceCount: 1,
    duplicateUnits: [],
    lastYearFinal: null,
    changeShare: 0.5,
  };
  it('supplements after the last look raise the flag with their count and the latest time', () => {
    expect(reviewFlags({ ...base, supplementsSinceLook: { count: 2, lastAt: '2026-11-17T03:00:00.000Z' } })).toEqual([
      { kind: 'supplemented_since_last_look', count: 2, lastAt: '2026-11-17T03:00:00.000Z' },
    ]);
  });
  it('none since the last look (or none at all) → no flag', () => {
    expect(reviewFlags(base)).toEqual([]);
    expect(reviewFlags({ ...base, supplementsSinceLook: { count: 0, lastAt: '2026-11-17T03:00:00.000Z' } })).toEqual(
      [],
    );
  });
});
