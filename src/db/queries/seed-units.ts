// The one statement of the seed units' bulk insert (src/seed/seed-units.ts) that no organisation use
// case has: lineage rows with their legal basis and the default kind, many at once. The units, groups
// and members go through org-unit-writes.ts and unit-groups.ts.
import type { Db } from '../client.ts';
import { orgUnitLineage } from '../schema/org.ts';

export type SeedLineageRow = Pick<
  typeof orgUnitLineage.$inferInsert,
  'unitId' | 'predecessorId' | 'effectiveDate' | 'note' | 'legalBasis' | 'legalBasisDate'
>;

/** The predecessors the seeded units were formed from (the kind keeps its column default). */
export async function insertSeedLineage(tx: Db, rows: readonly SeedLineageRow[]): Promise<void> {
  if (rows.length) await tx.insert(orgUnitLineage).values([...rows]);
}
