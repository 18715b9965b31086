// Hot-path statements as fixed SQL text run as named prepared statements. PostgreSQL parses and plans
// each once per connection, and no query builder runs per request: building a Drizzle query of a few
// joins costs the Node process more CPU (~0.3 ms) than PostgreSQL spends answering it by primary key.
// Rows come back as the driver gives them (snake_case keys, jsonb parsed, timestamps as text on both
// drivers). PGlite ignores the name.
import type { Db } from './client.ts';

export interface NamedStatement<Row> {
  /** Unique per statement text (a connection keeps one plan per name). */
  readonly name: string;
  readonly text: string;
  /** Phantom: the row shape. */
  readonly row?: Row;
}

export function namedStatement<Row>(name: string, text: string): NamedStatement<Row> {
  return { name, text };
}

/** Runs the statement on a database or inside a transaction, with positional parameters ($1 …). */
export async function runNamed<Row>(db: Db, statement: NamedStatement<Row>, params: unknown[]): Promise<Row[]> {
  const prepared = db._.session.prepareQuery({ sql: statement.text, params }, undefined, statement.name, false);
  const result = (await prepared.execute()) as { rows: Row[] };
  return result.rows;
}
