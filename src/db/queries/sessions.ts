// Database-backed sessions: the cookie carries a random token; the table stores only its SHA-256, so
// several app processes share sessions and a leaked table gives no usable cookie.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, lt, ne, or } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { namedStatement, runNamed } from '../prepared.ts';
import { sessions } from '../schema/accounts.ts';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(
  db: Db,
  input: { userId: string; ttlHours: number; ip?: string; userAgent?: string },
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + input.ttlHours * 3600_000);
  await db.insert(sessions).values({
    id: hashToken(token),
    userId: input.userId,
    csrfToken,
    expiresAt,
    ip: input.ip ?? null,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
  });
  return { token, csrfToken, expiresAt };
}

export interface SessionUser {
  sessionId: string;
  csrfToken: string;
  lastSeenAt: Date;
  user: { id: string; username: string; fullName: string; email: string | null; phone: string | null };
}

export async function touchSession(db: Db, sessionId: string): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.id, sessionId));
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** After a password change: every other session of the user ends. */
export async function deleteOtherSessions(db: Db, userId: string, keepSessionId: string | null): Promise<void> {
  await db
    .delete(sessions)
    .where(
      keepSessionId ? and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId)) : eq(sessions.userId, userId),
    );
}

/** Sessions past their absolute expiry or idle for longer than `idleMs`: removed by the purge job. */
export async function purgeSessions(db: Db, now: Date, idleMs: number): Promise<number> {
  const rows = await db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, new Date(now.getTime() - idleMs))))
    .returning({ id: sessions.id });
  return rows.length;
}

/**
 * The session's row, its user and the user's role grants aggregated as JSON, `hash` being the parameter
 * that carries the token's SHA-256 — as its own statement (below) and as the first part of a statement
 * that reads, in the same round trip, what a hot route needs (session-with.ts).
 */
export const sessionSelectSql = (hash: string) =>
  `select s.id as session_id, s.csrf_token, s.expires_at, s.last_seen_at,
          u.id as user_id, u.username, u.full_name, u.email, u.phone, u.active,
          coalesce(json_agg(json_build_object('id', ra.id, 'role', ra.role, 'unitId', ra.unit_id, 'subtree', ra.subtree,
                   'unitCode', ou.code, 'unitName', ou.name, 'unitPath', ou.path)) filter (where ra.id is not null), '[]') as grants
   from sessions s
   join users u on u.id = s.user_id
   left join role_assignments ra on ra.user_id = u.id
   left join org_units ou on ou.id = ra.unit_id
   where s.id = ${hash}::text
   group by s.id, u.id`;

const sessionWithGrants = namedStatement<Record<string, unknown>>('session_with_grants', sessionSelectSql('$1'));

export interface SessionGrant {
  id: string;
  role: string;
  unitId: string;
  subtree: boolean;
  unitCode: string;
  unitName: string;
  unitPath: string;
}
export type SessionWithGrants = SessionUser & { grants: SessionGrant[] };

/**
 * The live session and the user's role grants in ONE round trip: this runs on every API request, so it is
 * the cheapest query we can make it (a join with the grants aggregated as JSON, a named prepared
 * statement so PostgreSQL does not parse and plan it each time). A session past its absolute expiry, or
 * unused for longer than `idleMs` (last_seen_at, refreshed at most once a minute by the auth plugin), is
 * no session.
 */
export async function findSessionWithGrants(
  db: Db,
  token: string,
  idleMs: number,
  now = Date.now(),
): Promise<SessionWithGrants | null> {
  const rows = await runNamed(db, sessionWithGrants, [hashToken(token)]);
  return liveSessionOf(rows[0], idleMs, now);
}

/** The session of a row of sessionSelectSql's columns, or null when there is none or it has ended. */
export function liveSessionOf(
  row: Record<string, unknown> | undefined,
  idleMs: number,
  now = Date.now(),
): SessionWithGrants | null {
  if (!row || !row.active) return null;
  const expiresAt = new Date(row.expires_at as string | Date);
  if (expiresAt.getTime() <= now) return null;
  const lastSeenAt = new Date(row.last_seen_at as string | Date);
  if (now - lastSeenAt.getTime() > idleMs) return null;
  const grants = typeof row.grants === 'string' ? JSON.parse(row.grants) : row.grants;
  return {
    sessionId: row.session_id as string,
    csrfToken: row.csrf_token as string,
    lastSeenAt,
    user: {
      id: row.user_id as string,
      username: row.username as string,
      fullName: row.full_name as string,
      email: (row.email as string | null) ?? null,
      phone: (row.phone as string | null) ?? null,
    },
    grants,
  };
}
