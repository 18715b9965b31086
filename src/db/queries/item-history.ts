// An assessment's item history from the audit log in ONE query: every entry on its items — saves,
// reviews, decisions, requests, replies (objectType 'assessment_item', objectId '<assessment>:<code>') —
// plus the per-assessment entries that name an item in their content (supplied figures, and entries
// written before items had their own object id) and the bulk accepts, one entry per assessment with each
// item under its code (decision 0028). Oldest first, with the actor's full name.
import { sql } from 'drizzle-orm';
import { BULK_ACCEPT_ACTION, ITEM_ACCEPT_ACTION, bulkAcceptItems } from '../../core/appraisal/index.ts';
import type { Db } from '../client.ts';
import { rowsOf } from './assessments.ts';

export interface HistoryEntry {
  code: string;
  at: string;
  actor: { id: string | null; name: string };
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  reason: string | null;
}

type Row = {
  object_type: string;
  object_id: string;
  at: string | Date;
  actor_id: string | null;
  actor_name: string;
  full_name: string | null;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  reason: string | null;
};

export async function loadItemHistory(db: Db, assessmentId: string): Promise<Map<string, HistoryEntry[]>> {
  const prefix = `${assessmentId}:`;
  const rows = rowsOf<Row>(
    await db.execute(sql`select l.object_type, l.object_id, l.at, l.actor_id, l.actor_name, u.full_name, l.action, l.before, l.after, l.reason
      from audit_log l left join users u on u.id = l.actor_id
      where (l.object_type = 'assessment_item' and l.object_id like ${`${prefix}%`})
         or (l.object_type = 'assessment' and l.object_id = ${assessmentId} and (l.after ? 'code' or l.action = ${BULK_ACCEPT_ACTION}))
      order by l.id`),
  );
  const out = new Map<string, HistoryEntry[]>();
  const add = (code: string, entry: HistoryEntry) => {
    const list = out.get(code);
    if (list) list.push(entry);
    else out.set(code, [entry]);
  };
  for (const r of rows) {
    const at = new Date(r.at).toISOString();
    const actor = { id: r.actor_id, name: r.full_name ?? r.actor_name };
    if (r.action === BULK_ACCEPT_ACTION) {
      // Each item's part, as the per-item entries of before showed it.
      for (const i of bulkAcceptItems(r.before, r.after))
        add(i.code, {
          code: i.code,
          at,
          actor,
          action: ITEM_ACCEPT_ACTION,
          before: i.before,
          after: i.after,
          reason: i.reason,
        });
      continue;
    }
    const code = r.object_type === 'assessment_item' ? r.object_id.slice(prefix.length) : String(r.after?.code ?? '');
    if (!code) continue;
    add(code, { code, at, actor, action: r.action, before: r.before, after: r.after, reason: r.reason });
  }
  return out;
}
