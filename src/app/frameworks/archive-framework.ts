// Archives a published version (superseded, no longer offered for new campaigns). Its content stays
// readable: units and councils may still need the set they were assessed on.
import { writeAudit } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import { withFrameworkContext } from '../../db/queries/framework-context.ts';
import { markFrameworkArchived } from '../../db/queries/framework-writes.ts';
import { type FrameworkForChange, type FrameworkWho, auditSummary, loadFrameworkForChange } from './framework-input.ts';

export interface ArchiveFrameworkOptions {
  who: FrameworkWho;
  id: string;
  /** The server clock: the version's updated_at. */
  now: Date;
}

export async function archiveFramework(db: Db, { who, id, now }: ArchiveFrameworkOptions): Promise<FrameworkForChange> {
  return db.transaction(async (tx) => {
    const before = await loadFrameworkForChange(tx, { who, id, ability: 'archive' });
    const after = await markFrameworkArchived(tx, id, now);
    await writeAudit(tx, who.audit, {
      action: 'framework.archive',
      objectType: 'framework',
      objectId: id,
      before: auditSummary(before),
      after: auditSummary(after),
    });
    return (await withFrameworkContext(tx, [after]))[0]!;
  });
}
