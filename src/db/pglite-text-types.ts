// The types the app reads as text on PGlite — timestamps, dates, intervals, numeric[] and the arrays of
// those — as Drizzle's PGlite driver asks (drizzle-orm/pglite/session.js passes these parsers with every
// query) and as the named statements do (pglite-prepared.ts). The text is what node-postgres answers too,
// so both databases hand the app the same values.
//
// Why the instance is told once: PGlite copies its ~320 parsers into a new object for every query that
// passes its own (`{...instance, ...options.parsers}` in parseResults): ~80 µs a query, measured (a
// third of a one-row read's CPU, ~8 % of an item save's). With the instance already reading these types
// as text, a query asking exactly that needs no parsers of its own, and they are left out.
import { type PGlite, type QueryOptions, type Transaction, types } from '@electric-sql/pglite';

type Parser = (value: string, typeId?: number) => unknown;

const asText: Parser = (value) => value;

/** Type oids read as text: Drizzle's list (numeric[] 1231, timestamp[] 1115, timestamptz[] 1185, interval[] 1187, date[] 1182). */
const TEXT_TYPE_IDS: readonly number[] = [
  types.TIMESTAMP,
  types.TIMESTAMPTZ,
  types.INTERVAL,
  types.DATE,
  1231,
  1115,
  1185,
  1187,
  1182,
];

export const TEXT_PARSERS: Readonly<Record<number, Parser>> = Object.freeze(
  Object.fromEntries(TEXT_TYPE_IDS.map((id) => [id, asText])),
);

/** A probe no parser of those types would return unchanged unless it returns its input. */
const PROBE = '\u0000probe';

/** True when `parsers` asks exactly for TEXT_TYPE_IDS as text (its functions return their input). */
export function asksTextTypesOnly(parsers: Readonly<Record<number, Parser>>): boolean {
  const ids = Object.keys(parsers);
  if (ids.length !== TEXT_TYPE_IDS.length) return false;
  for (const id of TEXT_TYPE_IDS) {
    const parse = parsers[id];
    if (typeof parse !== 'function') return false;
    try {
      if (parse(PROBE, id) !== PROBE) return false;
    } catch {
      return false;
    }
  }
  return true;
}

type Query = (query: string, params?: unknown[], options?: QueryOptions) => Promise<unknown>;

/** `query` without the parsers the instance already applies. */
function withoutRedundantParsers<Q extends Query>(query: Q): Q {
  return ((text: string, params?: unknown[], options?: QueryOptions) =>
    query(
      text,
      params,
      options?.parsers && asksTextTypesOnly(options.parsers) ? { ...options, parsers: undefined } : options,
    )) as Q;
}

/**
 * Makes the instance read TEXT_TYPE_IDS as text (after its array types were set up: they would otherwise
 * parse timestamp[] element by element), then lets its queries — and its transactions' — skip passing the
 * same parsers again. Called once when the database is opened, before anything queries it.
 */
export function readTextTypesOnce(client: PGlite): void {
  Object.assign(client.parsers, TEXT_PARSERS);
  client.query = withoutRedundantParsers(client.query.bind(client)) as PGlite['query'];
}

/** The same for one transaction's object (its `query` does not go through the instance's). */
export function transactionReadsTextTypesOnce(tx: Transaction): void {
  tx.query = withoutRedundantParsers(tx.query) as Transaction['query'];
}
