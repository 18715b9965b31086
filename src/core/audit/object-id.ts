// What an audit entry's object id names: "uuid" for a record, "uuid:item-code" for one item of an
// assessment (one object per item, so an item's history is one indexed read). One reading for every reader
// of the log — the labels of the entries and the index set's words for an item's figures.
import { isUuid } from './ids-in-value.ts';

/** The record's id (null when it is not a UUID: nothing to look up) and the item's code, if any. */
export function auditObjectRef(objectId: string): { id: string | null; code: string | null } {
  const i = objectId.indexOf(':');
  const id = i < 0 ? objectId : objectId.slice(0, i);
  return { id: isUuid(id) ? id : null, code: i < 0 ? null : objectId.slice(i + 1) || null };
}
