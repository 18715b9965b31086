// A form's presented items carried over an item save (form-items-cache.ts, docs/decisions/0029). On a
// deadline day a unit's form is mostly loaded after one of its own saves, which moves the form's revision:
// the items kept at the revision before were never served again, and every such load rebuilt ~100 kB of
// JSON from 100 rows. The saving process knows exactly what its save changed — one item, presented from
// the values it wrote — and, from the write, the revision the form stands at once the save commits; so it
// keeps the items at that revision: the one item's JSON spliced in place, the self-scores and the progress
// figures computed again from the items' entries (those when a load needs them), as a load that read the
// rows would compute them.
import { type ItemEntry, assessmentProgressOf } from '../../core/campaign/index.ts';
import type { FrameworkDefinition } from '../../core/framework/index.ts';
import type { StoredProgress } from '../../db/queries/assessment-form-read.ts';
import type { FormItemsView } from './assessment.ts';
import type { ItemView } from './assessment-item.ts';
import type { PresentedFormItems } from './form-items-cache.ts';
import { PreSerializedJson } from './pre-serialized-json.ts';

/**
 * The items as kept: their JSON with where each item's JSON lies in it (bytes, in the set's order), and the
 * entries their progress is computed from.
 */
export function keptFormItems(
  view: FormItemsView<ItemView[]>,
  entries: ReadonlyMap<string, ItemEntry>,
): PresentedFormItems {
  const parts = view.items.map((item) => JSON.stringify(item));
  // JSON.stringify of an array of plain objects is exactly its elements' JSON joined by commas in brackets.
  const bytes = Buffer.from(`[${parts.join(',')}]`);
  const ends = new Uint32Array(parts.length);
  const codes = new Map<string, number>();
  let at = 1;
  parts.forEach((part, i) => {
    at += Buffer.byteLength(part);
    ends[i] = at;
    at += 1;
    codes.set(view.items[i]!.code, i);
  });
  return {
    items: new PreSerializedJson(bytes),
    progress: view.progress,
    selfScores: view.selfScores,
    layout: { codes, ends, entries },
  };
}

export interface SavedItemPatch {
  /** The item as the form presents it after the save (presentItem of the values written; no score). */
  item: ItemView;
  /** What the item's progress is computed from after the save. */
  entry: ItemEntry;
}

/**
 * The items after one item's save, or undefined when the kept items cannot be carried over (kept without
 * their layout, or the item is not a leaf of the set they were presented for).
 */
export function patchedFormItems(
  kept: PresentedFormItems,
  definition: Pick<FrameworkDefinition, 'nodes' | 'evidenceRule'>,
  { item, entry }: SavedItemPatch,
): PresentedFormItems | undefined {
  const layout = kept.layout;
  const i = layout?.codes.get(item.code);
  if (!layout || i === undefined) return undefined;
  const start = i === 0 ? 1 : layout.ends[i - 1]! + 1;
  const end = layout.ends[i]!;
  const json = Buffer.from(JSON.stringify(item));
  const old = kept.items.bytes;
  const bytes = Buffer.concat(
    [old.subarray(0, start), json, old.subarray(end)],
    old.length - (end - start) + json.length,
  );
  const shift = json.length - (end - start);
  const ends = layout.ends.slice();
  for (let k = i; k < ends.length; k++) ends[k] = ends[k]! + shift;
  const entries = new Map(layout.entries);
  entries.set(item.code, entry);
  const selfScores = new Map(kept.selfScores);
  selfScores.set(item.code, item.selfScore);
  // The progress figures are computed when a load needs them, once: scoring every item (~0.2 ms for a
  // 100-item set) was most of a carried save's cost, and a load uses the stored figures when up to date.
  let progress: StoredProgress | undefined;
  return {
    items: new PreSerializedJson(bytes),
    get progress() {
      return (progress ??= assessmentProgressOf(definition, entries));
    },
    selfScores,
    layout: { codes: layout.codes, ends, entries },
  };
}
