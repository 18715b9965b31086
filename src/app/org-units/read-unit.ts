// GET /org-units/{id}: one unit the reader may see, with its path from the root, lineage (mergers) and groups.
import type { Db } from '../../db/client.ts';
import { groupsOfUnit, unitLineage, unitRefs } from '../../db/queries/org-unit-detail.ts';
import { type ScopedActor, findReadableUnit } from '../../db/queries/org-units.ts';
import { ancestryOf } from '../../db/queries/unit-path.ts';
import { notFound } from '../errors.ts';
import { presentOrgUnit, todayInVietnam } from '../presenters/org-unit.ts';

/** `now` (the server clock) decides whether the unit shows as active. */
export async function readUnit(db: Db, { actor, id, now }: { actor: ScopedActor; id: string; now: Date }) {
  const unit = await findReadableUnit(db, actor, id);
  if (!unit) throw notFound('Không tìm thấy đơn vị.');
  const ancestry = ancestryOf(unit.path);
  const byId = new Map((await unitRefs(db, ancestry)).map((r) => [r.id, r]));
  return {
    ...presentOrgUnit(unit, actor, todayInVietnam(now)),
    path: ancestry.flatMap((a) => (byId.has(a) ? [byId.get(a)!] : [])),
    lineage: await unitLineage(db, unit.id),
    groups: await groupsOfUnit(db, unit.id),
  };
}
