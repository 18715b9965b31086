// Replaces the definition of a draft, with optimistic concurrency on row_version (a stale editor gets
// 409 VERSION_CONFLICT with the current version). A published or archived version is frozen forever:
// 409 INVALID_STATE. The code cannot change within a set's versions.
import { eq, sql } from 'drizzle-orm';
import { writeAudit } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import { withFrameworkContext } from '../../db/queries/framework-context.ts';
import { frameworks } from '../../db/schema/frameworks.ts';
import { OperationError, versionConflict } from '../errors.ts';
import {
  type FrameworkForChange,
  type FrameworkWho,
  auditSummary,
  checkDefinition,
  derivedColumns,
  loadFrameworkForChange,
} from './framework-input.ts';

export async function updateFramework(
  db: Db,
  who: FrameworkWho,
  id: string,
  input: { definition: unknown; version: number },
): Promise<FrameworkForChange> {
  return db.transaction(async (tx) => {
    const before = await loadFrameworkForChange(tx, who, id, 'update');
    if (input.version !== before.rowVersion) {
      const { definition: _definition, ...current } = before;
      throw versionConflict({ ...current, rowVersion: before.rowVersion });
    }
    const def = checkDefinition(input.definition);
    if (def.code !== before.code) {
      throw new OperationError(
        'VALIDATION_FAILED',
        `Không đổi được mã bộ chỉ số (${before.code} → ${def.code}) trong một phiên bản; hãy tạo bộ chỉ số mới với mã mới.`,
      );
    }
    const [after] = await tx
      .update(frameworks)
      .set({ ...derivedColumns(def), rowVersion: sql`${frameworks.rowVersion} + 1`, updatedAt: new Date() })
      .where(eq(frameworks.id, id))
      .returning();
    await writeAudit(tx, who.audit, {
      action: 'framework.update',
      objectType: 'framework',
      objectId: id,
      before: auditSummary(before),
      after: { ...auditSummary(after!), definition: def },
    });
    return (await withFrameworkContext(tx, [after!]))[0]!;
  });
}
