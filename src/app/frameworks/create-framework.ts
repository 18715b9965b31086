// Creates a draft from a definition: version 1 of a new code, or the next version when the code exists
// (based on the newest one). The schema is checked first — nothing is saved from a document of the
// wrong shape — and text is stored NFC in natural order. Domain validation (validateFramework) does
// not block a draft: it blocks publishing.
// A new code is a new set, issued by the caller's unit (or the one asked for, within its reach); an
// existing code is a new version of that set, which only the offices reaching its owner may write.
import { canManageFrameworks } from '../../core/policy/index.ts';
import { writeAudit } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import { withFrameworkContext } from '../../db/queries/framework-context.ts';
import { insertFramework, lockFrameworkCode } from '../../db/queries/framework-writes.ts';
import { nextVersionOf } from '../../db/queries/frameworks.ts';
import { OperationError } from '../errors.ts';
import {
  type FrameworkForChange,
  type FrameworkWho,
  auditSummary,
  checkDefinition,
  derivedColumns,
  loadFrameworkForChange,
} from './framework-input.ts';
import { resolveNewOwner } from './framework-owner.ts';

export interface CreateFrameworkOptions {
  who: FrameworkWho;
  /** The document as received (untrusted): checked against the schema before anything is saved. */
  definition: unknown;
  reason?: string;
  /** The unit issuing a new set (default: the caller's own unit; the root for administrators and the CLI). */
  ownerUnitId?: string;
}

export async function createFramework(
  db: Db,
  { who, definition, ...options }: CreateFrameworkOptions,
): Promise<FrameworkForChange> {
  if (who.actor && !canManageFrameworks(who.actor))
    throw new OperationError('FORBIDDEN', 'Bạn không có quyền tạo bộ chỉ số.');
  const def = checkDefinition(definition);
  return db.transaction(async (tx) => {
    await lockFrameworkCode(tx, def.code);
    const { next, latestId } = await nextVersionOf(tx, def.code);
    const ownerUnitId = latestId
      ? await ownerOfNextVersion(tx, who, latestId, options.ownerUnitId)
      : await resolveNewOwner(tx, who.actor, options.ownerUnitId);
    const row = await insertFramework(tx, {
      ...derivedColumns(def),
      version: next,
      status: 'draft',
      basedOnId: latestId,
      ownerUnitId,
      createdBy: who.userId ?? null,
    });
    await writeAudit(tx, who.audit, {
      action: 'framework.create',
      objectType: 'framework',
      objectId: row.id,
      after: { ...auditSummary(row), basedOnId: latestId, ownerUnitId, definition: def },
      reason: options.reason ?? null,
    });
    return (await withFrameworkContext(tx, [row]))[0]!;
  });
}

/** A document whose code exists starts that set's next version: its owner's offices only, owner kept. */
async function ownerOfNextVersion(
  tx: Db,
  who: FrameworkWho,
  latestId: string,
  requested: string | undefined,
): Promise<string> {
  const latest = await loadFrameworkForChange(tx, { who, id: latestId, ability: 'createVersion' });
  if (requested && requested !== latest.ownerUnitId) {
    throw new OperationError(
      'VALIDATION_FAILED',
      `Mã ${latest.code} là của bộ chỉ số do ${latest.owner.name} ban hành: phiên bản mới giữ đơn vị ban hành đó. Hãy dùng mã khác để ban hành bộ chỉ số mới.`,
      { issues: [{ path: '/ownerUnitId', message: `Bộ chỉ số ${latest.code} thuộc ${latest.owner.name}` }] },
    );
  }
  return latest.ownerUnitId;
}
