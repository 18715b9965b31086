// Who may do what with a campaign and a unit's assessment, as plain rules.
import { describe, expect, it } from 'vitest';
import {
  assessmentAbilities,
  campaignAbilities,
  canCreateCampaign,
  itemEditRefusal,
  type Actor,
  type AssessmentRef,
  type CampaignRef,
} from '../../../src/core/policy/index.ts';

const P = { id: 'P', ancestry: ['P'] };
const D1 = { id: 'D1', ancestry: ['P', 'D1'] };
const C1 = { id: 'C1', ancestry: ['P', 'D1', 'C1'] };
const actor = (role: string, unitId: string, subtree = true): Actor => ({
  userId: role,
  grants: [{ role: role as never, unitId, subtree }],
});

const provincial = (status: CampaignRef['status'], participates = false): CampaignRef => ({
  owner: P,
  status,
  actorParticipates: participates,
});
const assessment = (over: Partial<AssessmentRef> = {}): AssessmentRef => ({
  unit: C1,
  campaignOwner: P,
  campaignStatus: 'open',
  status: 'draft',
  reportersMaySubmit: false,
  ...over,
});

describe('campaigns', () => {
  it('the provincial DX office runs the provincial campaign; settings only while in draft', () => {
    const office = actor('dx_office', 'P');
    expect(campaignAbilities(office, provincial('draft'))).toMatchObject({
      read: true,
      update: true,
      transition: true,
      delete: true,
    });
    expect(campaignAbilities(office, provincial('open'))).toMatchObject({
      update: false,
      transition: true,
      reopenAssessments: true,
      delete: false,
    });
  });

  it('a district DX office cannot run the provincial campaign, but runs its own communes’ campaign', () => {
    const district = actor('dx_office', 'D1');
    expect(campaignAbilities(district, provincial('draft')).transition).toBe(false);
    expect(campaignAbilities(district, { owner: D1, status: 'draft', actorParticipates: false }).transition).toBe(true);
  });

  it('a participating unit reads the campaign but cannot change it', () => {
    const reporter = actor('unit_reporter', 'C1', false);
    expect(campaignAbilities(reporter, provincial('open', true))).toMatchObject({
      read: true,
      update: false,
      transition: false,
      viewProgress: false,
    });
    expect(campaignAbilities(reporter, provincial('open', false)).read).toBe(false);
  });

  it('only system administrators and DX offices create campaigns', () => {
    expect(canCreateCampaign(actor('dx_office', 'D1'))).toBe(true);
    expect(canCreateCampaign(actor('council_chair', 'P'))).toBe(false);
  });
});

describe("a unit's assessment", () => {
  it('reporters and the leader enter figures while the campaign is open and the assessment is not submitted', () => {
    expect(assessmentAbilities(actor('unit_reporter', 'C1', false), assessment()).edit).toBe(true);
    expect(assessmentAbilities(actor('unit_reporter', 'C1', false), assessment({ status: 'submitted' })).edit).toBe(
      false,
    );
    expect(
      assessmentAbilities(actor('unit_reporter', 'C1', false), assessment({ campaignStatus: 'self_assessment_closed' }))
        .edit,
    ).toBe(false);
  });

  it('the leader submits; a reporter only when the campaign allows it', () => {
    expect(assessmentAbilities(actor('unit_leader', 'C1', false), assessment()).submit).toBe(true);
    expect(assessmentAbilities(actor('unit_reporter', 'C1', false), assessment()).submit).toBe(false);
    expect(
      assessmentAbilities(actor('unit_reporter', 'C1', false), assessment({ reportersMaySubmit: true })).submit,
    ).toBe(true);
  });

  it('the DX office reopens a submitted assessment and records submissions received by post', () => {
    const office = actor('dx_office', 'P');
    expect(assessmentAbilities(office, assessment({ status: 'submitted' }))).toMatchObject({
      read: true,
      reopen: true,
      edit: false,
    });
    expect(assessmentAbilities(office, assessment()).recordSubmission).toBe(true);
  });

  it('another unit’s staff cannot even read it; the council and viewers read it', () => {
    expect(assessmentAbilities(actor('unit_reporter', 'C3', false), assessment()).read).toBe(false);
    expect(assessmentAbilities(actor('council_member', 'P'), assessment())).toMatchObject({
      read: true,
      edit: false,
      submit: false,
    });
    expect(assessmentAbilities(actor('viewer', 'P'), assessment()).read).toBe(true);
  });

  it('one item: after submission only an item the DX office reopened may change, and only while the campaign is open', () => {
    const reporter = actor('unit_reporter', 'C1', false);
    const submitted = assessment({ status: 'submitted' });
    expect(itemEditRefusal(reporter, assessment(), null)).toBeNull();
    expect(itemEditRefusal(reporter, submitted, { reopened: false })).toBe('submitted');
    expect(itemEditRefusal(reporter, submitted, null)).toBe('submitted');
    expect(itemEditRefusal(reporter, submitted, { reopened: true })).toBeNull();
    expect(assessmentAbilities(reporter, submitted)).toMatchObject({ edit: false, editReopened: true });
    expect(
      itemEditRefusal(reporter, assessment({ status: 'submitted', campaignStatus: 'self_assessment_closed' }), {
        reopened: true,
      }),
    ).toBe('campaign_closed');
    expect(itemEditRefusal(actor('dx_office', 'P'), submitted, { reopened: true })).toBe('not_unit_staff');
    expect(itemEditRefusal(actor('unit_reporter', 'C3', false), assessment(), null)).toBe('not_unit_staff');
  });
});
