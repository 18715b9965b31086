// Starts the next version of a set: a new draft copied from the given version (of any status), with
// the next free version number of the code, a link to its source and the set's owner unit.
import { sql } from 'drizzle-orm';
import { writeAudit } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import { withFrameworkContext } from '../../db/queries/framework-context.ts';
import { nextVersionOf } from '../../db/queries/frameworks.ts';
import { frameworks } from '../../db/schema/frameworks.ts';
import { FRAMEWORK_CODE_LOCK } from './create-framework.ts';
import {
  type FrameworkForChange,
  type FrameworkWho,
  auditSummary,
  derivedColumns,
  loadFrameworkForChange,
} from './framework-input.ts';

export async function createFrameworkVersion(db: Db, who: FrameworkWho, id: string): Promise<FrameworkForChange> {
  return db.transaction(async (tx) => {
    const source = await loadFrameworkForChange(tx, who, id, 'createVersion');
    await tx.execute(sql`select pg_advisory_xact_lock(${FRAMEWORK_CODE_LOCK}, hashtext(${source.code}))`);
    const { next } = await nextVersionOf(tx, source.code);
    const [row] = await tx
      .insert(frameworks)
      .values({
        ...derivedColumns(source.definition),
        version: next,
        status: 'draft',
        basedOnId: source.id,
        ownerUnitId: source.ownerUnitId,
        createdBy: who.userId ?? null,
      })
      .returning();
    await writeAudit(tx, who.audit, {
      action: 'framework.create_version',
      objectType: 'framework',
      objectId: row!.id,
      before: auditSummary(source),
      after: { ...auditSummary(row!), basedOnId: source.id },
    });
    return (await withFrameworkContext(tx, [row!]))[0]!;
  });
}
