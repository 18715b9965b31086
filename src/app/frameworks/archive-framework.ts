// Archives a published version (superseded, no longer offered for new campaigns). Its content stays
// readable: units and councils may still need the set they were assessed on.
import { eq, sql } from 'drizzle-orm';
import { writeAudit } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import { withFrameworkContext } from '../../db/queries/framework-context.ts';
import { frameworks } from '../../db/schema/frameworks.ts';
import { type FrameworkForChange, type FrameworkWho, auditSummary, loadFrameworkForChange } from './framework-input.ts';

export async function archiveFramework(db: Db, who: FrameworkWho, id: string): Promise<FrameworkForChange> {
  return db.transaction(async (tx) => {
    const before = await loadFrameworkForChange(tx, who, id, 'archive');
    const now = new Date();
    const [after] = await tx
      .update(frameworks)
      .set({ status: 'archived', archivedAt: now, rowVersion: sql`${frameworks.rowVersion} + 1`, updatedAt: now })
      .where(eq(frameworks.id, id))
      .returning();
    await writeAudit(tx, who.audit, {
      action: 'framework.archive',
      objectType: 'framework',
      objectId: id,
      before: auditSummary(before),
      after: auditSummary(after!),
    });
    return (await withFrameworkContext(tx, [after!]))[0]!;
  });
}
