// The statements of an item save (PUT /assessments/{id}/items/{code}, the hot path), as static named
// prepared statements (db/prepared.ts). A save runs first as two statements WITHOUT a transaction (decision
// 0023), and only when that write's guard does not hold, again as the locked transaction of before:
//  1. read: the assessment with what the policy needs, the item, its evidence, its supplied figures and
//     which of the sent evidence documents belong to the unit — unlocked, or in the transaction: the
//     assessment row key-share locked (a concurrent submit or reopen, FOR UPDATE, waits for the save; saves
//     of one unit do not block each other), then the sent documents of the unit's library (a deletion waits
//     for the save, then finds the document cited), then the unit's audit chain lock — in that order.
//  2. write: the version-guarded insert or update of the item, the evidence links when sent, and the
//     audit entry (appendAuditSql) — one statement, so nothing is written unless the guard matched. Run on
//     its own it takes the same locks itself, in the same order (the assessment row, the documents, the
//     chain, then the item row), and writes only if the assessment's status is still the one the save was
//     decided on and every sent document still exists.
// Not scoped in SQL (a per-actor condition would be planned on every call): the caller checks
// readability with the policy (assessment-policy `read`, the rule of readableAssessmentsCondition).
import {
  type AuditActor,
  type AuditEntryInput,
  appendAuditSql,
  auditSqlParams,
  chainLockSql,
} from '../audit/write-audit.ts';
import type { Db } from '../client.ts';
import { ASSESSMENT_CONTEXT_FROM } from './assessment-context-join.ts';
import { namedStatement, runNamed } from '../prepared.ts';
import { type ItemRow, itemFromJson } from './assessments.ts';
import { isUuid } from './org-units.ts';
import { type MadeWithSession, type ReadWithSession, sessionWithStatement, valueMadeBy } from './session-with.ts';

export interface ItemSaveContext {
  assessment: { id: string; status: string; submittedAt: string | null; info: Record<string, number | null> };
  campaign: { status: string; ownerUnitId: string; reportersMaySubmit: boolean };
  frameworkId: string;
  unit: { id: string; path: string };
  ownerPath: string;
  item: ItemRow | null;
  evidenceIds: string[];
  supplied: { inputs: Record<string, unknown>; source: string; suppliedAt: string } | null;
  /** Those of the asked evidence ids that are documents of the unit's library. */
  ownedEvidenceIds: Set<string>;
  /**
   * The form's revision as read (migration 0020), when asked for (a save whose process may carry the form's
   * presented items over, decision 0029); null when not asked, or before the form's progress row exists.
   */
  formRev: number | null;
}

type ContextRow = {
  id: string;
  status: string;
  submitted_at: string | Date | null;
  info: Record<string, number | null>;
  unit_id: string;
  unit_path: string;
  campaign_status: string;
  owner_unit_id: string;
  owner_path: string;
  reporters_may_submit: boolean;
  framework_id: string;
  item: Record<string, unknown> | null;
  evidence_ids: string[];
  supplied: ItemSaveContext['supplied'];
  owned_evidence: string[];
  form_rev: string | number | null;
};

/**
 * The context read; `$` numbers its parameters (1, 2, 3 on its own; 2, 3, 4 after the session's hash).
 * `revision`: read the form's revision too — only the session's read of a save whose process holds or has
 * seen the form asks (nothing else can carry the form's items over a save: decision 0029).
 * The sent documents are looked up by their ids alone (the primary key: none sent, none looked up), and only
 * then kept if they are the unit's: `offset 0` keeps PostgreSQL from moving the unit's condition into the scan,
 * where its generic plan chose the unit's index (most units have few documents) and read every document of
 * the library on every save — all 300 of a 300-document library, with nothing sent. Locked, the sent documents of
 * other libraries are key-share locked too, as the write's `docs` step locks every sent document.
 */
