// The pull job: fetch the period's response(s), read the records, place each unit and check each value,
// then — only if nothing is wrong — supply the figures through the same write path as pushed figures
// (figures/supply-figures.ts: they pre-fill items, never overwrite a unit's own entry, and are audited).
//
// All or nothing per run. A failed pull (unreachable, timeout, HTTP error, too large, malformed body) or a
// partial one (unknown unit identifiers, missing, non-numeric or out-of-range values, figures the campaign
// refuses) changes nothing already stored: no supplied figure, no item. The run itself is always recorded
// — URL(s), fetched-at, period, SHA-256 of the response, status, reason code and parameters, counts — and,
// once records were read, per unit the raw record (provenance, and the list of unknown identifiers the DX
// office reviews). Unreachable sources, timeouts and 5xx answers are retried with backoff before the run
// gives up (infra/data-sources/fetch-source.ts).
import { createHash } from 'node:crypto';
import {
  type MappedUnit,
  type PullProblem,
  type SourceRecord,
  type TemplateValues,
  type UnitTarget,
  expandBody,
  expandUrl,
  isPaged,
  isPerUnit,
  pageVerdict,
  mapRecords,
  parsePeriod,
  periodLabelVi,
  periodValues,
  readRecords,
  unitsMappedTwice,
  valueAt,
} from '../../core/data-sources/index.ts';
import type { Db } from '../../db/client.ts';
import {
  type ValueRow,
  findRun,
  findSource,
  insertRunValues,
  markRunRunning,
  participantCodes,
  recordRunOutcome,
  runAccount,
  unitCodesUnder,
} from '../../db/queries/data-sources.ts';
import { actorFromGrants, loadGrants } from '../../db/queries/load-actor.ts';
import { type FetchLimits, type SourceRequest, fetchSource } from '../../infra/data-sources/fetch-source.ts';
import { auditActorOf } from '../actor.ts';
import { OperationError } from '../errors.ts';
import type { FigureInput } from '../figures/check-figures.ts';
import { FiguresInvalid, openSupply, supplyFigures } from '../figures/supply-figures.ts';
import type { KeySecrets } from '../publication/key-secret.ts';
import type { PullPayload } from './request-run.ts';
import { openToken } from './source-access.ts';

export interface PullContext {
  db: Db;
  secrets: KeySecrets;
  limits: FetchLimits;
  clock: () => Date;
  /** Waits between retries (tests pass a short one). */
  sleep?: (ms: number) => Promise<void>;
  /** Requests in flight at once for a per-unit source. */
  concurrency?: number;
}

export type PullStatus = 'ok' | 'partial' | 'failed';
export interface PullResult {
  runId: string;
  status: PullStatus | 'skipped';
  reason?: PullProblem | null;
  counts?: Record<string, number>;
}

const MAX_PROBLEMS = 200;
/**
 * Units whose figures (and raw values) are written per slice. A slice's figures, checks, item rows, audit
 * entries and statement texts are built only when it is written and are garbage before the next one: what a
 * pull holds at once is the records read and one slice, not 24,000 figures with their audits. 100 units (600
 * figures): on PGlite, 4,000 units grew RSS by ≤ 33 MB in three runs against 76–105 MB with 500-unit slices,
 * for about 15 % more time. 50 units (300 figures): what a slice holds while it waits for the database outlives
 * young-generation collections and is promoted, to be collected only by the next full collection — on
 * PostgreSQL the JS heap of a pull peaked at +74–76 MB against +91–107 with 100-unit slices, RSS +20–41 MB
 * against +41–70, no slower (bench/pull-766.bench.ts, docs/data-sources.md).
 */
const SLICE_UNITS = 50;

type Finish = {
  status: PullStatus;
  reason: PullProblem | null;
  problems?: PullProblem[];
  counts?: Record<string, number>;
  fetched?: { urls: string[]; sha256: string | null; bytes: number; attempts: number; at: Date };
};

