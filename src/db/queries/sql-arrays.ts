// Arrays as ONE bound parameter (drizzle's sql`` expands a JS array into a list of parameters, which
// is slow and capped at 65,535 for thousands of units). The PostgreSQL array literal works the same on
// node-postgres and PGlite; only uuids (checked) and plain codes go through it.
import { type SQL, sql } from 'drizzle-orm';
import { isUuid } from './org-units.ts';

export function uuidArray(ids: readonly string[]): SQL {
  for (const id of ids) if (!isUuid(id)) throw new Error(`not a uuid: ${id}`);
  return sql`${`{${ids.join(',')}}`}::uuid[]`;
}

/** Text array literal with every element quoted and escaped. */
export function textArray(values: readonly string[]): SQL {
  const quoted = values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`);
  return sql`${`{${quoted.join(',')}}`}::text[]`;
}
