// draft → open → self-assessment closed → under appraisal → approved → published → archived.
import { describe, expect, it } from 'vitest';
import {
  CAMPAIGN_STATUSES,
  acceptsSelfAssessment,
  availableActions,
  isCampaignEditable,
  nextCampaignStatus,
} from '../../../src/core/campaign/index.ts';

describe('campaign status machine', () => {
  it('walks the whole life of a campaign', () => {
    let s = nextCampaignStatus('draft', 'open');
    expect(s).toBe('open');
    s = nextCampaignStatus(s!, 'close_self_assessment');
    expect(s).toBe('self_assessment_closed');
    s = nextCampaignStatus(s!, 'start_appraisal');
    expect(s).toBe('under_appraisal');
    s = nextCampaignStatus(s!, 'approve');
    expect(s).toBe('approved');
    s = nextCampaignStatus(s!, 'publish');
    expect(s).toBe('published');
    expect(nextCampaignStatus(s!, 'archive')).toBe('archived');
  });

  it('refuses skipping steps and going back after appraisal starts', () => {
    expect(nextCampaignStatus('draft', 'publish')).toBeNull();
    expect(nextCampaignStatus('open', 'approve')).toBeNull();
    expect(nextCampaignStatus('under_appraisal', 'reopen_self_assessment')).toBeNull();
    expect(nextCampaignStatus('archived', 'open')).toBeNull();
  });

  it('self-assessment can be reopened while appraisal has not started', () => {
    expect(nextCampaignStatus('self_assessment_closed', 'reopen_self_assessment')).toBe('open');
  });

  it('every status but archived has a way forward', () => {
    for (const s of CAMPAIGN_STATUSES) expect(availableActions(s).length > 0).toBe(s !== 'archived');
  });

  it('settings are editable only in draft; entries only while open', () => {
    expect(CAMPAIGN_STATUSES.filter(isCampaignEditable)).toEqual(['draft']);
    expect(CAMPAIGN_STATUSES.filter(acceptsSelfAssessment)).toEqual(['open']);
  });
});
