// The canonical stored form of an index set: every text NFC and trimmed, empty optional texts and empty
// lists dropped, nodes in natural code order. Applied on every write (API, import, presets), so two
// documents that differ only in such details are stored identically, and export → import is the
// identity on this form (property-tested).
import {
  sortNodes,
  type FrameworkDefinition,
  type FrameworkNode,
  type ScoringMethod,
} from '../../core/framework/index.ts';

const nfc = (s: string) => s.normalize('NFC').trim();

/** Drops keys whose value is undefined, an empty (after trim) string, or an empty array/object. */
function compact<T extends object>(obj: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (v === undefined) continue;
    if (typeof v === 'string' && v === '') continue;
    if (Array.isArray(v) && v.length === 0) continue;
    if (v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0) continue;
    out[k] = v;
  }
  return out as T;
}

/** NFC + trim for every string inside plain JSON data (method labels, rules, citations…). */
function nfcDeep<T>(value: T): T {
  if (typeof value === 'string') return nfc(value) as T;
  if (Array.isArray(value)) return value.map(nfcDeep) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = nfcDeep(v);
    return out as T;
  }
  return value;
}

function normalizeMethod(m: ScoringMethod): ScoringMethod {
  // Methods keep their exact fields (labels may legitimately be any text); only strings are NFC'd.
  // A formula expression is stored trimmed, as the notation parser does.
  return nfcDeep(m);
}

function normalizeNode(n: FrameworkNode): FrameworkNode {
  return compact({
    code: nfc(n.code),
    title: nfc(n.title),
    maxPoints: n.maxPoints,
    method: n.method ? normalizeMethod(n.method) : undefined,
    guidance: n.guidance === undefined ? undefined : nfc(n.guidance),
    evidence: n.evidence === undefined ? undefined : nfc(n.evidence),
    dataSource: n.dataSource === undefined ? undefined : nfc(n.dataSource),
    verifyingUnit: n.verifyingUnit === undefined ? undefined : nfc(n.verifyingUnit),
    evidenceRequired: n.evidenceRequired,
    evidenceRule: n.evidenceRule,
    domain: n.domain === undefined ? undefined : nfc(n.domain),
    notApplicableAllowed: n.notApplicableAllowed,
    automaticSource: n.automaticSource === undefined ? undefined : nfc(n.automaticSource),
    children: n.children && n.children.length > 0 ? n.children.map(normalizeNode) : undefined,
  });
}

export function normalizeDefinition(def: FrameworkDefinition): FrameworkDefinition {
  const opt = (s: string | undefined) => (s === undefined ? undefined : nfc(s));
  return compact({
    code: nfc(def.code),
    name: nfc(def.name),
    decision: compact({
      number: nfc(def.decision.number),
      date: opt(def.decision.date),
      issuer: nfc(def.decision.issuer),
      title: opt(def.decision.title),
      articles: opt(def.decision.articles),
    }),
    appliesTo: compact({ unitTypes: [...def.appliesTo.unitTypes], groupName: opt(def.appliesTo.groupName) }),
    description: opt(def.description),
    declared: def.declared ? compact({ ...def.declared }) : undefined,
    notes: opt(def.notes),
    illustrative: def.illustrative,
    evidenceRule: def.evidenceRule,
    infoFields: def.infoFields?.map((f) => compact({ key: nfc(f.key), label: nfc(f.label), unit: opt(f.unit) })),
    rules: def.rules ? nfcDeep(def.rules) : undefined,
    nodes: sortNodes(def.nodes.map(normalizeNode)),
  });
}
