// For a page of the audit log: the index set's words for the entries about an assessment or one of its
// items that record inputs, information fields or supplied figures (core indexSetWords), keyed by entry.
// One read of the assessments' index-set versions; the definitions come from the per-process cache of
// published versions (framework-definitions.ts).
import { eq, inArray } from 'drizzle-orm';
import { auditObjectRef } from '../../core/audit/object-id.ts';
import { indexSetWords } from '../../core/audit/index-set-words.ts';
import type { Db } from '../client.ts';
import { assessments, campaignGroups } from '../schema/campaigns.ts';
import { loadDefinition } from './framework-definitions.ts';

export interface AuditRowWithValues {
  id: number;
  objectType: string;
  objectId: string;
  before: unknown;
  after: unknown;
}

const has = (v: unknown, keys: readonly string[]) =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && keys.some((k) => k in v);
/** Whether either side records members whose keys the index set names. */
const records = (r: AuditRowWithValues, keys: readonly string[]) => has(r.before, keys) || has(r.after, keys);
const INFO = ['info'];
const INPUTS = ['inputs', 'supplied'];

export async function indexSetWordsOf(
  db: Db,
  rows: readonly AuditRowWithValues[],
): Promise<Map<number, Record<string, string>>> {
  const wanted = rows.filter(
    (r) =>
      (r.objectType === 'assessment' || r.objectType === 'assessment_item') && (records(r, INFO) || records(r, INPUTS)),
  );
  const out = new Map<number, Record<string, string>>();
  if (wanted.length === 0) return out;
  const idOf = (objectId: string) => auditObjectRef(objectId).id;
  const ids = [...new Set(wanted.map((r) => idOf(r.objectId)))].filter((id) => id !== null);
  if (ids.length === 0) return out;
  const versions = await db
    .select({ id: assessments.id, frameworkId: campaignGroups.frameworkId })
    .from(assessments)
    .innerJoin(campaignGroups, eq(campaignGroups.id, assessments.campaignGroupId))
    .where(inArray(assessments.id, ids));
  const frameworkOf = new Map(versions.map((v) => [v.id, v.frameworkId]));
  // Each version once per page (a draft's definition is not cached by loadDefinition).
  const loaded = new Map<string, ReturnType<typeof loadDefinition>>();
  const load = (id: string) => loaded.get(id) ?? loaded.set(id, loadDefinition(db, id)).get(id)!;
  for (const r of wanted) {
    const ref = auditObjectRef(r.objectId);
    const frameworkId = ref.id === null ? undefined : frameworkOf.get(ref.id);
    const indexed = frameworkId ? await load(frameworkId) : null;
    if (!indexed) continue;
    const code = r.objectType === 'assessment_item' ? ref.code : null;
    const item = code && records(r, INPUTS) ? (indexed.leaves.get(code) ?? null) : null;
    out.set(r.id, indexSetWords(indexed.definition, { info: records(r, INFO), item }));
  }
  return out;
}
