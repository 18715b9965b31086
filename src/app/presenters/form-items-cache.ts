// The form's items as presented at one revision of the form (docs/decisions/0018), per process. The form
// load is the deadline day's most frequent read and its items are ~half of its ~100 kB: rebuilding them
// costs the database a JSON aggregate of 100 rows and Node a parse, 100 presented objects and a
// stringify, on every load, although they change only when someone saves. The database keeps the
// revision (assessment_progress.form_rev, moved by triggers on everything the items show — migration
// 0020); the form load reads it with the assessment's state, which it must read anyway, and serves the
// bytes presented at that revision when this process holds them. Correct across processes (each compares
// with the database's revision) and bounded in bytes, least recently used out first.
import type { StoredProgress } from '../../db/queries/assessment-form-read.ts';
import type { PreSerializedJson } from './pre-serialized-json.ts';

/** What the form shows of its items at one revision: their JSON, their progress, their self-scores. */
export interface PresentedFormItems {
  items: PreSerializedJson;
  /** The figures of exactly these items (stored when up to date, else computed from them). */
  progress: StoredProgress;
  /** Self-score per code, for the unit's view of the appraisal (unit-appraisal.ts). */
  selfScores: ReadonlyMap<string, number | null>;
}

/**
 * What else the presented items depend on beside the revision: whether the assessment is submitted and the
 * campaign open (each item's `locked`). The index-set definition is compared by identity (a published
 * version is one cached object per process; a draft is read anew each time, so never served from here).
 */
export function formItemsKey(form: {
  formRev: number | null;
  ctx: { assessment: { status: string }; campaign: { status: string } };
}): string | null {
  if (form.formRev === null) return null;
  return `${form.formRev}:${form.ctx.assessment.status === 'submitted'}:${form.ctx.campaign.status === 'open'}`;
}

interface Entry {
  key: string;
  definition: object;
  presented: PresentedFormItems;
  size: number;
}

/** Bytes counted per entry beside its JSON: the progress, the map of self-scores, the keys. */
const ENTRY_OVERHEAD = 8 * 1024;
/**
 * Bytes counted per byte of the items' JSON: the JSON, and the last answer the form's serializer built
 * around it (form-serializer.ts: the items and the index set's definition, about as large again).
 */
const BYTES_PER_ITEMS_BYTE = 3;
/** Forms remembered as loaded once (a uuid and a short key each: ~1 MB at most). */
const MAX_SEEN = 10_000;

export class FormItemsCache {
  readonly #entries = new Map<string, Entry>();
  /** Forms loaded once at a key not kept yet: assessment → key (admit). */
  readonly #seen = new Map<string, string>();
  #size = 0;
  #hits = 0;
  #misses = 0;

  constructor(readonly budgetBytes: number) {}

  /**
   * Whether to keep the form at this key: only when it was loaded at the same key before (a doorkeeper, as
   * in TinyLFU). On the deadline day a load is mostly followed by a save, which moves the revision: keeping
   * every load would build, copy and hold ~150 kB that is never served. Remembered keys are bounded too.
   */
  admit(assessmentId: string, key: string): boolean {
    if (this.budgetBytes === 0) return false;
    if (this.#seen.get(assessmentId) === key) {
      this.#seen.delete(assessmentId);
      return true;
    }
    this.#seen.delete(assessmentId);
    if (this.#seen.size >= MAX_SEEN) this.#seen.delete(this.#seen.keys().next().value!);
    this.#seen.set(assessmentId, key);
    return false;
  }

  /** Whether the process holds some revision of this form (the caller then reads the state alone first). */
  has(assessmentId: string): boolean {
    return this.#entries.has(assessmentId);
  }

  get(assessmentId: string, key: string, definition: object): PresentedFormItems | undefined {
    const entry = this.#entries.get(assessmentId);
    if (!entry || entry.key !== key || entry.definition !== definition) {
      this.#misses++;
      // A revision only moves forward: an entry at another key is never served again. Dropped, so the next
      // load reads state and rows in one statement instead of the state first (as after a write elsewhere).
      if (entry) this.#drop(assessmentId);
      return undefined;
    }
    this.#hits++;
    // Least recently used first: a hit moves the entry to the end of the insertion order.
    this.#entries.delete(assessmentId);
    this.#entries.set(assessmentId, entry);
    return entry.presented;
  }

  set(assessmentId: string, key: string, definition: object, presented: PresentedFormItems): void {
    this.#drop(assessmentId);
    const size = presented.items.bytes.length * BYTES_PER_ITEMS_BYTE + ENTRY_OVERHEAD;
    if (size > this.budgetBytes) return;
    while (this.#size + size > this.budgetBytes) this.#drop(this.#entries.keys().next().value!);
    this.#entries.set(assessmentId, { key, definition, presented, size });
    this.#size += size;
  }

  /** The process changed this form: its next load reads state and rows in one statement (no stale entry). */
  forget(assessmentId: string): void {
    this.#drop(assessmentId);
    this.#seen.delete(assessmentId);
  }

  /** Entries, bytes held and hits/misses since start (for the bench's note and tests). */
  stats() {
    return { entries: this.#entries.size, bytes: this.#size, hits: this.#hits, misses: this.#misses };
  }

  #drop(assessmentId: string): void {
    const entry = this.#entries.get(assessmentId);
    if (!entry) return;
    this.#entries.delete(assessmentId);
    this.#size -= entry.size;
  }
}