const contextSql = (locked: boolean, $ = (n: number) => `$${n}`, revision = false) =>
  `with ctx as materialized (
     select a.id, a.status, a.submitted_at, a.info, a.unit_id, a.campaign_id, u.path as unit_path, c.status as campaign_status,
       c.owner_unit_id, o.path as owner_path, coalesce(c.rules -> 'reportersMaySubmit' = 'true'::jsonb, false) as reporters_may_submit, g.framework_id
     ${ASSESSMENT_CONTEXT_FROM}
     where a.id = ${$(1)}::uuid
     ${locked ? 'for key share of a' : ''}
   )
   select ctx.id, ctx.status, ctx.submitted_at, ctx.info, ctx.unit_id, ctx.unit_path, ctx.campaign_status, ctx.owner_unit_id, ctx.owner_path,
     ctx.reporters_may_submit, ctx.framework_id,
     (select to_jsonb(i) from assessment_items i where i.assessment_id = ctx.id and i.code = ${$(2)}::text) as item,
     coalesce((select array_agg(e.evidence_id::text order by e.evidence_id) from item_evidence e where e.assessment_id = ctx.id and e.code = ${$(2)}::text), '{}') as evidence_ids,
     (select jsonb_build_object('inputs', s.inputs, 'source', s.source, 'suppliedAt', s.supplied_at) from supplied_figures s
       where s.campaign_id = ctx.campaign_id and s.unit_id = ctx.unit_id and s.code = ${$(2)}::text order by s.supplied_at desc limit 1) as supplied,
     owned.ids as owned_evidence,
     ${revision ? '(select p.form_rev from assessment_progress p where p.assessment_id = ctx.id)' : 'null::bigint'} as form_rev
   from ctx
   cross join lateral (select coalesce(array_agg(d.id::text) filter (where d.unit_id = ctx.unit_id), '{}') as ids
     from (select d.id, d.unit_id from evidence_documents d where d.id = any(${$(3)}::uuid[]) ${locked ? 'for key share of d' : ''} offset 0) d) owned
   ${locked ? `cross join lateral (select ${chainLockSql('ctx.unit_id::text')} where owned.ids is not null) chain_lock` : ''}`;

const readContextLocked = namedStatement<ContextRow>('item_save_context', contextSql(true));
const readContextUnlocked = namedStatement<ContextRow>('item_save_context_unlocked', contextSql(false));
const readContextWithSession = sessionWithStatement(
  'session_with_item_save_context',
  contextSql(false, (n) => `$${n + 1}`),
);
// A separate statement, not a switch parameter (decision 0025): two lookups fewer for every save whose process
// cannot carry the form (most saves behind several processes, and every save of a form not loaded here yet).
const readContextAndRevisionWithSession = sessionWithStatement(
  'session_with_item_save_context_revision',
  contextSql(false, (n) => `$${n + 1}`, true),
);

/** The unlocked context read as made with the session: for which assessment, item and evidence it was made. */
export interface ItemSaveContextRead {
  assessmentId: string;
  code: string;
  /** The evidence ids whose ownership it read. */
  evidenceIds: readonly string[];
  context: ItemSaveContext | null;
}

/**
 * The unlocked context read, made with the session's (session-with.ts): for a path and body that can be
 * a save's; undefined otherwise (the save then reads on its own, once validation has answered). `revision`:
 * with the form's revision (contextSql).
 */
export function itemSaveContextWithSession(
  id: string,
  code: unknown,
  evidenceIds: unknown,
  revision: boolean,
): ReadWithSession<ItemSaveContextRead> | undefined {
  // Not validated yet: a text PostgreSQL refuses (a NUL) is left to the NUL guard's 400 after the session.
  if (!isUuid(id) || typeof code !== 'string' || code.includes('\u0000')) return undefined;
  const asked = Array.isArray(evidenceIds) ? evidenceIds.filter((x): x is string => typeof x === 'string') : [];
  return {
    statement: revision ? readContextAndRevisionWithSession : readContextWithSession,
    params: [id, code, pgArray(asked)],
    parse: (row) => ({
      assessmentId: id,
      code,
      evidenceIds: asked.filter(isUuid),
      context: row === null ? null : contextOf(row as unknown as ContextRow),
    }),
  };
}

/** The read a request made with its session, when it is this one (the auth plugin keeps it untyped). */
export const itemSaveContextMade = (made: MadeWithSession | undefined) =>
  valueMadeBy<ItemSaveContextRead>(made, readContextWithSession, readContextAndRevisionWithSession);

/**
 * Everything a save decides on, or null when there is no such assessment. `locked`: inside the save's
 * transaction, taking the locks above; otherwise as of now, for a write that checks it still holds.
 */
export async function loadItemSaveContext(
  db: Db,
  id: string,
  code: string,
  evidenceIds: readonly string[],
  locked: boolean,
): Promise<ItemSaveContext | null> {
  if (!isUuid(id)) return null;
  const [r] = await runNamed(db, locked ? readContextLocked : readContextUnlocked, [id, code, pgArray(evidenceIds)]);
  return r ? contextOf(r) : null;
}

