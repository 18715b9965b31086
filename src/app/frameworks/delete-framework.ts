// Deletes a draft (work in progress that was never published). Published versions are kept forever;
// archive them instead. Versions based on it keep existing with the link cleared.
import { writeAudit } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import { deleteFrameworkRow } from '../../db/queries/framework-writes.ts';
import { type FrameworkWho, auditSummary, loadFrameworkForChange } from './framework-input.ts';

export async function deleteFramework(db: Db, who: FrameworkWho, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await loadFrameworkForChange(tx, { who, id, ability: 'delete' });
    await deleteFrameworkRow(tx, id);
    await writeAudit(tx, who.audit, {
      action: 'framework.delete',
      objectType: 'framework',
      objectId: id,
      before: { ...auditSummary(before), definition: before.definition },
    });
  });
}
