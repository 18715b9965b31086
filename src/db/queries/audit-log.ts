// The audit log as people read it: newest first, filtered, limited to the units the reader reaches.
import { type SQL, and, count, desc, eq, gte, lt, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { auditLog } from '../schema/audit.ts';
import { orgUnits } from '../schema/org.ts';

export interface AuditLogFilter {
  unitId?: string | undefined;
  actorId?: string | undefined;
  objectType?: string | undefined;
  objectId?: string | undefined;
  /** Instants: from inclusive, before exclusive. */
  from?: Date | undefined;
  before?: Date | undefined;
}

/** One page of entries; `reached` is a condition on org_units (null: every unit). */
export async function auditLogPage(
  db: Db,
  reached: SQL | null,
  f: AuditLogFilter,
  page: { page: number; pageSize: number },
) {
  const where = and(
    reached ? sql`${auditLog.unitId} in (select ${orgUnits.id} from ${orgUnits} where ${reached})` : undefined,
    f.unitId ? eq(auditLog.unitId, f.unitId) : undefined,
    f.actorId ? eq(auditLog.actorId, f.actorId) : undefined,
    f.objectType ? eq(auditLog.objectType, f.objectType) : undefined,
    f.objectId ? eq(auditLog.objectId, f.objectId) : undefined,
    f.from ? gte(auditLog.at, f.from) : undefined,
    f.before ? lt(auditLog.at, f.before) : undefined,
  );
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(auditLog).where(where);
  const rows = await db
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  return { rows, total: Number(total) };
}
