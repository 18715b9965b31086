// The lists that show forms' progress — the unit's home list and inbox, the DX office's progress page and
// dashboards — always read the stored progress after bringing it up to date (refresh-progress.ts), so every
// list counts complete items and the self total as the form does (docs/decisions/0014).
import type { Db } from '../../db/client.ts';
import { type MineRow, listMyAssessments } from '../../db/queries/assessments-mine.ts';
import { type ProgressRow, campaignProgressRows } from '../../db/queries/campaign-progress.ts';
import type { ScopedActor } from '../../db/queries/org-units.ts';
import { refreshProgress } from './refresh-progress.ts';

export type { MineRow, ProgressRow };

/** The caller's forms (reporter/leader home), with progress as the form counts it. */
export async function myAssessments(db: Db, actor: ScopedActor): Promise<MineRow[]> {
  const rows = await listMyAssessments(db, actor);
  const refreshed = await refreshProgress(db, { assessmentIds: rows.map((r) => r.id) });
  return refreshed > 0 ? listMyAssessments(db, actor) : rows;
}

/** One campaign's progress rows (one statement over the stored progress, after the refresh). */
export async function campaignProgress(
  db: Db,
  campaignId: string,
  f: Parameters<typeof campaignProgressRows>[2],
): Promise<ProgressRow[]> {
  await refreshProgress(db, { campaignId });
  return campaignProgressRows(db, campaignId, f);
}
