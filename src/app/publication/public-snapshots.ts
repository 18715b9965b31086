// What the public portal may read: the LATEST snapshot of each campaign that has one — fully published,
// archived, or published in part while other authorities have not yet published theirs (000 Điều 9.4: a
// district publishes its communes on its own; the snapshot lists the pending parts) — never the live tables. The per-request lookup reads only the small
// snapshot metadata; the payload is loaded, VERIFIED (digest, signature, key: snapshot-integrity.ts)
// and parsed once into a SnapshotView kept in an in-process LRU. A snapshot never changes legitimately
// (a correction is a new row with a new digest), so a view stays valid while its row's digest,
// signature and key are those it was verified with — which is the cache key.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rowsOf } from '../../db/queries/assessments.ts';
import { uuidArray } from '../../db/queries/sql-arrays.ts';
import { OperationError } from '../errors.ts';
import { type SnapshotRef, assertSnapshotValid, publicationUnverified, recentRefusal } from './snapshot-integrity.ts';
import { readSnapshotPayload } from '../../core/results/index.ts';
import { type SnapshotView, buildSnapshotView } from './snapshot-view.ts';

export interface PublishedMeta {
  snapshotId: string;
  campaignId: string;
  version: number;
  digest: string;
  signature: string;
  keyId: string;
  createdAt: string;
}

type MetaRow = {
  id: string;
  campaign_id: string;
  version: number | string;
  digest: string;
  signature: string;
  key_id: string;
  created_at: string | Date;
};
const metaOf = (r: MetaRow): PublishedMeta => ({
  snapshotId: r.id,
  campaignId: r.campaign_id,
  version: Number(r.version),
  digest: r.digest,
  signature: r.signature,
  keyId: r.key_id,
  createdAt: new Date(r.created_at).toISOString(),
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The latest snapshot of a published campaign; null for an unknown, unpublished or malformed id. */
export async function latestPublished(db: Db, campaignId: string): Promise<PublishedMeta | null> {
  if (!UUID.test(campaignId)) return null;
  const rows = rowsOf<MetaRow>(
    await db.execute(sql`select s.id, s.campaign_id, s.version, s.digest, s.signature, s.key_id, s.created_at
      from snapshots s join campaigns c on c.id = s.campaign_id
      where s.campaign_id = ${campaignId}::uuid
      order by s.version desc limit 1`),
  );
  return rows[0] ? metaOf(rows[0]) : null;
}

/** Latest snapshot of every campaign published, in whole or in part. */
export async function allPublished(db: Db): Promise<PublishedMeta[]> {
  const rows = rowsOf<MetaRow>(
    await db.execute(sql`select distinct on (s.campaign_id) s.id, s.campaign_id, s.version, s.digest, s.signature, s.key_id, s.created_at
      from snapshots s join campaigns c on c.id = s.campaign_id
      order by s.campaign_id, s.version desc`),
  );
  return rows.map(metaOf);
}

/** Name, year, kind and owner of campaigns from their rows: the heading of a publication that failed verification. */
export async function campaignHeadings(
  db: Db,
  ids: readonly string[],
): Promise<
  Map<string, { id: string; name: string; year: number; kind: string; owner: { code: string; name: string } }>
> {
  if (ids.length === 0) return new Map();
  const rows = rowsOf<{
    id: string;
    name: string;
    year: number | string;
    kind: string;
    owner_code: string;
    owner_name: string;
  }>(
    await db.execute(sql`select c.id, c.name, c.year, c.kind, o.code as owner_code, o.name as owner_name
      from campaigns c join org_units o on o.id = c.owner_unit_id where c.id = any(${uuidArray(ids)})`),
  );
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, name: r.name, year: Number(r.year), kind: r.kind, owner: { code: r.owner_code, name: r.owner_name } },
    ]),
  );
}

