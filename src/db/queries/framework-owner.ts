// The unit a new index set defaults to when no role names one (app/frameworks/framework-owner.ts): the
// first root of the unit tree, oldest first, then by code.
import { asc, isNull } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { orgUnits } from '../schema/org.ts';

export async function firstRootUnitId(db: Db): Promise<string | undefined> {
  const [root] = await db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(isNull(orgUnits.parentId))
    .orderBy(asc(orgUnits.createdAt), asc(orgUnits.code))
    .limit(1);
  return root?.id;
}
