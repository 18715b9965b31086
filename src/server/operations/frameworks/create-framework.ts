// Creates a draft from a definition: version 1 of a new code, or the next version when the code exists
// (based on the newest one). The schema is checked first — nothing is saved from a document of the
// wrong shape — and text is stored NFC in natural order. Domain validation (validateFramework) does
// not block a draft: it blocks publishing.
import { sql } from 'drizzle-orm';
import { canManageFrameworks } from '../../../core/policy/index.ts';
import { writeAudit } from '../../../db/audit/write-audit.ts';
import type { Db } from '../../../db/client.ts';
import { type FrameworkRow, nextVersionOf } from '../../../db/queries/frameworks.ts';
import { frameworks } from '../../../db/schema/frameworks.ts';
import { OperationError } from '../../http/errors.ts';
import { type FrameworkWho, auditSummary, checkDefinition, derivedColumns } from './framework-input.ts';

/** Serialises version numbering per code (two simultaneous creations never take the same number). */
const FRAMEWORK_CODE_LOCK = 727_002;

export async function createFramework(db: Db, who: FrameworkWho, doc: unknown, options: { reason?: string } = {}): Promise<FrameworkRow> {
  if (who.actor && !canManageFrameworks(who.actor)) throw new OperationError('FORBIDDEN', 'Bạn không có quyền tạo bộ chỉ số.');
  const def = checkDefinition(doc);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${FRAMEWORK_CODE_LOCK}, hashtext(${def.code}))`);
    const { next, latestId } = await nextVersionOf(tx, def.code);
    const [row] = await tx
      .insert(frameworks)
      .values({ ...derivedColumns(def), version: next, status: 'draft', basedOnId: latestId, createdBy: who.userId ?? null })
      .returning();
    await writeAudit(tx, who.audit, {
      action: 'framework.create',
      objectType: 'framework',
      objectId: row!.id,
      after: { ...auditSummary(row!), basedOnId: latestId, definition: def },
      reason: options.reason ?? null,
    });
    return row!;
  });
}
