// The audit log's before → after in people's words (issue 14 §6: a staff page shows labels and names,
// never field names as stored, UUIDs or enum values): each field under its Vietnamese label, a nested
// setting under its parent's ("Quy tắc › Nộp muộn › Số điểm trừ"), a bulk accept's items as "chỉ số 1.1";
// an id as the name of what it refers to (the server sends the names), an id it cannot name left out;
// dates dd/mm/yyyy, yes/no in words, codes (statuses, kinds, roles, reasons) in their labels. A field the
// dictionary does not know still shows, under its stored name — the demo-seed test fails if the platform
// writes one.
import { isUuid } from '../../../core/audit/ids-in-value.ts';

/** What the page knows of the language and of the entry, as plain functions (testable without React). */
export interface AuditWords {
  /** The dictionary's word for `key`, or null when it has none. */
  word: (key: string, params?: Record<string, string | number>) => string | null;
  num: (n: number) => string;
  date: (isoDay: string) => string;
  dateTime: (iso: string) => string;
  /** The label of a unit type / a role code (from their own dictionaries), or null. */
  unitType: (code: string) => string | null;
  role: (code: string) => string | null;
  campaignStatus: (code: string) => string | null;
  /** Names of what the entry refers to by id (AuditEntry.names). */
  names: Readonly<Record<string, string>>;
  /** The index set's words for the entry's inputs, options and information fields (AuditEntry.fields). */
  fields: Readonly<Record<string, string>>;
  /** The entry's object kind: a status or kind means different things on a campaign and a framework. */
  objectType: string;
}

export interface DiffRow {
  /** The field's path joined in words; unique per entry (the row's key). */
  field: string;
  before: string;
  after: string;
  changed: boolean;
}

/** Fields that are the platform's bookkeeping, not something a person decided: never shown. */
const HIDDEN = new Set(['path', 'nameFolded', 'keyId']);
/** An index set's item code (1, 1.2, 3.4.1a): a bulk accept's entry is keyed by them. */
const ITEM_CODE = /^\d+(\.\d+)*[a-z]?$/i;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
/** How deep settings are opened into their own rows (rules › lateSubmission › penaltyPoints). */
const MAX_DEPTH = 3;
/** A value longer than this many lines (an index set's whole definition) is cut, with the count left. */
const MAX_LINES = 40;

/** Left out of the view: an id nobody can name (a signing key, a delegation's record) says nothing to people. */
const INTERNAL = Symbol('internal');
type Shown = string | typeof INTERNAL;

/** Members whose keys are the index set's: an item's inputs (and a supplied figure), the information fields. */
const SET_KEYED: Record<string, 'input' | 'info'> = { inputs: 'input', supplied: 'input', info: 'info' };

/** A field's label; `parent` is the member it sits in (an input `a` is named by its item, not the log). */
export function fieldLabel(key: string, w: AuditWords, parent?: string): string {
  const aboutAssessment = w.objectType === 'assessment' || w.objectType === 'assessment_item';
  const kind = parent === undefined || !aboutAssessment ? undefined : SET_KEYED[parent];
  if (kind) return w.fields[`${kind}:${key}`] ?? w.word(`audit.f.${kind}.${key}`) ?? key;
  if (ITEM_CODE.test(key)) return w.word('audit.f.item', { code: key }) ?? key;
  return w.word(`audit.f.${key}`) ?? key;
}

/** Words for a code-valued field (a status, a kind, a reason…), or null when the field is not one. */
function codeWord(key: string, value: string, w: AuditWords): string | null {
  switch (key) {
    case 'status':
      if (w.objectType === 'campaign' || w.objectType === 'snapshot') return w.campaignStatus(value);
      if (w.objectType === 'assessment') return w.word(`as.status.${value}`);
      if (w.objectType === 'framework') return w.word(`fw.status.${value}`);
      return w.word(`reqStatus.${value}`) ?? w.word(`obj.status.${value}`);
    case 'kind':
      if (w.objectType === 'campaign') return w.word(`audit.v.campaignKind.${value}`);
      if (w.objectType === 'appraisal_body') return w.word(`adm.kind.${value}`);
      if (w.objectType === 'org_unit') return w.word(`lineage.kind.${value}`);
      return w.word(`apr.kind.${value}`);
    case 'finalReason':
    case 'proposedReason':
      return w.word(`reason.${value}`);
    case 'position':
      return w.word(`position.${value}`);
    case 'appraiser':
      return w.word(`camp.appraiser.${value}`);
    case 'powers':
      return w.word(`auth.power.${value}`);
    case 'choice':
      return w.fields[`choice:${value}`] ?? null;
    case 'evidenceRule':
      return w.word(`evidenceRule.${value}`);
    case 'rankBy':
      return w.word(`camp.rankBy.${value}`);
    case 'beyondTolerance':
      return w.word(`camp.beyond.${value}`);
    case 'nonSubmission':
      return w.word(`camp.nonSubmission.${value}`);
    case 'notApplicable':
      return w.word(`camp.notApplicable.${value}`);
    case 'visibility':
      return w.word(`camp.unitResults.${value}`);
    case 'resultScale':
      return w.word(`camp.resultScale.${value}`);
    case 'type':
    case 'unitTypes':
      return w.unitType(value);
    case 'role':
      return w.role(value);
    default:
      return w.word(`audit.v.${key}.${value}`);
  }
}

function scalar(key: string, value: unknown, w: AuditWords): Shown {
  if (value === undefined) return '';
  if (value === null) return '—';
  if (typeof value === 'boolean') return (value ? w.word('common.yes') : w.word('common.no')) ?? String(value);
  if (typeof value === 'number') return w.num(value);
  if (typeof value !== 'string') return JSON.stringify(value);
  if (isUuid(value)) return w.names[value.toLowerCase()] ?? INTERNAL;
  if (ISO_DAY.test(value)) return w.date(value);
  if (ISO_TIME.test(value)) return w.dateTime(value);
  return codeWord(key, value, w) ?? value;
}

