// Whether this process hears of every change to the published snapshots, and how many it has heard.
// Migration 0019 notifies channel thuocdo_publication when a transaction that touched `snapshots` commits.
// - Embedded PGlite is owned by one process (data-directory lock) and delivers the notice to its listener
//   before the writing query's promise resolves: a generation read after any committed change — by the
//   app, or a hand-written UPDATE in a test — has moved already.
// - PostgreSQL: a dedicated connection LISTENs for the other processes' changes (seen once the notice
//   arrives, milliseconds after their commit); the changes made through this process's own pool move the
//   generation when the server reports any command other than a SELECT (before that query resolves), so
//   this process never serves its own superseded read. While the listening connection is down, nothing
//   is heard: the generation is null and every request reads.
// The watch is armed only once the trigger is seen to exist (a database not migrated yet stays unarmed).
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { Db } from './client.ts';

export const PUBLICATION_CHANNEL = 'thuocdo_publication';
const TRIGGER_EXISTS = `select 1 from pg_trigger where tgname = 'snapshots_publication_changed'`;
const RELISTEN_MS = 1000;

interface Watch {
  generation: number;
  /** undefined: not checked yet (or listening lost); a promise while the trigger is looked up; then whether it exists. */
  armed: boolean | Promise<boolean> | undefined;
  /** Looks the trigger up (and, on PostgreSQL, starts listening): true when changes are heard from now on. */
  arm: () => Promise<boolean>;
}

const watches = new WeakMap<Db, Watch>();

/** Listens on the channel for this PGlite database (client.ts, at open). */
export async function watchPglitePublications(client: PGlite, db: Db): Promise<void> {
  const watch: Watch = {
    generation: 0,
    armed: undefined,
    arm: () =>
      client
        .query(TRIGGER_EXISTS)
        .then((r) => r.rows.length > 0)
        .catch(() => false),
  };
  await client.listen(PUBLICATION_CHANNEL, () => {
    watch.generation++;
  });
  watches.set(db, watch);
}

/**
 * Hears this PostgreSQL database's snapshot changes for `db` (client.ts, at open): its own writes through
 * `pool`, and the other processes' through a LISTEN connection opened on first use. Returns the stop.
 */
export function watchPostgresPublications(pool: pg.Pool, url: string, db: Db): () => Promise<void> {
  let listener: pg.Client | null = null;
  let stopped = false;
  const watch: Watch = { generation: 0, armed: undefined, arm: () => Promise.resolve(false) };
  const lost = () => {
    watch.generation++;
    watch.armed = undefined; // every request reads until listening again (armed on a later request)
    const c = listener;
    listener = null;
    void c?.end().catch(() => {});
  };
  watch.arm = async () => {
    if (stopped) return false;
    const client = new pg.Client({ connectionString: url, keepAlive: true, connectionTimeoutMillis: 5000 });
    try {
      client.on('notification', () => watch.generation++);
      client.on('error', () => listener === client && lost());
      client.on('end', () => listener === client && lost());
      await client.connect();
      // Listening never keeps a process alive (a CLI command that forgets to close still exits).
      (client as unknown as { connection: { stream: { unref?: () => void } } }).connection.stream.unref?.();
      await client.query(`listen ${PUBLICATION_CHANNEL}`);
      if ((await client.query(TRIGGER_EXISTS)).rows.length === 0 || stopped) throw new Error('not armed');
      listener = client;
      watch.generation++; // what was read before listening is not kept
      return true;
    } catch {
      await client.end().catch(() => {});
      await new Promise((r) => setTimeout(r, RELISTEN_MS).unref()); // not a new connection per request
      return false;
    }
  };
  // This process's own writes: any command but a SELECT moves the generation (a COMMIT too), reported by
  // the server before the query's promise resolves.
  pool.on('connect', (client) => {
    (client as unknown as { connection: NodeJS.EventEmitter }).connection.on(
      'commandComplete',
      (msg: { text?: string }) => {
        if (!msg.text?.startsWith('SELECT')) watch.generation++;
      },
    );
  });
  watches.set(db, watch);
  return async () => {
    stopped = true;
    watch.armed = false;
    const c = listener;
    listener = null;
    await c?.end().catch(() => {});
  };
}

/**
 * The count of snapshot changes this process has heard of on `db`, or null when it cannot hear every
 * change (a transaction object, the trigger not there yet, PostgreSQL's listening connection down): the
 * caller must then read.
 */
export function publicationGeneration(db: Db): number | null {
  const watch = watches.get(db);
  if (!watch) return null;
  if (watch.armed === true) return watch.generation;
  if (watch.armed === undefined) {
    const arming = watch.arm();
    watch.armed = arming;
    void arming.then((ok) => {
      if (watch.armed === arming) watch.armed = ok ? true : undefined;
    });
  }
  return null;
}
