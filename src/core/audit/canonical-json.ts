// Deterministic JSON for hashing: object keys sorted, no whitespace. A value read back from a jsonb
// column (which reorders keys) serialises to the same text as the value that was written. Its one
// definition of an entry's bytes is shared by the Node and SQL audit writers (db/audit/write-audit.ts).
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'null';
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  // What JSON.stringify (and so a jsonb column) stores of an object with toJSON is its toJSON value:
  // hash that same value, or a stored entry would not re-hash to its own hash.
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function')
    return canonicalJson((value as { toJSON: () => unknown }).toJSON());
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return 'null';
}

/** Arrays up to this length are serialised whole by canonicalJsonPieces; longer ones element by element. */
const WHOLE_ARRAY = 32;

/**
 * The text of canonicalJson(value) in pieces, so a caller hashing a published snapshot of tens of
 * megabytes can pause between pieces and let other work run: long arrays and objects holding objects
 * are split at their members, everything else is one canonicalJson() piece. Joined, the pieces are exactly
 * canonicalJson(value) (test/unit/audit/canonical-json.test.ts).
 */
export function* canonicalJsonPieces(value: unknown): Generator<string> {
  if (Array.isArray(value) && value.length > WHOLE_ARRAY) {
    yield '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) yield ',';
      yield* canonicalJsonPieces(value[i]);
    }
    yield ']';
    return;
  }
  // An object is split at its members when one of them is itself an object or array; a flat one is one piece.
  if (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    typeof (value as { toJSON?: unknown }).toJSON !== 'function' &&
    Object.values(value).some((v) => v !== null && typeof v === 'object')
  ) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    yield '{';
    for (let i = 0; i < entries.length; i++) {
      const [k, v] = entries[i]!;
      yield `${i > 0 ? ',' : ''}${JSON.stringify(k)}:`;
      yield* canonicalJsonPieces(v);
    }
    yield '}';
    return;
  }
  yield canonicalJson(value);
}
