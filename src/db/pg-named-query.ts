// The hot path's named prepared statements on node-postgres without describing their result on every
// execution. node-postgres sends Bind, Describe (portal), Execute, Sync for each execution of a prepared
// statement: PostgreSQL answers every one with the row description, and the driver rebuilds the row's field
// parsers from it (Result.addFields) — ~5 % of the form load's CPU in its profile, for a description that
// cannot change while the statement's plan stands (PostgreSQL refuses to run a prepared statement whose
// result type changed: "cached plan must not change result type"). So a statement's description is kept
// once, by name (a name stands for one text: prepared.ts), from its first execution, and later executions
// on a connection where the statement is already parsed send Bind, Execute, Sync only and parse the rows
// with the kept parsers. Everything else — a first execution on a connection, a statement that returns no
// rows, errors — is node-postgres's own path (decision 0020).
import pg from 'pg';

/** Parsers as Drizzle's node-postgres session sets them for raw queries: date and time types stay text. */
const TEXT_TYPES = new Set<number>([
  pg.types.builtins.TIMESTAMPTZ,
  pg.types.builtins.TIMESTAMP,
  pg.types.builtins.DATE,
  pg.types.builtins.INTERVAL,
  1231, // numeric[]
  1115, // timestamp[]
  1185, // timestamptz[]
  1187, // interval[]
  1182, // date[]
]);
const identity = (value: unknown) => value;
/** The row types: the same values as through Drizzle (test/api/pg-named-query.test.ts compares them). */
export const namedQueryTypes = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') =>
    TEXT_TYPES.has(oid) ? identity : pg.types.getTypeParser(oid, format ?? 'text'),
};

interface Description {
  fields: unknown[];
  parsers: unknown[];
  empty: Record<string, null>;
}
const descriptions = new Map<string, Description>();
/** Executions that took the short path (Bind, Execute, Sync), for the test that shows it runs. */
export const describedOnce = { executions: 0 };

/** node-postgres's Query internals this file relies on (pg 8: lib/query.js, lib/result.js). */
interface QueryInternals {
  name: string;
  values: unknown[];
  portal: string;
  binary: boolean;
  rows: number | undefined;
  _accumulateRows: boolean;
  _result: { fields: unknown[]; _parsers: unknown[] | undefined; _prebuiltEmptyResultObject: Record<string, null> };
  hasBeenParsed(connection: unknown): boolean;
}
interface ConnectionInternals {
  bind(config: { portal: string; statement: string; values: unknown[]; binary: boolean; valueMapper: unknown }): void;
  execute(config: { portal: string; rows: number | undefined }): void;
  sync(): void;
}
const prepareValue = (pg as unknown as { utils?: { prepareValue: unknown } }).utils?.prepareValue;

type QueryClass = new (config: object) => object;
const BaseQuery = pg.Query as unknown as QueryClass;

class DescribedOnceQuery extends BaseQuery {
  prepare(connection: ConnectionInternals): void {
    const self = this as unknown as QueryInternals;
    const kept = descriptions.get(self.name);
    if (kept === undefined || prepareValue === undefined || !self.hasBeenParsed(connection)) {
      (BaseQuery.prototype as unknown as { prepare(c: unknown): void }).prepare.call(this, connection);
      return;
    }
    try {
      connection.bind({
        portal: self.portal,
        statement: self.name,
        values: self.values,
        binary: self.binary,
        valueMapper: prepareValue,
      });
    } catch {
      // A value the driver cannot map: its own path reports it (and closes what it opened).
      (BaseQuery.prototype as unknown as { prepare(c: unknown): void }).prepare.call(this, connection);
      return;
    }
    // What handleRowDescription would have set from the description PostgreSQL now does not send.
    self._result.fields = kept.fields;
    self._result._parsers = kept.parsers;
    self._result._prebuiltEmptyResultObject = kept.empty;
    self._accumulateRows = true;
    describedOnce.executions++;
    connection.execute({ portal: self.portal, rows: self.rows });
    connection.sync();
  }

  handleRowDescription(message: unknown): void {
    (BaseQuery.prototype as unknown as { handleRowDescription(m: unknown): void }).handleRowDescription.call(
      this,
      message,
    );
    const self = this as unknown as QueryInternals;
    if (!descriptions.has(self.name) && self._result._parsers !== undefined) {
      descriptions.set(self.name, {
        fields: self._result.fields,
        parsers: self._result._parsers,
        empty: self._result._prebuiltEmptyResultObject,
      });
    }
  }
}

type PgTarget = pg.Pool | pg.PoolClient | pg.Client;

/**
 * Runs a named statement on a pool (which lends a connection) or on a transaction's connection; the rows
 * as node-postgres parses them with namedQueryTypes.
 */
export function runNamedPg<Row>(target: PgTarget, name: string, text: string, values: unknown[]): Promise<Row[]> {
  const query = new DescribedOnceQuery({ name, text, values, types: namedQueryTypes });
  if (target instanceof pg.Pool) {
    // pg-pool attaches its own callback (which releases the connection) and answers a promise.
    return (target.query(query as unknown as pg.QueryConfig) as Promise<pg.QueryResult>).then((r) => r.rows as Row[]);
  }
  return new Promise<Row[]>((resolve, reject) => {
    (query as unknown as { callback: (error: Error | null, result?: pg.QueryResult) => void }).callback = (
      error,
      result,
    ) => (error ? reject(error) : resolve(result!.rows as Row[]));
    void target.query(query as unknown as pg.QueryConfig);
  });
}