/** An index set's items as the decision lists them: "1.2. Title (10)", children indented under their parent. */
function itemLines(nodes: unknown[], w: AuditWords, indent: string): string[] {
  return nodes.flatMap((n) => {
    if (!isPlainObject(n)) return [];
    const max = typeof n.maxPoints === 'number' ? ` (${w.num(n.maxPoints)})` : '';
    const own = `${indent}${String(n.code ?? '')}. ${String(n.title ?? '')}${max}`;
    return [own, ...(Array.isArray(n.children) ? itemLines(n.children, w, indent + '  ') : [])];
  });
}

/** Classification bands as the decision states them: "Tốt: từ 90%" (a band's code is the platform's). */
function bandLines(bands: unknown[], w: AuditWords, indent: string): string[] {
  return bands.flatMap((b) => {
    if (!isPlainObject(b) || typeof b.minPercent !== 'number') return [];
    const from = w.word('audit.v.bandFrom', { p: w.num(b.minPercent) }) ?? w.num(b.minPercent);
    return [`${indent}${String(b.label ?? '')}: ${from}`];
  });
}

/** A value as lines of text: a list one element a line (or joined when short), an object "label: value". */
function lines(key: string, value: unknown, w: AuditWords, indent: string): Shown[] {
  if (key === 'nodes' && Array.isArray(value) && value.length > 0) return itemLines(value, w, indent);
  if (key === 'bands' && Array.isArray(value) && value.length > 0) return bandLines(value, w, indent);
  if (Array.isArray(value)) {
    if (value.length === 0) return ['—'];
    const flat = value.every((v) => v === null || typeof v !== 'object');
    if (flat) {
      const shown = value.flatMap((v) => lines(key, v, w, '')).filter(isText);
      return shown.length === 0 ? [INTERNAL] : [indent + shown.join(', ')];
    }
    // A list of records: one bullet each, its fields on the bullet's line when they fit ("• Tên: …; Mã: …").
    const out: string[] = [];
    for (const v of value) {
      const own = lines(key, v, w, '').filter(isText);
      if (own.length === 0) continue;
      const oneLine = own.length <= 4 && own.every((l) => !l.startsWith(' '));
      if (oneLine) out.push(`${indent}• ${own.join('; ')}`);
      else out.push(`${indent}• ${own[0]}`, ...own.slice(1).map((l) => `${indent}  ${l}`));
    }
    return out.length === 0 ? [INTERNAL] : out;
  }
  if (value !== null && typeof value === 'object') {
    const out: Shown[] = [];
    for (const [k, v] of Object.entries(value)) {
      if (HIDDEN.has(k)) continue;
      const inner = lines(k, v, w, indent + '  ').filter((s) => s !== INTERNAL);
      if (inner.length === 0) continue;
      const label = fieldLabel(k, w, key);
      if (inner.length === 1) out.push(`${indent}${label}: ${String(inner[0]).trim()}`);
      else out.push(`${indent}${label}:`, ...inner);
    }
    return out.length ? out : ['—'];
  }
  const s = scalar(key, value, w);
  return [s === INTERNAL ? s : indent + s];
}

export function valueText(key: string, value: unknown, w: AuditWords): string | null {
  if (value === undefined) return '';
  const shown = lines(key, value, w, '');
  const text = shown.filter(isText);
  // Only ids nobody can name: nothing to show (the row goes unless the other side says something).
  if (text.length === 0) return null;
  if (text.length <= MAX_LINES) return text.join('\n');
  const more = w.word('audit.moreLines', { n: text.length - MAX_LINES }) ?? `… (${text.length - MAX_LINES})`;
  return [...text.slice(0, MAX_LINES), more].join('\n');
}

const isText = (s: Shown): s is string => s !== INTERNAL;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** The entry's leaves: settings opened to MAX_DEPTH, each under its path; lists and deeper values whole. */
function leaves(
  value: unknown,
  path: string[],
  out: Map<string, { path: string[]; before?: unknown; after?: unknown }>,
  side: 'before' | 'after',
): void {
  if (!isPlainObject(value) || path.length >= MAX_DEPTH) {
    const id = JSON.stringify(path);
    const slot = out.get(id) ?? { path };
    slot[side] = value;
    out.set(id, slot);
    return;
  }
  const keys = Object.keys(value);
  if (keys.length === 0 && path.length > 0) return leaves(null, path, out, side);
  for (const k of keys) if (!HIDDEN.has(k)) leaves(value[k], [...path, k], out, side);
}

export function diffRows(before: unknown, after: unknown, w: AuditWords): DiffRow[] {
  if (before == null && after == null) return [];
  const slots = new Map<string, { path: string[]; before?: unknown; after?: unknown }>();
  // A side that is absent (a creation's before, a deletion's after) has no leaves of its own.
  if (before != null) leaves(before, [], slots, 'before');
  if (after != null) leaves(after, [], slots, 'after');
  const rows: DiffRow[] = [];
  for (const { path, before: b, after: a } of slots.values()) {
    const key = path[path.length - 1] ?? '';
    const x = valueText(key, b, w);
    const y = valueText(key, a, w);
    // Neither side says anything a person can read (ids of records without a name): no row.
    if (!x && !y) continue;
    const bx = x ?? '';
    const ay = y ?? '';
    rows.push({
      field: path.map((k, i) => fieldLabel(k, w, path[i - 1])).join(' › '),
      before: bx,
      after: ay,
      changed: bx !== ay,
    });
  }
  return rows;
}
