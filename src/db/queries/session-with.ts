// The session and what a hot route reads first, in ONE round trip (decision 0026). Every API request reads
// its session before anything else (plugins/auth.ts); a hot route's first read — the item save's context,
// the submission's context, the form's state — depends only on the request's path and body, not on who
// asks, so it can ride in the same statement: the session's row, then the route's read as a lateral join
// on it. Nothing of it is shown before the caller is known and the policy has allowed the read: the route
// decides on it exactly as on its own read, made a moment later. No session row (an unknown cookie) → no
// row at all, and the route's read is not even run.
// The two come back as two JSON values, not as ~60 columns: every column of a result costs the driver its
// own parse and, on PGlite, the embedded backend its own output call (the amendment of decision 0026 has
// the figures). Values read as JSON: timestamps in ISO form, numbers as numbers, jsonb and arrays as they
// are — each route's parse reads them as it reads its own statement's row.
import type { Db } from '../client.ts';
import { type NamedStatement, namedStatement, runNamed } from '../prepared.ts';
import { type SessionWithGrants, hashToken, liveSessionOf, sessionSelectSql } from './sessions.ts';

/** A route's read made with the session: its statement (session + read), its parameters ($2 …), its parse. */
export interface ReadWithSession<T> {
  readonly statement: NamedStatement<SessionWithRow>;
  readonly params: unknown[];
  /** The read's result from its row (as JSON: see above); null when the read found nothing. */
  readonly parse: (row: Record<string, unknown> | null) => T;
}

/** A read made with the session, as the auth plugin keeps it on the request (untyped: routes differ). */
export interface MadeWithSession {
  read: ReadWithSession<unknown>;
  value: unknown;
}

/** The value of a read made with the session, when one of `statements` made it (its maker knows its type). */
export function valueMadeBy<T>(
  made: MadeWithSession | undefined,
  ...statements: NamedStatement<SessionWithRow>[]
): T | undefined {
  return made && statements.includes(made.read.statement) ? (made.value as T) : undefined;
}

/**
 * The statement of the session joined with a route's read. `read` is one SELECT whose parameters are
 * numbered from $2 ($1 is the token's hash) and whose columns have distinct names. One row: the session's
 * columns as one JSON object (sessionSelectSql: session_id, csrf_token, expires_at, last_seen_at,
 * user_id, username, full_name, email, phone, active, grants) and the read's row as another (null when it
 * found nothing).
 */
export function sessionWithStatement(name: string, read: string): NamedStatement<SessionWithRow> {
  return namedStatement<SessionWithRow>(
    name,
    `with session as materialized (${sessionSelectSql('$1')})
   select to_json(session) as session, to_json(route_read) as route_read
   from session left join lateral (${read}) route_read on true`,
  );
}

/** What a statement of sessionWithStatement answers (drivers parse json values). */
export interface SessionWithRow {
  session: Record<string, unknown>;
  route_read: Record<string, unknown> | null;
}

/** The live session (null: none, or ended) and, with it, the route's read. */
export async function findSessionWith<T>(
  db: Db,
  token: string,
  idleMs: number,
  read: ReadWithSession<T>,
  now = Date.now(),
): Promise<{ session: SessionWithGrants; read: T } | null> {
  const [row] = await runNamed(db, read.statement, [hashToken(token), ...read.params]);
  const session = liveSessionOf(row?.session, idleMs, now);
  return session ? { session, read: read.parse(row!.route_read) } : null;
}