function contextOf(r: ContextRow): ItemSaveContext {
  return {
    assessment: {
      id: r.id,
      status: r.status,
      submittedAt: r.submitted_at === null ? null : new Date(r.submitted_at).toISOString(),
      info: r.info,
    },
    campaign: { status: r.campaign_status, ownerUnitId: r.owner_unit_id, reportersMaySubmit: r.reporters_may_submit },
    frameworkId: r.framework_id,
    unit: { id: r.unit_id, path: r.unit_path },
    ownerPath: r.owner_path,
    item: r.item ? itemFromJson(r.item) : null,
    evidenceIds: r.evidence_ids,
    supplied: r.supplied,
    ownedEvidenceIds: new Set(r.owned_evidence),
    formRev: r.form_rev === null || r.form_rev === undefined ? null : Number(r.form_rev),
  };
}

// $1 assessment, $2 code, $3 inputs, $4 self score, $5 explanation, $6 by, $7 at, $8 the version saved
// over (0: none yet); when the evidence links are replaced (`linking`), $9 the new links; then the audit
// entry (two parameters); on its own (`alone`), last, the assessment's status the save was decided on.
// A save that sends its evidence and one that does not are separate statements, not one with a switch
// parameter: PostgreSQL keeps a prepared statement's plan for any parameters only when it is estimated no
// dearer than one planned for the parameters at hand, and a plan for "links not sent" drops three of the
// statement's steps — so with a switch the statement was planned again on every save (0.39 ms, as much as
// it then took to run; pg_stat_statements on the deadline-day mix).
// Alone, `gate` key-share locks the assessment row if its status is still the one decided on (a submission
// or reopening that committed meanwhile is seen: PostgreSQL re-reads a row it waited for and checks the
// condition again), `docs` key-share locks the sent evidence documents — all must still exist (one deleted
// meanwhile is not returned: the write does not happen and the locked transaction answers that it is not
// in the library) —, then `chain` takes the unit's chain lock, and only then is the item row written: the
// order of the locked transaction (assessment row, documents, chain, item), the documents before the chain
// as a deletion takes them (delete-evidence.ts), so no two wait for each other in a cycle.
const guardedWrite = (alone: boolean, linking: boolean, revision: boolean, saved: (gated: string) => string) => {
  const links = '$9::uuid[]';
  const audit = linking ? 10 : 9;
  const status = `$${audit + 2}::text`;
  const steps: string[] = [];
  if (alone) {
    steps.push(
      `gate as materialized (select 1 from assessments a where a.id = $1::uuid and a.status = ${status} for key share of a)`,
    );
    if (linking)
      steps.push(
        `docs as materialized (select d.id from gate, evidence_documents d where d.id = any(${links}) for key share of d)`,
      );
    steps.push(
      `chain as materialized (select ${chainLockSql(`$${audit}::text`)} from gate${
        linking ? ` where (select count(*) from docs) = cardinality(${links})` : ''
      })`,
    );
  }
  steps.push(`saved as (${saved(alone ? 'exists (select 1 from chain)' : 'true')} returning version, reopened)`);
  if (linking)
    steps.push(
      `unlinked as (
     delete from item_evidence where exists (select 1 from saved)
       and assessment_id = $1::uuid and code = $2::text and evidence_id <> all (${links}))`,
      `linked as (
     insert into item_evidence (assessment_id, code, evidence_id)
     select $1::uuid, $2::text, e from unnest(${links}) e where exists (select 1 from saved)
     on conflict do nothing)`,
    );
  steps.push(`audit as (${appendAuditSql(audit, 'exists (select 1 from saved)')})`);
  return `with ${steps.join(',\n   ')}\n   select version, reopened, ${revision ? formRevBeforeSql : 'null::bigint'} as form_rev from saved`;
};

// The form's revision just before this save's own mark (migration 0020), for the process's cache of presented
// items (form-items-cache.ts): read once the item row is written, under the row lock the statement's mark
// (thuocdo_item_rows_changed, at the statement's end) takes anyway — so no other write can move it between this
// read and this save's commit, and the form stands at exactly this revision + 1 once the save is committed:
// one statement on assessment_items marks the form once, and a save that does not replace its evidence links
// writes nothing else the form shows. The lock comes after the assessment row, the chain and the item row, as the
// mark's does; the audit append after it takes no row lock (the head is read under the chain's lock, held).
// Only on the first attempt's write without links (the hot path: a deadline day's saves send no links; a save
// that replaces its links marks the form once per table it changes, and its process drops its cached items),
// and only when the context read asked for the revision too: nothing else can be carried.
const formRevBeforeSql =
  '(select p.form_rev from assessment_progress p where p.assessment_id = $1::uuid for no key update of p)';

