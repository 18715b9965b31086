// GET /campaigns/{id}/derived-ranking: the staff's view of the dual ranking of a PUBLISHED campaign (the
// results page): every group whose units have merged, split or ended since, ranked as today's units from
// the signed snapshot's stored percents (publication/derived-ranking.ts). Anyone who may read the campaign
// may read it — its figures are public once published; before publication there is nothing to derive from.
import type { Db } from '../../db/client.ts';
import type { ScopedActor } from '../../db/queries/org-units.ts';
import type { DerivedRankingList } from '../../contract/derived-ranking.ts';
import { loadAppraisalCampaign } from '../appraisal/campaign-appraisal-access.ts';
import { OperationError } from '../errors.ts';
import { derivedRankings } from '../publication/derived-ranking.ts';
import { latestPublished, snapshotView } from '../publication/public-snapshots.ts';
import { todayInVietnam } from '../presenters/org-unit.ts';

export async function readDerivedRanking(
  db: Db,
  { actor, campaignId, asOf, now }: { actor: ScopedActor; campaignId: string; asOf: string | undefined; now: Date },
): Promise<DerivedRankingList> {
  await loadAppraisalCampaign(db, { actor, campaignId });
  const meta = await latestPublished(db, campaignId);
  if (!meta)
    throw new OperationError(
      'INVALID_STATE',
      'Bảng xếp hạng quy đổi chỉ có khi kỳ đánh giá đã công bố (được tính từ kết quả đã công bố).',
    );
  return { groups: await derivedRankings(db, await snapshotView(db, meta), asOf ?? todayInVietnam(now)) };
}
