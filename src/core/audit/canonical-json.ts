// Deterministic JSON for hashing: object keys sorted, no whitespace. A value read back from a jsonb
// column (which reorders keys) serialises to the same text as the value that was written. Its one
// definition of an entry's bytes is shared by the Node and SQL audit writers (db/audit/write-audit.ts).
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  // A finite number's JSON text is its ToString (ECMA-262 SerializeJSONProperty), so String() is the same text.
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'string') return quoted(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) {
    // A hole writes nothing between its commas, as the former `value.map(canonicalJson).join(',')` did.
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      if (i in value) out += canonicalJson(value[i]);
    }
    return out + ']';
  }
  // What JSON.stringify (and so a jsonb column) stores of an object with toJSON is its toJSON value:
  // hash that same value, or a stored entry would not re-hash to its own hash.
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function')
    return canonicalJson((value as { toJSON: () => unknown }).toJSON());
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = sortedKeys(record);
    let out = '{';
    for (let i = 0; i < keys.length; i++) {
      const member = record[keys[i]!];
      if (member === undefined) continue;
      if (out.length > 1) out += ',';
      out += memberPrefix(keys[i]!) + canonicalJson(member);
    }
    return out + '}';
  }
  return 'null';
}

// Written for the audit chain's hot path (a pull hashes 24,000 entries): strings are concatenated, not built
// from Object.entries/filter/sort/map/join arrays, and small key lists are sorted in place — Array#sort
// allocates a work area of about a kilobyte per call. The text is the same byte for byte
// (test/unit/audit/canonical-json.test.ts compares it with the former definition).

/** Characters JSON.stringify escapes (quote, backslash, controls) and surrogates (a lone one is escaped). */
// eslint-disable-next-line no-control-regex -- the control characters are exactly what must be found
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;
const quoted = (text: string) => (NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`);

/** `"key":` — the same few member names recur in every entry, so short ones' prefixes are kept (a bounded set). */
const prefixes = new Map<string, string>();
function memberPrefix(key: string): string {
  let prefix = prefixes.get(key);
  if (prefix === undefined) {
    prefix = `${quoted(key)}:`;
    if (key.length <= 64 && prefixes.size < 1000) prefixes.set(key, prefix);
  }
  return prefix;
}

/** Own enumerable keys in code-unit order (what `a < b` compares, as Array#sort's default order does). */
function sortedKeys(record: Record<string, unknown>): string[] {
  const keys = Object.keys(record);
  if (keys.length > 16) return keys.sort();
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i]!;
    let j = i - 1;
    while (j >= 0 && keys[j]! > key) {
      keys[j + 1] = keys[j]!;
      j--;
    }
    keys[j + 1] = key;
  }
  return keys;
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
