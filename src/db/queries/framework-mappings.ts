// The confirmed node mapping from one index-set version to another, if the DX office saved one.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { type MappingPair, frameworkMappings } from '../schema/frameworks.ts';

export async function savedMapping(db: Db, fromId: string, toId: string) {
  const [saved] = await db
    .select()
    .from(frameworkMappings)
    .where(and(eq(frameworkMappings.fromId, fromId), eq(frameworkMappings.toId, toId)))
    .limit(1);
  return saved;
}

/** Saves the mapping of a pair of versions, replacing the one confirmed before (one row per pair). */
export async function saveConfirmedMapping(
  tx: Db,
  values: { fromId: string; toId: string; pairs: MappingPair[]; confirmedBy: string | null; confirmedAt: Date },
): Promise<void> {
  await tx
    .insert(frameworkMappings)
    .values(values)
    .onConflictDoUpdate({
      target: [frameworkMappings.fromId, frameworkMappings.toId],
      set: { pairs: values.pairs, confirmedBy: values.confirmedBy, confirmedAt: values.confirmedAt },
    });
}
