// Replaces the definition of a draft, with optimistic concurrency on row_version (a stale editor gets
// 409 VERSION_CONFLICT with the current version). A published or archived version is frozen forever:
// 409 INVALID_STATE. The code cannot change within a set's versions.
import { writeAudit } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import { withFrameworkContext } from '../../db/queries/framework-context.ts';
import { replaceFrameworkDefinition } from '../../db/queries/framework-writes.ts';
import { OperationError, versionConflict } from '../errors.ts';
import {
  type FrameworkForChange,
  type FrameworkWho,
  auditSummary,
  checkDefinition,
  derivedColumns,
  loadFrameworkForChange,
} from './framework-input.ts';

export interface UpdateFrameworkOptions {
  who: FrameworkWho;
  id: string;
  /** The new definition (untrusted) and the row_version the editor read. */
  input: { definition: unknown; version: number };
  /** The server clock: the draft's updated_at. */
  now: Date;
}

export async function updateFramework(
  db: Db,
  { who, id, input, now }: UpdateFrameworkOptions,
): Promise<FrameworkForChange> {
  return db.transaction(async (tx) => {
    const before = await loadFrameworkForChange(tx, { who, id, ability: 'update' });
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
    const after = await replaceFrameworkDefinition(tx, id, derivedColumns(def), now);
    await writeAudit(tx, who.audit, {
      action: 'framework.update',
      objectType: 'framework',
      objectId: id,
      before: auditSummary(before),
      after: { ...auditSummary(after), definition: def },
    });
    return (await withFrameworkContext(tx, [after]))[0]!;
  });
}
