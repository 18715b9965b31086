// Issue 14 §1: "a unit may object to the final score of specific items within a window set in the rules
// (e.g. 5 working days) … The council (the body of that group) answers each objection." Who may object,
// when the window opens and closes (working days skip Saturday and Sunday), and who answers.
import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWeekend } from '../../../src/core/campaign/index.ts';
import {
  type Actor,
  type AppraisalContext,
  type ObjectionContext,
  canAnswerObjection,
  itemObjectionRefusal,
  objectionRefusal,
  objectionWindow,
} from '../../../src/core/policy/index.ts';

const C1 = { id: 'C1', ancestry: ['P', 'D1', 'C1'] };
const actor = (role: string, unitId: string, subtree = false): Actor => ({
  userId: role,
  grants: [{ role: role as never, unitId, subtree }],
});
const reporter = actor('unit_reporter', 'C1');
const leader = actor('unit_leader', 'C1');
// Approved on Wednesday 2026-11-11; 5 working days → Wednesday 2026-11-18 (the weekend skipped).
const ctx = (over: Partial<ObjectionContext> = {}): ObjectionContext => ({
  unit: C1,
  campaignStatus: 'approved',
  rules: { objectionWindowDays: 5 },
  openedOn: '2026-11-11',
  today: '2026-11-12',
  ...over,
});

describe('working days', () => {
  it('Saturday and Sunday are not working days', () => {
    expect(isWeekend('2026-11-14')).toBe(true);
    expect(isWeekend('2026-11-15')).toBe(true);
    expect(isWeekend('2026-11-16')).toBe(false);
  });
  it('counted from the day after: Wednesday + 5 → next Wednesday; Friday + 1 → Monday; Saturday + 1 → Monday', () => {
    expect(addWorkingDays('2026-11-11', 5)).toBe('2026-11-18');
    expect(addWorkingDays('2026-11-13', 1)).toBe('2026-11-16');
    expect(addWorkingDays('2026-11-14', 1)).toBe('2026-11-16');
    expect(addWorkingDays('2026-11-13', 5)).toBe('2026-11-20');
  });
});

describe('the objection window', () => {
  it('absent from the rules → objections are not offered', () => {
    expect(objectionWindow({}, '2026-11-11')).toBeNull();
    expect(objectionRefusal(reporter, ctx({ rules: {} }))).toBe('not_offered');
  });
  it('opens on the day of the approval and closes at the end of the 5th working day after it', () => {
    expect(objectionWindow({ objectionWindowDays: 5 }, '2026-11-11')).toEqual({
      from: 'approval',
      opens: '2026-11-11',
      closes: '2026-11-18',
    });
    expect(objectionRefusal(reporter, ctx({ today: '2026-11-11' }))).toBeNull();
    expect(objectionRefusal(reporter, ctx({ today: '2026-11-18' }))).toBeNull();
    expect(objectionRefusal(reporter, ctx({ today: '2026-11-19' }))).toBe('window_closed');
  });
  it('the day before it opens (not yet approved) → not_yet_open', () => {
    expect(objectionRefusal(reporter, ctx({ campaignStatus: 'under_appraisal', openedOn: null }))).toBe('not_yet_open');
    expect(objectionRefusal(reporter, ctx({ today: '2026-11-10' }))).toBe('not_yet_open');
  });
  it('from publication: an approved but unpublished campaign is not open; published opens it', () => {
    const rules = { objectionWindowDays: 5, objectionsFrom: 'publication' as const };
    expect(objectionRefusal(reporter, ctx({ rules, openedOn: null }))).toBe('not_yet_open');
    expect(objectionRefusal(reporter, ctx({ rules, campaignStatus: 'published' }))).toBeNull();
  });
  it("only the unit's own reporter and leader; not another unit's, not the office, not the council", () => {
    expect(objectionRefusal(leader, ctx())).toBeNull();
    expect(objectionRefusal(actor('unit_reporter', 'C2'), ctx())).toBe('not_unit_staff');
    expect(objectionRefusal(actor('dx_office', 'P', true), ctx())).toBe('not_unit_staff');
    expect(objectionRefusal(actor('council_chair', 'P', true), ctx())).toBe('not_unit_staff');
  });
  it('per item: decided, its final score shown to the unit, and one open objection at a time', () => {
    expect(
      itemObjectionRefusal(reporter, ctx(), { decided: true, shownToUnit: true, openObjection: false }),
    ).toBeNull();
    expect(itemObjectionRefusal(reporter, ctx(), { decided: false, shownToUnit: false, openObjection: false })).toBe(
      'item_not_decided',
    );
    expect(itemObjectionRefusal(reporter, ctx(), { decided: true, shownToUnit: false, openObjection: false })).toBe(
      'result_not_shown',
    );
    expect(itemObjectionRefusal(reporter, ctx(), { decided: true, shownToUnit: true, openObjection: true })).toBe(
      'objection_open',
    );
    expect(
      itemObjectionRefusal(reporter, ctx({ today: '2026-11-19' }), {
        decided: true,
        shownToUnit: true,
        openObjection: false,
      }),
    ).toBe('window_closed');
  });
});

describe('who answers', () => {
  const council = (position: string | null, nodeCodes: string[] = []): AppraisalContext => ({
    campaignStatus: 'approved',
    bodyKind: 'council',
    membership: position ? { position: position as never, assignment: { nodeCodes, domains: [], unitIds: [] } } : null,
    unit: C1,
    parent: { id: 'D1', ancestry: ['P', 'D1'] },
  });
  const someone = actor('viewer', 'P', true);
  it('the chair, the vice chair and the member assigned to the item; not the support team or the secretary', () => {
    expect(canAnswerObjection(someone, council('chair'), { code: '2.1' })).toBe(true);
    expect(canAnswerObjection(someone, council('vice_chair'), { code: '2.1' })).toBe(true);
    expect(canAnswerObjection(someone, council('member', ['2']), { code: '2.1' })).toBe(true);
    expect(canAnswerObjection(someone, council('member', ['1']), { code: '2.1' })).toBe(false);
    expect(canAnswerObjection(someone, council('support'), { code: '2.1' })).toBe(false);
    expect(canAnswerObjection(someone, council('secretary'), { code: '2.1' })).toBe(false);
    expect(canAnswerObjection(someone, council(null), { code: '2.1' })).toBe(false);
  });
  it('only once the results are approved', () => {
    expect(
      canAnswerObjection(someone, { ...council('chair'), campaignStatus: 'under_appraisal' }, { code: '2.1' }),
    ).toBe(false);
    expect(canAnswerObjection(someone, { ...council('chair'), campaignStatus: 'published' }, { code: '2.1' })).toBe(
      true,
    );
  });
  it('a parent-unit group: the district chair or member on the parent', () => {
    const ctxP: AppraisalContext = { ...council(null), bodyKind: 'parent_unit' };
    expect(canAnswerObjection(actor('council_member', 'D1'), ctxP, { code: '2.1' })).toBe(true);
    expect(canAnswerObjection(actor('support_team', 'D1'), ctxP, { code: '2.1' })).toBe(false);
  });
});