const updateSql = (gated: string) =>
  `update assessment_items set inputs = $3::jsonb, self_score = $4::float8, explanation = $5::text, version = $8::int + 1,
     updated_by = $6::uuid, updated_at = $7::timestamptz
     where assessment_id = $1::uuid and code = $2::text and version = $8::int and ${gated}`;

const insertSql = (gated: string) =>
  `insert into assessment_items (assessment_id, code, inputs, self_score, explanation, version, updated_by, updated_at)
     select $1::uuid, $2::text, $3::jsonb, $4::float8, $5::text, $8::int + 1, $6::uuid, $7::timestamptz where ${gated}
     on conflict do nothing`;

type Saved = { version: number; reopened: boolean; form_rev: string | number | null };
/**
 * The writes: update or insert, alone or in the locked transaction, with the links or without — and the
 * two alone without links once more, reading the form's revision (`_revision`): ten statements, no switch.
 */
const writes = new Map(
  [false, true].flatMap((exists) =>
    [false, true].flatMap((alone) =>
      [false, true].flatMap((linking) =>
        (alone && !linking ? [false, true] : [false]).map((revision) => {
          const name = `item_save_${exists ? 'update' : 'insert'}${alone ? '_alone' : ''}${linking ? '_linked' : ''}${
            revision ? '_revision' : ''
          }`;
          const sql = guardedWrite(alone, linking, revision, exists ? updateSql : insertSql);
          return [`${exists}/${alone}/${linking}/${revision}`, namedStatement<Saved>(name, sql)] as const;
        }),
      ),
    ),
  ),
);

export interface ItemWrite {
  assessmentId: string;
  code: string;
  inputs: Record<string, unknown>;
  selfScore: number | null;
  explanation: string;
  updatedBy: string;
  updatedAt: Date;
  /** Whether the item had been saved (update it if still at fromVersion) or not (insert if still absent). */
  exists: boolean;
  fromVersion: number;
  /** The new evidence links, or undefined to keep them. */
  evidenceIds?: readonly string[];
  /**
   * Outside a transaction: the assessment's status the save was decided on (the write takes the locks and
   * checks it). Undefined inside the locked transaction.
   */
  decidedOnStatus?: string;
  /** Read the form's revision before this save's mark (formRevBeforeSql): only alone, without links. */
  readRevision?: boolean;
}

export interface SavedItem {
  version: number;
  reopened: boolean;
  /**
   * The form's revision just before this save's mark, read under the mark's lock: the form stands at this + 1
   * when the save commits. Only when asked (readRevision) of a save run on its own that sends no links; null
   * otherwise, and for a form without its progress row yet.
   */
  formRevBefore: number | null;
}

/**
 * Writes the item if it is still at `fromVersion` (two people saving the same version cannot both win) —
 * and, run on its own, if the assessment is still at `decidedOnStatus` —, replaces its evidence links when
 * given and appends the audit entry. Null when the guard did not match (nothing written).
 */
export async function writeItemWithAudit(
  db: Db,
  w: ItemWrite,
  actor: AuditActor,
  entry: AuditEntryInput,
): Promise<SavedItem | null> {
  const params: unknown[] = [
    w.assessmentId,
    w.code,
    JSON.stringify(w.inputs),
    w.selfScore,
    w.explanation,
    w.updatedBy,
    w.updatedAt.toISOString(),
    w.fromVersion,
  ];
  const linking = w.evidenceIds !== undefined;
  if (linking) params.push(pgArray(w.evidenceIds!));
  params.push(...auditSqlParams(actor, entry, w.updatedAt));
  const alone = w.decidedOnStatus !== undefined;
  if (alone) params.push(w.decidedOnStatus);
  const revision = alone && !linking && w.readRevision === true;
  const [saved] = await runNamed(db, writes.get(`${w.exists}/${alone}/${linking}/${revision}`)!, params);
  if (!saved) return null;
  const before = saved.form_rev;
  return {
    version: saved.version,
    reopened: saved.reopened,
    formRevBefore: before === null || before === undefined ? null : Number(before),
  };
}

/** A uuid[] parameter as PostgreSQL array text, the same on both drivers; what is not a uuid is no id. */
function pgArray(ids: readonly string[]): string {
  return `{${ids.filter(isUuid).join(',')}}`;
}
