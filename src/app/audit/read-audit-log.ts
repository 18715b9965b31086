// GET /audit: the audit log, newest first, filtered; a DX office sees entries about the units it reaches.
import { AUDIT_READER_ROLES, canViewAudit } from '../../core/policy/index.ts';
import type { Db } from '../../db/client.ts';
import { auditLogPage } from '../../db/queries/audit-log.ts';
import { auditLabels } from '../../db/queries/audit-labels.ts';
import { namesOfIds } from '../../db/queries/audit-value-names.ts';
import { indexSetWordsOf } from '../../db/queries/audit-index-set-words.ts';
import { collectIds } from '../../core/audit/ids-in-value.ts';
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

/** Ids named per entry and per page: enough for any entry the platform writes, bounded for a page of 200. */
const IDS_PER_ENTRY = 100;
const IDS_PER_PAGE = 2_000;

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
  // …and beside the ids inside each entry's before and after (a delegation's units, a member's account).
  const idsOf = rows.map((r) => {
    const ids = new Set<string>();
    collectIds([r.before, r.after], ids, IDS_PER_ENTRY);
    return ids;
  });
  const wanted = new Set<string>();
  for (const ids of idsOf) for (const id of ids) if (wanted.size < IDS_PER_PAGE) wanted.add(id);
  const names = await namesOfIds(db, wanted);
  // …and the index set's own words for an item's inputs and an assessment's information fields.
  const setWords = await indexSetWordsOf(db, rows);
  return {
    items: rows.map(({ prevHash: _p, hash: _h, ...r }, i) => ({
      ...r,
      at: r.at.toISOString(),
      unitName: r.unitId ? (units.get(r.unitId) ?? null) : null,
      object: objects.get(r.id) ?? { name: null, itemCode: null, campaignName: null, link: null },
      fields: setWords.get(r.id) ?? {},
      names: Object.fromEntries([...idsOf[i]!].flatMap((id) => (names.has(id) ? [[id, names.get(id)!]] : []))),
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}
