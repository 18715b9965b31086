// The confirmed node mapping from one index-set version to another, if the DX office saved one.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { frameworkMappings } from '../schema/frameworks.ts';

export async function savedMapping(db: Db, fromId: string, toId: string) {
  const [saved] = await db
    .select()
    .from(frameworkMappings)
    .where(and(eq(frameworkMappings.fromId, fromId), eq(frameworkMappings.toId, toId)))
    .limit(1);
  return saved;
}
