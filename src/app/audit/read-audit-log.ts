// GET /audit: the audit log, newest first, filtered; a DX office sees entries about the units it reaches.
import { AUDIT_READER_ROLES, canViewAudit } from '../../core/policy/index.ts';
import type { Db } from '../../db/client.ts';
import { auditLogPage } from '../../db/queries/audit-log.ts';
import { auditLabels } from '../../db/queries/audit-labels.ts';
import { type ScopedActor, unitsReachedCondition } from '../../db/queries/org-units.ts';
import { OperationError } from '../errors.ts';

export interface AuditLogQuery {
  page: number;
  pageSize: number;
  unitId?: string | undefined;
  actorId?: string | undefined;
  objectType?: string | undefined;
  objectId?: string | undefined;
  /** Calendar days in Vietnam (yyyy-mm-dd), both included. */
  from?: string | undefined;
  to?: string | undefined;
}

/** Start of a calendar day in Vietnam (UTC+7, no daylight saving). */
const dayStart = (d: string) => new Date(`${d}T00:00:00+07:00`);

export async function readAuditLog(db: Db, actor: ScopedActor, q: AuditLogQuery) {
  if (!canViewAudit(actor)) throw new OperationError('FORBIDDEN', 'Bạn không có quyền xem nhật ký thay đổi.');
  const { rows, total } = await auditLogPage(
    db,
    unitsReachedCondition(actor, AUDIT_READER_ROLES) ?? null,
    {
      unitId: q.unitId,
      actorId: q.actorId,
      objectType: q.objectType,
      objectId: q.objectId,
      from: q.from ? dayStart(q.from) : undefined,
      before: q.to ? new Date(dayStart(q.to).getTime() + 86_400_000) : undefined,
    },
    q,
  );
  // Names beside the ids (issue 14 §6): the page shows who did what to which unit and item.
  const { units, objects } = await auditLabels(db, rows);
  return {
    items: rows.map(({ prevHash: _p, hash: _h, ...r }) => ({
      ...r,
      at: r.at.toISOString(),
      unitName: r.unitId ? (units.get(r.unitId) ?? null) : null,
      object: objects.get(r.id) ?? { name: null, itemCode: null, campaignName: null, link: null },
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}
