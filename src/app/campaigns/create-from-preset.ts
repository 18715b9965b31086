// POST /campaigns/from-preset: the decision's rules come with the index set (definition.rules), so a
// campaign is set up by naming the groups and their published versions: rules from the first group's
// set, and for every group its reporting period, self-assessment deadline and appraiser
// (campaignDefaultsFromPreset). Participating units are each unit group's current members.
import { campaignDefaultsFromPreset } from '../../core/campaign/index.ts';
import type { Db } from '../../db/client.ts';
import type { CampaignWho } from './campaign-access.ts';
import { checkOwner, insertCampaign } from './create-campaign.ts';
import { publishedFramework } from './group-input.ts';

export interface FromPresetInput {
  year: number;
  ownerUnitId: string;
  name?: string;
  groups: { unitGroupId: string; frameworkId: string; name?: string }[];
}

export async function createCampaignFromPreset(db: Db, who: CampaignWho, input: FromPresetInput): Promise<string> {
  return db.transaction(async (tx) => {
    const owner = await checkOwner(tx, who, input.ownerUnitId);
    const groups = [];
    let rules = null;
    for (const g of input.groups) {
      const fw = await publishedFramework(tx, g.frameworkId);
      const d = campaignDefaultsFromPreset(fw.definition.rules, input.year);
      rules ??= d.rules;
      groups.push({
        unitGroupId: g.unitGroupId,
        frameworkId: g.frameworkId,
        ...(g.name ? { name: g.name } : {}),
        reportingPeriod: d.reportingPeriod,
        deadlines: { selfAssessment: d.selfAssessmentDeadline },
        appraiser: d.appraiser,
      });
    }
    const name = input.name?.trim() || `Đánh giá chỉ số chuyển đổi số năm ${input.year} — ${owner.name}`;
    return insertCampaign(tx, {
      who,
      input: {
        name,
        year: input.year,
        kind: 'annual',
        ownerUnitId: owner.id,
        rules: rules ?? campaignDefaultsFromPreset(undefined, input.year).rules,
        groups,
      },
      ownerPath: owner.path,
      reason: 'Tạo từ bộ chỉ số có sẵn',
    });
  });
}
