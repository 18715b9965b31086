// A form's presented items carried over an item save (form-items-cache.ts, docs/decisions/0029). On a
// deadline day a unit's form is mostly loaded after one of its own saves, which moves the form's revision:
// the items kept at the revision before were never served again, and every such load rebuilt ~100 kB of
// JSON from 100 rows. The saving process knows exactly what its save changed — one item, presented from
// the values it wrote — and, from the write, the revision the form stands at once the save commits; so it
// keeps the items at that revision: the one item's JSON spliced in place, the self-scores and the progress
// figures computed again from the items' entries (those when a load needs them), as a load that read the
// rows would compute them — each item's part of them (itemProgressOf) kept, so only the saved item's is
// computed again.
import { type ItemEntry, type ItemProgress, itemProgressOf, progressOfItems } from '../../core/campaign/index.ts';
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
  const json = view.items.map((item) => JSON.stringify(item));
  // JSON.stringify of an array of plain objects is exactly its elements' JSON joined by commas in brackets.
  const bytes = Buffer.from(`[${json.join(',')}]`);
  const ends = new Uint32Array(json.length);
  const codes = new Map<string, number>();
  let at = 1;
  json.forEach((part, i) => {
    at += Buffer.byteLength(part);
    ends[i] = at;
    at += 1;
    codes.set(view.items[i]!.code, i);
  });
  return {
    items: new PreSerializedJson(bytes),
    progress: view.progress,
    selfScores: view.selfScores,
    layout: {
      codes,
      ends,
      entries: view.items.map((item) => entries.get(item.code)),
      parts: new Array<ItemProgress | undefined>(view.items.length),
    },
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
  // By place in the set's order, copied as arrays: a save copies them, and a Map of a hundred entries
  // copied three times was most of what carrying the items cost beside the bytes.
  const entries = layout.entries.slice();
  entries[i] = entry;
  const parts = layout.parts.slice();
  parts[i] = undefined;
  // The progress figures and the self-scores are computed when a load needs them, once: scoring every item
  // (~0.4 ms for a 100-item set with the national fixture's inputs: bench/form-carry.bench.ts) was most of a carried save's cost, and a load uses the stored figures when
  // up to date. Each item's part of the figures (itemProgressOf) is kept once computed — its entry has not
  // changed since — so a load after a save scores the saved item alone.
  let progress: StoredProgress | undefined;
  let selfScores: Map<string, number | null> | undefined;
  return {
    items: new PreSerializedJson(bytes),
    get progress() {
      return (progress ??= progressOfItems(definition, (code, node) => {
        const at = layout.codes.get(code)!;
        return (parts[at] ??= itemProgressOf(node, entries[at], definition.evidenceRule));
      }));
    },
    get selfScores() {
      return (selfScores ??= new Map(
        entries.flatMap((e) => (e === undefined ? [] : [[e.code, e.selfScore] as const])),
      ));
    },
    layout: { codes: layout.codes, ends, entries, parts },
  };
}
