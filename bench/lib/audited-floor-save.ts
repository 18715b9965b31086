// The floor of any item save the issue allows (issue 16: "every acknowledged write survives kill -9, the
// audit entry stays in the same transaction"): the caller's session read by its cookie (the app's own
// statement, findSessionWithGrants), then ONE named prepared statement, without a transaction around it as
// the app's save since decision 0023, that key-share locks the assessment row (a save must not land on a
// form being submitted), upserts the item and appends its audit entry — the app's own appendAuditSql, so
// the same chain lock, head read, SHA-256 and six indexes of audit_log. Nothing else: no policy, no
// scoring, no evidence, no version guard, no context read, no answer but {ok}. The entry records the new
// figures only (the app's also records the figures they replace, read first). An item save cannot do less
// and stay correct, so what this route does per second on the machine bounds what the app's save can.
// Used in process by item-save.bench.ts and in its own process as the /floor route of
// lib/bare-upsert-server.ts (the deadline-day mix).
import { appendAuditSql, auditSqlParams } from '../../src/db/audit/write-audit.ts';
import type { Db } from '../../src/db/client.ts';
import { namedStatement, runNamed } from '../../src/db/prepared.ts';
import { findSessionWithGrants } from '../../src/db/queries/sessions.ts';
import { SESSION_COOKIE } from '../../src/server/plugins/auth.ts';

// $1 assessment, $2 code, $3 inputs, $4 explanation, then the audit entry's chain and canonical text.
const save = namedStatement<{ version: number }>(
  'bench_floor_audited_save',
  `with gate as materialized (select 1 from assessments a where a.id = $1::uuid for key share of a),
   saved as (insert into assessment_items (assessment_id, code, inputs, self_score, explanation, version, updated_at)
     select $1::uuid, $2::text, $3::jsonb, 1, $4::text, 1, now() where exists (select 1 from gate)
     on conflict (assessment_id, code) do update set inputs = excluded.inputs, self_score = excluded.self_score,
       explanation = excluded.explanation, version = assessment_items.version + 1, updated_at = now()
     returning version),
   audit as (${appendAuditSql(5, 'exists (select 1 from saved)')})
   select version from saved`,
);

const cookiePrefix = `${SESSION_COOKIE}=`;

/** The live session named by the request's Cookie header (the app's own statement), or null. */
export async function floorSession(db: Db, cookieHeader: string | undefined) {
  const cookie = (cookieHeader ?? '').split(/;\s*/).find((c) => c.startsWith(cookiePrefix));
  return cookie ? findSessionWithGrants(db, cookie.slice(cookiePrefix.length), 3600_000) : null;
}

/** 401 when the cookie names no live session; otherwise the save, as described above. */
export async function auditedFloorSave(
  db: Db,
  cookieHeader: string | undefined,
  assessmentId: string,
  code: string,
  body: { inputs: unknown; explanation: string },
): Promise<200 | 401> {
  const session = await floorSession(db, cookieHeader);
  if (!session) return 401;
  const inputs = JSON.stringify(body.inputs);
  const now = new Date();
  const audit = auditSqlParams(
    { id: session.user.id, name: session.user.fullName },
    {
      action: 'assessment.item.save',
      objectType: 'assessment_item',
      objectId: `${assessmentId}:${code}`,
      // The unit's chain, as the app's (a reporter's one grant is on their unit).
      unitId: session.grants[0]?.unitId ?? null,
      after: { inputs: body.inputs, explanation: body.explanation },
    },
    now,
  );
  await runNamed(db, save, [assessmentId, code, inputs, body.explanation, ...audit]);
  return 200;
}