/** Every version of a published campaign (corrections carry their reason). */
export async function publishedVersions(
  db: Db,
  campaignId: string,
): Promise<{ version: number; reason: string | null; publishedAt: string }[]> {
  const rows = rowsOf<{ version: number | string; reason: string | null; created_at: string | Date }>(
    await db.execute(
      sql`select version, reason, created_at from snapshots where campaign_id = ${campaignId}::uuid order by version`,
    ),
  );
  return rows.map((r) => ({
    version: Number(r.version),
    reason: r.reason,
    publishedAt: new Date(r.created_at).toISOString(),
  }));
}

export async function publicKeyPemOf(db: Db, keyId: string): Promise<string | null> {
  const rows = rowsOf<{ public_key_pem: string }>(
    await db.execute(sql`select public_key_pem from signing_keys where id = ${keyId}`),
  );
  return rows[0]?.public_key_pem ?? null;
}

/** Confirmed node mapping between two index-set versions, as {fromCode, toCode} pairs; null when none. */
export async function confirmedMapping(
  db: Db,
  fromId: string,
  toId: string,
): Promise<{ fromCode: string; toCode: string }[] | null> {
  const rows = rowsOf<{ pairs: { fromCode: string; toCode: string }[] }>(
    await db.execute(
      sql`select pairs from framework_mappings where from_id = ${fromId}::uuid and to_id = ${toId}::uuid`,
    ),
  );
  return rows[0]?.pairs ?? null;
}

const CACHE_SIZE = 12;
const cache = new Map<string, Promise<SnapshotView>>();

/**
 * The parsed view of a snapshot, VERIFIED (snapshot-integrity.ts) when its payload is loaded: a snapshot
 * that fails throws PUBLICATION_UNVERIFIED. LRU by id + digest + signature + key; a failed load is not kept.
 */
export function snapshotView(db: Db, meta: SnapshotRef): Promise<SnapshotView> {
  const key = `${meta.snapshotId}:${meta.digest}:${meta.signature}:${meta.keyId}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  // Refused a moment ago: refused again without re-reading a payload of megabytes on every request.
  if (recentRefusal(meta)) return Promise.reject(publicationUnverified(meta.campaignId));
  const loading = (async () => {
    const rows = rowsOf<{ payload: unknown }>(
      await db.execute(sql`select payload from snapshots where id = ${meta.snapshotId}::uuid`),
    );
    const raw = rows[0]?.payload;
    if (!raw) throw new Error(`snapshot ${meta.snapshotId} vanished`);
    const payload = typeof raw === 'string' ? (JSON.parse(raw) as unknown) : raw;
    await assertSnapshotValid(db, meta, payload);
    // Verified as stored; then read through its format's schema (an older format upgraded by reading).
    return buildSnapshotView(meta.digest, readSnapshotPayload(payload));
  })();
  cache.set(key, loading);
  loading.catch(() => cache.delete(key));
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return loading;
}

/** The views of the published snapshots that verify, in the order given; the others are left out (and reported). */
export async function verifiedViews<M extends SnapshotRef>(
  db: Db,
  metas: readonly M[],
): Promise<{ meta: M; view: SnapshotView }[]> {
  const out: { meta: M; view: SnapshotView }[] = [];
  for (const meta of metas) {
    try {
      out.push({ meta, view: await snapshotView(db, meta) });
    } catch (err) {
      if (!(err instanceof OperationError && err.code === 'PUBLICATION_UNVERIFIED')) throw err;
    }
  }
  return out;
}

/** Changes whenever a node mapping is confirmed or replaced: part of the unit page's ETag (its trend uses them). */
export async function mappingsStamp(db: Db): Promise<string> {
  const rows = rowsOf<{ n: number | string; last: string | Date | null }>(
    await db.execute(sql`select count(*) as n, max(confirmed_at) as last from framework_mappings`),
  );
  const r = rows[0];
  return `${Number(r?.n ?? 0)}:${r?.last ? new Date(r.last).toISOString() : ''}`;
}
