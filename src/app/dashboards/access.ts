// Who may see what on the dashboards. Units: by grants (dashboards-scope.ts), out of reach → 404.
// Results before publication follow GET /campaigns/{id}/results: the appraisers' and the office's only
// (the DX office or council over the owner, viewers over the owner, members of the group's body);
// once published, everybody who reaches the unit sees them.
import { campaignAbilities, holdsRoleOver } from '../../core/policy/index.ts';
import type { Role } from '../../core/policy/index.ts';
import type { Db } from '../../db/client.ts';
import { loadGroupsOf, myMemberships } from '../../db/queries/appraisal-bodies.ts';
import { type DashboardCampaign, campaignOfUnit } from '../../db/queries/dashboards.ts';
import { findUnitInScope } from '../../db/queries/dashboards-scope.ts';
import type { OrgUnitRow, ScopedActor } from '../../db/queries/org-units.ts';
import { ancestryOf } from '../../db/queries/unit-path.ts';
import { OperationError, notFound } from '../errors.ts';
import { PUBLISHED } from './result-set.ts';

export const unitNotFound = () => notFound('Không tìm thấy đơn vị.');
export const notParticipating = () => notFound('Đơn vị không tham gia kỳ đánh giá này.');

export async function unitOr404(
  db: Db,
  { actor, unitId, roles }: { actor: ScopedActor; unitId: string; roles: readonly Role[] },
): Promise<OrgUnitRow> {
  const unit = await findUnitInScope(db, actor, unitId, roles);
  if (!unit) throw unitNotFound();
  return unit;
}

/** The campaign asked for (or the latest) in which the unit — or one of its children — takes part; 404 otherwise. */
export async function campaignOr404(
  db: Db,
  { unitId, campaignId, children = false }: { unitId: string; campaignId: string | undefined; children?: boolean },
): Promise<DashboardCampaign> {
  const c = await campaignOfUnit(db, unitId, campaignId, children);
  if (!c) throw notParticipating();
  return c;
}

export async function mayReadUnpublished(db: Db, actor: ScopedActor, c: DashboardCampaign): Promise<boolean> {
  const owner = { id: c.ownerUnitId, ancestry: ancestryOf(c.ownerPath) };
  if (campaignAbilities(actor, { owner, status: c.status as never, actorParticipates: false }).viewProgress)
    return true;
  if (holdsRoleOver(actor, ['viewer'], owner)) return true;
  return (
    (
      await myMemberships(
        db,
        actor.userId,
        (await loadGroupsOf(db, c.id)).map((g) => g.id),
      )
    ).size > 0
  );
}

/** Why there is no result to show: nothing appraised yet, or not published and the caller may not see it early. */
export async function resultsUnavailable(
  db: Db,
  actor: ScopedActor,
  c: DashboardCampaign,
): Promise<'not_appraised' | 'not_published' | null> {
  if (PUBLISHED.includes(c.status)) return null;
  if (c.status !== 'under_appraisal' && c.status !== 'approved') return 'not_appraised';
  return (await mayReadUnpublished(db, actor, c)) ? null : 'not_published';
}

export function requireResults(reason: 'not_appraised' | 'not_published' | null): void {
  if (reason === 'not_appraised')
    throw new OperationError('INVALID_STATE', 'Kỳ đánh giá chưa có điểm thẩm định.', { reason });
  if (reason === 'not_published')
    throw new OperationError('FORBIDDEN', 'Kết quả chỉ công khai sau khi được phê duyệt và công bố.', { reason });
}

export const UNAVAILABLE_LABELS = {
  not_appraised: 'Kỳ đánh giá chưa có điểm thẩm định.',
  not_published: 'Kết quả chỉ công khai sau khi được phê duyệt và công bố.',
} as const;
