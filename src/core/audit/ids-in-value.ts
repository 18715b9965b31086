// The ids an audit entry's before and after refer to (a delegation's units, a council member's account, an
// evidence list…): the log names them for people instead of showing UUIDs (issue 14 §6). Entries are
// written by the platform, but a framework's definition can be large; the walk is bounded in depth and
// in how many ids it keeps, so a page of entries never turns into an unbounded lookup.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/** How deep the walk goes: a field, a list of objects, their fields (a close's units, a group's members). */
const MAX_DEPTH = 4;

/** Adds the UUIDs found in `value` (strings, in lists and objects up to MAX_DEPTH) to `into`, up to `limit`. */
export function collectIds(value: unknown, into: Set<string>, limit: number, depth = 0): void {
  if (into.size >= limit || depth > MAX_DEPTH || value === null || typeof value !== 'object') {
    if (isUuid(value) && into.size < limit) into.add(value.toLowerCase());
    return;
  }
  const children = Array.isArray(value) ? value : Object.values(value);
  for (const child of children) {
    if (into.size >= limit) return;
    collectIds(child, into, limit, depth + 1);
  }
}
