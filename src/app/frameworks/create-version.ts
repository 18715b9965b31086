// Starts the next version of a set: a new draft copied from the given version (of any status), with
// the next free version number of the code, a link to its source and the set's owner unit.
import { writeAudit } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import { withFrameworkContext } from '../../db/queries/framework-context.ts';
import { insertFramework, lockFrameworkCode } from '../../db/queries/framework-writes.ts';
import { nextVersionOf } from '../../db/queries/frameworks.ts';
import {
  type FrameworkForChange,
  type FrameworkWho,
  auditSummary,
  derivedColumns,
  loadFrameworkForChange,
} from './framework-input.ts';

export async function createFrameworkVersion(db: Db, who: FrameworkWho, id: string): Promise<FrameworkForChange> {
  return db.transaction(async (tx) => {
    const source = await loadFrameworkForChange(tx, { who, id, ability: 'createVersion' });
    await lockFrameworkCode(tx, source.code);
    const { next } = await nextVersionOf(tx, source.code);
    const row = await insertFramework(tx, {
      ...derivedColumns(source.definition),
      version: next,
      status: 'draft',
      basedOnId: source.id,
      ownerUnitId: source.ownerUnitId,
      createdBy: who.userId ?? null,
    });
    await writeAudit(tx, who.audit, {
      action: 'framework.create_version',
      objectType: 'framework',
      objectId: row.id,
      before: auditSummary(source),
      after: { ...auditSummary(row), basedOnId: source.id },
    });
    return (await withFrameworkContext(tx, [row]))[0]!;
  });
}
