// Named prepared statements on PGlite. PGlite's `query` parses and plans every call again (unnamed
// statement, then a Describe to learn the parameter types): the submit's locking read cost 9.4 ms a call
// against 5.9 ms prepared. Here the extended-protocol messages are sent directly: Parse + Describe once per
// PGlite instance and name, then Bind + Describe portal + Execute + Sync in one message per call. Parameters
// are serialized, and rows parsed, with PGlite's own serializers/parsers and Drizzle's PGlite overrides, so
// callers get the rows `db.execute` gives. Decision record 0017.
import { PGlite, protocol, types, type Transaction } from '@electric-sql/pglite';
import { TEXT_PARSERS, transactionReadsTextTypesOnce } from './pglite-text-types.ts';

/** What PGlite's transaction object is, for this one instance (filled by trackPgliteTransactions). */
const ownerOfTransaction = new WeakMap<Transaction, PGlite>();

interface Prepared {
  readonly text: string;
  /** Parameter type oids from the server's ParameterDescription: pick each parameter's serializer. */
  readonly paramTypes: readonly number[];
}

/** Per PGlite instance (one backend, one connection): the names it has parsed. */
const preparedOn = new WeakMap<PGlite, Map<string, Prepared>>();

// A stale statement: its result type changed under it (0A000, "cached plan must not change result type")
// or it is gone (26000, after DEALLOCATE/DISCARD). Parsed again once, outside a transaction.
const STALE_STATEMENT = new Set(['0A000', '26000']);

/**
 * Makes PGlite transactions known to runNamedPglite: Drizzle runs its transactions through
 * `client.transaction`, whose callback gets a Transaction object that does not say which instance it
 * belongs to. Called once when the database is opened.
 */
export function trackPgliteTransactions(client: PGlite): void {
  const transaction = client.transaction.bind(client);
  client.transaction = <T>(callback: (tx: Transaction) => Promise<T>): Promise<T> =>
    transaction((tx) => {
      ownerOfTransaction.set(tx, client);
      transactionReadsTextTypesOnce(tx);
      return callback(tx);
    });
}

/**
 * The PGlite instance behind a Drizzle session's client, and whether the call runs inside one of its
 * transactions; undefined when the client is not PGlite (node-postgres) or a transaction it does not know.
 */
export function pgliteTarget(client: unknown): { pglite: PGlite; tx: Transaction | undefined } | undefined {
  if (client instanceof PGlite) return { pglite: client, tx: undefined };
  const owner = ownerOfTransaction.get(client as Transaction);
  return owner ? { pglite: owner, tx: client as Transaction } : undefined;
}

/** Runs a named statement on PGlite, inside `tx` when given (it must belong to `pglite`). */
export async function runNamedPglite<Row>(
  pglite: PGlite,
  tx: Transaction | undefined,
  name: string,
  text: string,
  params: readonly unknown[],
): Promise<Row[]> {
  // The same exclusion PGlite's own query takes: inside a transaction the transaction mutex is already
  // ours (the callback runs under it), and the query mutex keeps any other call from interleaving between
  // our Parse and our Sync; outside, both, as `pglite.query` does.
  if (tx) {
    if (tx.closed) throw new Error('Transaction is closed');
    return pglite._runExclusiveQuery(() => runLocked<Row>(pglite, true, name, text, params));
  }
  await pglite._checkReady();
  return pglite._runExclusiveTransaction(() =>
    pglite._runExclusiveQuery(() => runLocked<Row>(pglite, false, name, text, params)),
  );
}

async function runLocked<Row>(
  pglite: PGlite,
  inTransaction: boolean,
  name: string,
  text: string,
  params: readonly unknown[],
): Promise<Row[]> {
  let statements = preparedOn.get(pglite);
  if (!statements) preparedOn.set(pglite, (statements = new Map()));
  try {
    return await execute<Row>(pglite, statements, inTransaction, name, text, params);
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (typeof code !== 'string' || !STALE_STATEMENT.has(code)) throw err;
    // Parsed again on the next call; inside a transaction the error has aborted it, so it goes up.
    statements.delete(name);
    if (inTransaction) throw err;
    return execute<Row>(pglite, statements, inTransaction, name, text, params);
  }
}

