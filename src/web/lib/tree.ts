// Turns the flat org-unit list (parentId links) into tree data, and finds search matches with their ancestors.
import { compareCodes, foldVietnamese, matchesSearch } from '../../core/text/vietnamese.ts';
import type { OrgUnit } from '../../contract/org-units.ts';

export interface UnitIndex {
  byId: Map<string, OrgUnit>;
  children: Map<string | null, OrgUnit[]>;
}

export function indexUnits(units: OrgUnit[]): UnitIndex {
  const byId = new Map<string, OrgUnit>();
  const children = new Map<string | null, OrgUnit[]>();
  for (const u of units) byId.set(u.id, u);
  for (const u of units) {
    // A unit whose parent is not visible is shown as a root.
    const parent = u.parentId && byId.has(u.parentId) ? u.parentId : null;
    let list = children.get(parent);
    if (!list) children.set(parent, (list = []));
    list.push(u);
  }
  for (const list of children.values()) list.sort((a, b) => compareCodes(a.code, b.code));
  return { byId, children };
}

export function unitSearchText(u: OrgUnit): string {
  return `${u.code} ${u.name}`;
}

/** Ids of units matching the query and, separately, every ancestor of a match (to expand to them). */
export function searchUnits(
  index: UnitIndex,
  query: string,
): { matches: Set<string>; visible: Set<string>; ancestors: Set<string> } {
  const matches = new Set<string>();
  const ancestors = new Set<string>();
  for (const u of index.byId.values()) {
    if (matchesSearch(unitSearchText(u), query)) matches.add(u.id);
  }
  for (const id of matches) {
    let parentId = index.byId.get(id)?.parentId ?? null;
    while (parentId && index.byId.has(parentId) && !ancestors.has(parentId)) {
      ancestors.add(parentId);
      parentId = index.byId.get(parentId)?.parentId ?? null;
    }
  }
  const visible = new Set<string>([...matches, ...ancestors]);
  return { matches, visible, ancestors };
}

/** Ranges [start, end) in `text` that match the words of `query`, accent-insensitively. */
export function highlightRanges(text: string, query: string): [number, number][] {
  const words = foldVietnamese(query).split(' ').filter(Boolean);
  if (words.length === 0) return [];
  // Fold character by character so positions map back to the original text.
  let folded = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    const f = /\s/.test(ch) ? ' ' : foldVietnamese(ch);
    for (const c of f) {
      folded += c;
      origin.push(i);
    }
  }
  const ranges: [number, number][] = [];
  for (const w of words) {
    let from = 0;
    for (;;) {
      const at = folded.indexOf(w, from);
      if (at < 0) break;
      const start = origin[at] ?? 0;
      const end = (origin[at + w.length - 1] ?? start) + 1;
      ranges.push([start, end]);
      from = at + w.length;
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}
