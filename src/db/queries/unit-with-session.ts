// A unit's id and path read with the session (session-with.ts, decision 0026): what a route about one
// unit's library decides on (the evidence policy takes the unit's place in the tree), for the upload — the
// deadline day's third most frequent request — so its first read costs no round trip of its own.
import { isUuid } from './org-units.ts';
import { type MadeWithSession, type ReadWithSession, sessionWithStatement, valueMadeBy } from './session-with.ts';

export interface UnitRead {
  id: string;
  /** The unit, or null when there is none with that id. */
  unit: { id: string; path: string } | null;
}

const unitWithSession = sessionWithStatement(
  'session_with_unit',
  `select ou.id as unit_ref_id, ou.path as unit_ref_path from org_units ou where ou.id = $2::uuid`,
);

/** The unit read with the session; undefined for a path that names no unit (the session alone then). */
export function unitWithSessionRead(id: string): ReadWithSession<UnitRead> | undefined {
  if (!isUuid(id)) return undefined;
  return {
    statement: unitWithSession,
    params: [id],
    parse: (row) => ({
      id,
      unit: row === null ? null : { id: row.unit_ref_id as string, path: row.unit_ref_path as string },
    }),
  };
}

/** The read a request made with its session, when it is this one. */
export const unitReadMade = (made: MadeWithSession | undefined) => valueMadeBy<UnitRead>(made, unitWithSession);