async function execute<Row>(
  pglite: PGlite,
  statements: Map<string, Prepared>,
  inTransaction: boolean,
  name: string,
  text: string,
  params: readonly unknown[],
): Promise<Row[]> {
  let prepared = statements.get(name);
  if (prepared === undefined) {
    prepared = await parseStatement(pglite, name, text, params);
    statements.set(name, prepared);
  } else if (prepared.text !== text) {
    // Names are unique per text (prepared.ts); a second text under one name would run the first.
    throw new Error(`prepared statement "${name}" was prepared with another text`);
  }
  const { paramTypes } = prepared;
  const values: (string | null)[] = new Array(params.length);
  for (let i = 0; i < params.length; i++) {
    const param = params[i];
    if (param === null || param === undefined) {
      values[i] = null;
      continue;
    }
    const serialize = pglite.serializers[paramTypes[i]!];
    values[i] = serialize ? (serialize(param) as string) : String(param);
  }
  const message = concat([
    protocol.serialize.bind({ statement: name, values }),
    protocol.serialize.describe({ type: 'P' }),
    protocol.serialize.execute({}),
    protocol.serialize.sync(),
  ]);
  const messages = await send(pglite, message, text, params);
  // Outside a transaction the statement committed: the files are synced as `pglite.query` does.
  if (!inTransaction) await pglite.syncToFs();
  return rowsOf<Row>(messages, parsersOf(pglite));
}

type ValueParser = (value: string, typeId: number) => unknown;
/**
 * Per PGlite instance: its value parsers, with dates, timestamps and intervals (and their arrays) as text as
 * Drizzle's PGlite driver reads them (TEXT_PARSERS) — so the rows are those `db.execute` gives — merged once:
 * they do not change after the instance's start (its array types are set up once, in its init).
 */
const mergedParsers = new WeakMap<PGlite, Record<number, ValueParser>>();

function parsersOf(pglite: PGlite): Record<number, ValueParser> {
  let merged = mergedParsers.get(pglite);
  if (merged === undefined) {
    merged = { ...types.parsers, ...pglite.parsers, ...TEXT_PARSERS } as Record<number, ValueParser>;
    mergedParsers.set(pglite, merged);
  }
  return merged;
}

interface RowDescription {
  name: 'rowDescription';
  fields: { name: string; dataTypeID: number }[];
}
interface DataRow {
  name: 'dataRow';
  fields: (string | null)[];
}

/**
 * The rows of the one result a Bind/Describe/Execute/Sync answers, as objects — what PGlite's parseResults
 * gives with Drizzle's options, without its per-call copy of every parser and its per-row arrays of entries (a
 * tenth of the save's CPU on PGlite, measured with --cpu-prof): each column's parser is looked up once.
 */
function rowsOf<Row>(messages: readonly { name: string }[], parsers: Record<number, ValueParser>): Row[] {
  const rows: Row[] = [];
  let names: string[] = [];
  let typeIds: number[] = [];
  let columnParsers: (ValueParser | undefined)[] = [];
  for (const message of messages) {
    if (message.name === 'rowDescription') {
      const { fields } = message as RowDescription;
      names = fields.map((f) => f.name);
      typeIds = fields.map((f) => f.dataTypeID);
      columnParsers = typeIds.map((t) => parsers[t]);
      // Assigning "__proto__" would set the row's prototype: no statement names a column so (checked here).
      if (names.includes('__proto__')) throw new Error('a column named __proto__ cannot be read into an object');
    } else if (message.name === 'dataRow') {
      const { fields } = message as DataRow;
      const row: Record<string, unknown> = {};
      for (let i = 0; i < fields.length; i++) {
        const value = fields[i]!;
        const parse = columnParsers[i];
        row[names[i]!] = value === null ? null : parse ? parse(value, typeIds[i]!) : value;
      }
      rows.push(row as Row);
    } else if (message.name === 'commandComplete') break;
  }
  return rows;
}

/** Close (in case it exists under this name) + Parse + Describe statement + Sync. */
async function parseStatement(pglite: PGlite, name: string, text: string, params: readonly unknown[]) {
  const message = concat([
    protocol.serialize.close({ type: 'S', name }),
    protocol.serialize.parse({ name, text }),
    protocol.serialize.describe({ type: 'S', name }),
    protocol.serialize.sync(),
  ]);
  const messages = await send(pglite, message, text, params);
  const description = messages.find((m) => m.name === 'parameterDescription') as { dataTypeIDs: number[] } | undefined;
  return { text, paramTypes: description?.dataTypeIDs ?? [] };
}

/** One round trip; an ErrorResponse rejects with PGlite's DatabaseError (code, message, detail …). */
async function send(pglite: PGlite, message: Uint8Array, text: string, params: readonly unknown[]) {
  try {
    return await pglite.execProtocolStream(message, { syncToFs: false });
  } catch (err) {
    // As PGlite's own query does: the error says which query failed.
    if (err instanceof Error && 'code' in err) Object.assign(err, { query: text, params });
    throw err;
  }
}

function concat(parts: Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
