// What the public portal may read: the LATEST snapshot of each campaign that has one — fully published,
// archived, or published in part while other authorities have not yet published theirs (000 Điều 9.4: a
// district publishes its communes on its own; the snapshot lists the pending parts) — never the live tables. The per-request lookup reads only the small
// snapshot metadata; the payload is loaded, VERIFIED (digest, signature, key: snapshot-integrity.ts)
// and parsed once into a SnapshotView kept in an in-process LRU. A snapshot never changes legitimately
// (a correction is a new row with a new digest), so a view stays valid while its row's digest,
// signature and key are those it was verified with — which is the cache key.
import type { Db } from '../../db/client.ts';
import { snapshotPayload } from '../../db/queries/snapshots.ts';
import { OperationError } from '../errors.ts';
import { type SnapshotRef, assertSnapshotValid, publicationUnverified, recentRefusal } from './snapshot-integrity.ts';
import { readSnapshotPayload } from '../../core/results/index.ts';
import { type SnapshotView, buildSnapshotView } from './snapshot-view.ts';

// The reads themselves are statements in src/db: the metadata of the latest snapshots, the versions, the
// headings of campaigns and the node mappings (the trend) are answered there and re-exported here.
export { type PublishedMeta, publishedVersions } from '../../db/queries/snapshots.ts';
// From memory while no snapshot changed (published-memo.ts).
export { allPublished, latestPublished } from './published-memo.ts';
export { publicKeyPemOf } from '../../db/queries/publication-keys.ts';
export { campaignHeadings, confirmedMapping, mappingsStamp } from '../../db/queries/publication-sources.ts';

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
    const raw = await snapshotPayload(db, meta.snapshotId);
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
