// The snapshot metadata the portal reads on every request (which snapshot is the latest of a campaign,
// of every campaign), kept in memory while the database says nothing changed: on results day a public
// request then reads nothing at all (PGlite ran a query per request: ~1 ms of the only core Node has;
// PostgreSQL a round trip costing both processes more CPU than sending the cached bytes).
// Correct because the generation (db/publication-changes.ts) moves on every committed change to the
// snapshots before the writer's query resolves — on PGlite always, on PostgreSQL for this process's own
// writes (others' arrive by NOTIFY, milliseconds later) — so a publication, a correction or a row edited
// by hand is seen by the very next request, which is what the snapshot-integrity tests expect. Only a
// verified view is ever served from what is kept. Where no generation is known (a transaction, the
// listening connection down) every call reads, as before.
import type { Db } from '../../db/client.ts';
import { publicationGeneration } from '../../db/publication-changes.ts';
import * as queries from '../../db/queries/snapshots.ts';
import type { PublishedMeta } from '../../db/queries/snapshots.ts';

interface Memo {
  generation: number;
  latest: Map<string, Promise<PublishedMeta | null>>;
  all: Promise<readonly PublishedMeta[]> | null;
}

const memos = new WeakMap<Db, Memo>();

/** The memo of `db` for this generation (emptied when the generation moved), or null to read. */
function memoOf(db: Db): Memo | null {
  const generation = publicationGeneration(db);
  if (generation === null) return null;
  let memo = memos.get(db);
  if (!memo || memo.generation !== generation) {
    memo = { generation, latest: new Map(), all: null };
    memos.set(db, memo);
  }
  return memo;
}

/** The latest snapshot of a published campaign (db/queries/snapshots.ts), from memory when current. */
export function latestPublished(db: Db, campaignId: string): Promise<PublishedMeta | null> {
  const memo = memoOf(db);
  if (!memo) return queries.latestPublished(db, campaignId);
  let pending = memo.latest.get(campaignId);
  if (!pending) {
    // One read for concurrent first requests. A change committed while it runs moves the generation,
    // and the next request starts a new memo: a read from before the change is never served after it.
    pending = queries.latestPublished(db, campaignId);
    memo.latest.set(campaignId, pending);
    // Only published campaigns are kept (unknown ids would grow the map); a failed read is not kept.
    const read = pending;
    const forget = () => {
      if (memo.latest.get(campaignId) === read) memo.latest.delete(campaignId);
    };
    read.then((meta) => {
      if (meta === null) forget();
    }, forget);
  }
  return pending;
}

/** Latest snapshot of every campaign published (db/queries/snapshots.ts), from memory when current. Read-only. */
export function allPublished(db: Db): Promise<readonly PublishedMeta[]> {
  const memo = memoOf(db);
  if (!memo) return queries.allPublished(db);
  if (!memo.all) {
    const pending = queries.allPublished(db);
    memo.all = pending;
    pending.catch(() => {
      if (memo.all === pending) memo.all = null;
    });
  }
  return memo.all;
}
