// Hot-path statements as fixed SQL text run as named prepared statements: the database parses and plans
// each once per connection, and no query builder runs per request: building a Drizzle query of a few
// joins costs the Node process more CPU (~0.3 ms) than PostgreSQL spends answering it by primary key.
// On PostgreSQL node-postgres prepares it once per pooled connection, and its result is described once per
// process (pg-named-query.ts, decision 0020). PGlite's own `query` ignores names and parses every call again, so on PGlite the protocol
// messages are sent here (pglite-prepared.ts, decision 0017). Rows come back as the driver gives them
// (snake_case keys, jsonb parsed, timestamps as text on both drivers).
import type { Db } from './client.ts';
import { runNamedPg } from './pg-named-query.ts';
import { pgliteTarget, runNamedPglite } from './pglite-prepared.ts';

export interface NamedStatement<Row> {
  /** Unique per statement text (a connection keeps one plan per name). */
  readonly name: string;
  readonly text: string;
  /** Phantom: the row shape. */
  readonly row?: Row;
}

/** Every statement made so far (a test prepares each on both databases). */
const made: NamedStatement<unknown>[] = [];

export function namedStatement<Row>(name: string, text: string): NamedStatement<Row> {
  const statement = { name, text };
  made.push(statement);
  return statement;
}

/** The statements of the modules loaded so far. */
export function namedStatementsMade(): readonly NamedStatement<unknown>[] {
  return made;
}

/** Runs the statement on a database or inside a transaction, with positional parameters ($1 …). */
export async function runNamed<Row>(db: Db, statement: NamedStatement<Row>, params: unknown[]): Promise<Row[]> {
  const session = db._.session as unknown as { client: unknown };
  const pglite = pgliteTarget(session.client);
  if (pglite) return runNamedPglite<Row>(pglite.pglite, pglite.tx, statement.name, statement.text, params);
  return runNamedPg<Row>(session.client as Parameters<typeof runNamedPg>[0], statement.name, statement.text, params);
}
