// Whether this process hears of every change to the published snapshots, and how many it has heard.
// Migration 0019 notifies channel thuocdo_publication when a transaction that touched `snapshots`
// commits. Embedded PGlite is owned by one process (data-directory lock) and delivers the notice to its
// listener before the writing query's promise resolves, so a generation read after any committed change
// — by the app, a CLI command in this process or a hand-written UPDATE in a test — has moved already.
// PostgreSQL delivers notices asynchronously and other processes write too: no watch there, every
// request reads (a named statement). The watch is armed only once the trigger is seen to exist.
import type { PGlite } from '@electric-sql/pglite';
import type { Db } from './client.ts';

export const PUBLICATION_CHANNEL = 'thuocdo_publication';

interface Watch {
  generation: number;
  /** undefined: not checked yet; a promise while the trigger is looked up; then whether it exists. */
  armed: boolean | Promise<boolean> | undefined;
  client: PGlite;
}

const watches = new WeakMap<Db, Watch>();

/** Listens on the channel for this PGlite database (client.ts, at open). */
export async function watchPglitePublications(client: PGlite, db: Db): Promise<void> {
  const watch: Watch = { generation: 0, armed: undefined, client };
  await client.listen(PUBLICATION_CHANNEL, () => {
    watch.generation++;
  });
  watches.set(db, watch);
}

/**
 * The count of snapshot changes this process has heard of on `db`, or null when it cannot hear every
 * change (PostgreSQL, a transaction object, the trigger not there yet): the caller must then read.
 */
export function publicationGeneration(db: Db): number | null {
  const watch = watches.get(db);
  if (!watch) return null;
  if (watch.armed === true) return watch.generation;
  if (watch.armed === undefined) {
    const lookup = watch.client
      .query(`select 1 from pg_trigger where tgname = 'snapshots_publication_changed'`)
      .then((r) => r.rows.length > 0)
      .catch(() => false);
    watch.armed = lookup;
    // Not found (a database not migrated yet): looked up again on a later request.
    void lookup.then((found) => (watch.armed = found ? true : undefined));
  }
  return null;
}