async function finish(db: Db, runId: string, f: Finish, now: Date): Promise<void> {
  await recordRunOutcome(db, runId, {
    status: f.status,
    reasonCode: f.reason?.code ?? null,
    reasonParams: f.reason?.params ?? null,
    problems: f.problems ? f.problems.slice(0, MAX_PROBLEMS) : null,
    ...(f.counts ? { counts: f.counts } : {}),
    ...(f.fetched
      ? {
          urls: f.fetched.urls,
          responseSha256: f.fetched.sha256,
          responseBytes: f.fetched.bytes,
          attempts: f.fetched.attempts,
          fetchedAt: f.fetched.at,
        }
      : {}),
    finishedAt: now,
  });
}

/** One response of the source (one page of one target's answer), read; `problem` when it failed. */
interface Fetched {
  url: string;
  attempts: number;
  sha256: string | null;
  bytes: number;
  records: SourceRecord[];
  problem: PullProblem | null;
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!);
      }
    }),
  );
  return out;
}

export async function runPull(ctx: PullContext, payload: PullPayload): Promise<PullResult> {
  const { db } = ctx;
  const run = await findRun(db, payload.runId);
  if (!run || ['ok', 'partial', 'failed'].includes(run.status)) return { runId: payload.runId, status: 'skipped' };
  const src = await findSource(db, run.sourceId);
  const period = parsePeriod(run.period);
  if (!src || !period || !run.campaignId) {
    await finish(db, run.id, { status: 'failed', reason: { code: 'SOURCE_GONE', params: {} } }, ctx.clock());
    return { runId: run.id, status: 'failed', reason: { code: 'SOURCE_GONE', params: {} } };
  }
  await markRunRunning(db, run.id);
  const s = src.source;
  const fail = async (reason: PullProblem, fetched?: Finish['fetched']): Promise<PullResult> => {
    await finish(db, run.id, { status: 'failed', reason, ...(fetched ? { fetched } : {}) }, ctx.clock());
    return { runId: run.id, status: 'failed', reason };
  };

  // Our units: identifiers mapped explicitly, or (when asked) equal to a unit code under the owner.
  const codeToId = await unitCodesUnder(db, src.ownerPath);
  const idToCode = new Map([...codeToId].map(([code, id]) => [id, code]));
  const units = new Map<string, UnitTarget>();
  for (const [sourceId, unitId] of Object.entries(s.unitMapping)) {
    if (unitId === null) units.set(sourceId, { unitCode: null });
    else if (idToCode.has(unitId)) units.set(sourceId, { unitCode: idToCode.get(unitId)! });
  }

  const headers: Record<string, string> = {};
  if (s.authHeader && s.authTokenEncrypted) {
    const token = openToken(s.authTokenEncrypted, ctx.secrets);
    if (token === null) return fail({ code: 'TOKEN_UNREADABLE', params: {} });
    headers[s.authHeader] = token;
  }
  const values = periodValues(period);
  const counts0: Record<string, number> = {};
  const perUnit = isPerUnit(s.urlTemplate, s.bodyTemplate);
  let targets: (string | null)[] = [null];
  if (perUnit) {
    const ids = new Set([...units].filter(([, t]) => t.unitCode !== null).map(([id]) => id));
    if (s.matchByCode) for (const code of await participantCodes(db, run.campaignId)) ids.add(code);
    targets = [...ids].sort();
    if (targets.length === 0) return fail({ code: 'NO_UNITS_TO_ASK', params: {} });
  }
  const paged = isPaged(s.urlTemplate, s.bodyTemplate);
  const requestFor = (unitCode: string | null, page: number | null): SourceRequest => {
    const v: TemplateValues = {
      ...values,
      ...(unitCode === null ? {} : { unitCode }),
      ...(page === null ? {} : { page }),
    };
    return {
      url: expandUrl(s.urlTemplate, v),
      method: s.method === 'POST' ? 'POST' : 'GET',
      body: s.bodyTemplate ? expandBody(s.bodyTemplate, v) : null,
      headers,
    };
  };
  // One target's answer: one response, or page after page (paging.ts) until the last. A failed page ends it.
  const fetchTarget = async (asked: string | null): Promise<Fetched[]> => {
    const out: Fetched[] = [];
    const seen = new Set<string>();
    let firstPageSize = 0;
    for (let page = 1; ; page++) {
      const req = requestFor(asked, paged ? page : null);
      const r = await fetchSource(req, ctx.limits, ctx.sleep);
      if (!r.ok) {
        out.push({ url: req.url, attempts: r.attempts, sha256: null, bytes: 0, records: [], problem: r.reason });
        return out;
      }
      const read = readRecords(r.text, s.format as 'json' | 'csv', s.recordsPath);
      const base = { url: req.url, attempts: r.attempts, sha256: r.sha256, bytes: r.bytes };
      if (!read.ok) {
        out.push({ ...base, records: [], problem: { code: read.code, params: read.params } });
        return out;
      }
      // A per-unit answer may leave out the identifier it was asked about: it is the one asked.
      const records = read.records.map((rec) =>
        asked && valueAt(rec, s.unitIdField) == null && !s.unitIdField.includes('.')
          ? { ...rec, [s.unitIdField]: asked }
          : rec,
      );
      if (!paged) {
        out.push({ ...base, records, problem: null });
        return out;
      }
      const ids = records.map((rec) => String(valueAt(rec, s.unitIdField) ?? ''));
      if (page === 1) firstPageSize = ids.length;
      const verdict = pageVerdict({ page, firstPageSize, ids, seenBefore: seen });
      out.push({ ...base, records: verdict.next === 'done' && verdict.repeated ? [] : records, problem: null });
      if (verdict.next === 'fail') {
        out.push({ url: req.url, attempts: 0, sha256: null, bytes: 0, records: [], problem: verdict.problem });
        return out;
      }
      if (verdict.next === 'done') return out;
      for (const id of ids) seen.add(id);
    }
  };

  const answers = (await mapLimit(targets, ctx.concurrency ?? 4, fetchTarget)).flat();
  const fetchedAt = ctx.clock();
  const urls = [...new Set(answers.map((a) => a.url))];
  const attempts = Math.max(...answers.map((a) => a.attempts));
  const bodies = answers.filter((a) => a.sha256 !== null);
  const sha256 =
    bodies.length === 1
      ? bodies[0]!.sha256
      : createHash('sha256')
          .update(bodies.map((a) => a.sha256).join('\n'))
          .digest('hex');
  const bytes = bodies.reduce((n, a) => n + a.bytes, 0);
  const fetched = { urls, sha256: bodies.length > 0 ? sha256 : null, bytes, attempts, at: fetchedAt };
  const failed = answers.find((a) => a.problem !== null);
  if (failed)
    return fail({ code: failed.problem!.code, params: { ...failed.problem!.params, url: failed.url } }, fetched);
  const records = answers.flatMap((a) => a.records);
  counts0.pages = answers.length;

  const mapped = mapRecords(records, {
    unitIdField: s.unitIdField,
    unitNameField: s.unitNameField,
    units,
    ourCodes: s.matchByCode ? new Set(codeToId.keys()) : undefined,
    fields: s.fieldMapping,
  });
  const problems = [...mapped.problems, ...unitsMappedTwice(mapped.units)];
  if (s.fieldMapping.length === 0) problems.push({ code: 'NO_FIELD_MAPPING', params: {} });
  const valueRowOf = (u: MappedUnit): ValueRow => ({
    sourceUnitId: u.sourceUnitId,
    sourceUnitName: u.sourceUnitName,
    unitId: u.unitCode ? (codeToId.get(u.unitCode) ?? null) : null,
    known: u.known,
    raw: u.raw,
  });
  const counts: Record<string, number> = {
    ...counts0,
    records: records.length,
    units: mapped.units.filter((u) => u.unitCode).length,
    ignored: mapped.units.filter((u) => u.known && !u.unitCode).length,
    unknown: mapped.unknown.length,
  };
  const partial = async (found: PullProblem[], extra: Record<string, number> = {}): Promise<PullResult> => {
    await db.transaction(async (tx) => {
      await insertRunValues(tx, run.id, mapped.units.map(valueRowOf));
      await finish(
        tx,
        run.id,
        { status: 'partial', reason: found[0]!, problems: found, counts: { ...counts, ...extra }, fetched },
        ctx.clock(),
      );
    });
    return { runId: run.id, status: 'partial', reason: found[0]!, counts: { ...counts, ...extra } };
  };
  if (problems.length > 0) return partial(problems);

  const label = `${s.name} — ${periodLabelVi(period)}`;
  const figuresOf = (units: readonly MappedUnit[]): FigureInput[] =>
    units.flatMap((u) =>
      u.unitCode
        ? Object.entries(u.figures).map(([itemCode, inputs]) => ({
            unitCode: u.unitCode!,
            itemCode,
            inputs,
            source: label,
          }))
        : [],
    );
  counts.figures = mapped.units.reduce((n, u) => n + (u.unitCode ? Object.keys(u.figures).length : 0), 0);

  // The run acts as its requester, or (scheduled) as the account that last saved the source.
  const accountId = run.requestedBy ?? s.updatedBy ?? s.createdBy;
  const account = await runAccount(db, accountId);
  if (!account?.active) return fail({ code: 'ACCOUNT_INACTIVE', params: {} }, fetched);
  const who = {
    actor: actorFromGrants(account.id, await loadGrants(db, account.id)),
    audit: auditActorOf(account),
    userId: account.id,
  };

  try {
    const result = await db.transaction(async (tx) => {
      // Supplied in slices of units, inside this one transaction: a refusal in any slice undoes them all
      // (all or nothing), and what a slice held is garbage before the next one (memory stays bounded). The
      // slice's raw values are written with it.
      const supplied = { prefilled: 0, kept: 0, unchanged: 0, locked: 0 };
      const session = await openSupply(tx, who, {
        campaignId: run.campaignId!,
        unitCodes: mapped.units.flatMap((u) => (u.unitCode ? [u.unitCode] : [])),
      });
      for (let i = 0; i < mapped.units.length; i += SLICE_UNITS) {
        const units = mapped.units.slice(i, i + SLICE_UNITS);
        const figures = figuresOf(units);
        if (figures.length > 0) {
          const r = await supplyFigures(tx, {
            who,
            campaignId: run.campaignId!,
            figures,
            now: fetchedAt,
            dataSourceRunId: run.id,
            session,
          });
          supplied.prefilled += r.prefilled;
          supplied.kept += r.kept;
          supplied.unchanged += r.unchanged;
          supplied.locked += r.locked;
        }
        await insertRunValues(tx, run.id, units.map(valueRowOf));
      }
      const done = {
        ...counts,
        prefilled: supplied.prefilled,
        kept: supplied.kept,
        unchanged: supplied.unchanged,
        locked: supplied.locked,
      };
      await finish(tx, run.id, { status: 'ok', reason: null, counts: done, fetched }, ctx.clock());
      return done;
    });
    return { runId: run.id, status: 'ok', reason: null, counts: result };
  } catch (err) {
    if (err instanceof FiguresInvalid)
      return partial(
        err.problems.map((p) => ({
          code: p.code,
          params: { ...(p.params ?? {}), unit: p.unitCode, item: p.itemCode },
        })),
      );
    if (err instanceof OperationError) {
      const code =
        err.code === 'INVALID_STATE'
          ? 'CAMPAIGN_NOT_OPEN'
          : err.code === 'NOT_FOUND'
            ? 'CAMPAIGN_NOT_FOUND'
            : 'NOT_PERMITTED';
      return fail({ code, params: {} }, fetched);
    }
    throw err;
  }
}
