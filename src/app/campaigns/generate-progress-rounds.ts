// POST /campaigns/{id}/progress-rounds: the 3/6/9-month progress reports of an annual campaign
// (000 Điều 7.2) as draft progress campaigns: same owner, rules, groups, index-set versions and units;
// deadline the 14th of each quarter's last month (progressRounds). Rounds that already exist are
// skipped. Opening a round pre-fills it from each unit's latest figures (transition-campaign).
import { progressRounds } from '../../core/campaign/index.ts';
import type { Db } from '../../db/client.ts';
import { campaignGroupUnitIds } from '../../db/queries/campaign-groups.ts';
import { progressRoundMonths } from '../../db/queries/campaign-writes.ts';
import { loadCampaignGroups } from '../../db/queries/campaigns.ts';
import { OperationError } from '../errors.ts';
import { type CampaignWho, loadCampaignForChange } from './campaign-access.ts';
import { insertCampaign } from './create-campaign.ts';

export async function generateProgressRounds(
  db: Db,
  { who, id, input }: { who: CampaignWho; id: string; input: { months?: number[] } },
): Promise<string[]> {
  return db.transaction(async (tx) => {
    const parent = await loadCampaignForChange(tx, { who, id, ability: 'transition' });
    if (parent.campaign.kind !== 'annual')
      throw new OperationError('INVALID_STATE', 'Chỉ tạo được báo cáo tiến độ từ kỳ đánh giá hằng năm.');
    const existing = new Set(await progressRoundMonths(tx, id));
    const groups = (await loadCampaignGroups(tx, [id])).get(id) ?? [];
    const created: string[] = [];
    for (const round of progressRounds(parent.campaign.year, input.months ?? [3, 6, 9], parent.campaign.name)) {
      if (existing.has(round.months)) continue;
      const groupInputs = [];
      for (const g of groups) {
        const unitIds = await campaignGroupUnitIds(tx, g.id);
        groupInputs.push({
          unitGroupId: g.unitGroupId ?? '',
          frameworkId: g.frameworkId,
          name: g.name,
          reportingPeriod: round.reportingPeriod,
          deadlines: { selfAssessment: round.deadline },
          appraiser: g.appraiser as 'council' | 'parent_unit',
          unitIds,
        });
      }
      created.push(
        await insertCampaign(tx, {
          who,
          input: {
            name: round.name,
            year: parent.campaign.year,
            kind: 'progress',
            ownerUnitId: parent.campaign.ownerUnitId,
            rules: parent.campaign.rules,
            groups: groupInputs,
            parentCampaignId: id,
            progressMonths: round.months,
          },
          ownerPath: parent.ownerPath,
          reason: `Báo cáo tiến độ ${round.months} tháng`,
        }),
      );
    }
    return created;
  });
}
