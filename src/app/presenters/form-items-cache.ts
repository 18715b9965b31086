// The form's items as presented at one revision of the form (docs/decisions/0018), per process. The form
// load is the deadline day's most frequent read and its items are ~half of its ~100 kB: rebuilding them
// costs the database a JSON aggregate of 100 rows and Node a parse, 100 presented objects and a
// stringify, on every load, although they change only when someone saves. The database keeps the
// revision (assessment_progress.form_rev, moved by triggers on everything the items show — migration
// 0020); the form load reads it with the assessment's state, which it must read anyway, and serves the
// bytes presented at that revision when this process holds them. Correct across processes (each compares
// with the database's revision) and bounded in bytes, least recently used out first.
import type { ItemEntry, ItemProgress } from '../../core/campaign/index.ts';
import type { StoredProgress } from '../../db/queries/assessment-form-read.ts';
import type { PreSerializedJson } from './pre-serialized-json.ts';

/** What the form shows of its items at one revision: their JSON, their progress, their self-scores. */
export interface PresentedFormItems {
  items: PreSerializedJson;
  /** The figures of exactly these items (stored when up to date, else computed from them). */
  progress: StoredProgress;
  /** Self-score per code, for the unit's view of the appraisal (unit-appraisal.ts). */
  selfScores: ReadonlyMap<string, number | null>;
  /** What a save needs to carry the items over to the form's next revision (form-items-patch.ts). */
  layout?: FormItemsLayout;
}

export interface FormItemsLayout {
  /** Each item's place in the set's order. */
  codes: ReadonlyMap<string, number>;
  /** Where each item's JSON ends in the bytes (exclusive; it starts after the previous one's comma). */
  ends: Uint32Array;
  /** Each item's progress entry, by its place (undefined: never saved). */
  entries: readonly (ItemEntry | undefined)[];
  /**
   * Each item's part of the progress as computed so far, by its place (itemProgressOf of its entry;
   * form-items-patch.ts): a part missing is computed from the entry when the figures are; a save drops its item's.
   */
  parts: (ItemProgress | undefined)[];
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

/** Bytes counted per entry beside its JSON: the progress, the self-scores, the layout and its entries, the keys. */
const ENTRY_OVERHEAD = 24 * 1024;
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
  #carried = 0;

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

  /**
   * Whether a save of this form could carry something over (carryOver): the process holds some revision of
   * it, or remembers a load of it. Only such a save pays for reading the form's revision (decision 0029).
   */
  wants(assessmentId: string): boolean {
    return this.budgetBytes > 0 && (this.#entries.has(assessmentId) || this.#seen.has(assessmentId));
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

  /**
   * This process saved the form from `fromKey` to `toKey` (form-items-patch.ts): the items held at `fromKey`
   * for this definition are carried over to `toKey` by `carry`; anything else held is dropped, as by forget.
   * Keeps nothing the form did not hold; a form loaded once at `fromKey` counts as loaded once at `toKey`
   * (its next load is its second, and keeps the items: a deadline day's load, save, load keeps them there).
   */
  carryOver(
    assessmentId: string,
    { fromKey, toKey, definition }: { fromKey: string | null; toKey: string | null; definition: object },
    carry: (kept: PresentedFormItems) => PresentedFormItems | undefined,
  ): boolean {
    const entry = this.#entries.get(assessmentId);
    const carried =
      entry && fromKey !== null && toKey !== null && entry.key === fromKey && entry.definition === definition
        ? carry(entry.presented)
        : undefined;
    if (!carried) {
      const seenBefore = fromKey !== null && toKey !== null && this.#seen.get(assessmentId) === fromKey;
      this.forget(assessmentId);
      if (seenBefore) this.#seen.set(assessmentId, toKey!);
      return false;
    }
    this.set(assessmentId, toKey!, definition, carried);
    this.#carried++;
    return true;
  }

  /** The process changed this form: its next load reads state and rows in one statement (no stale entry). */
  forget(assessmentId: string): void {
    this.#drop(assessmentId);
    this.#seen.delete(assessmentId);
  }

  /** Entries, bytes held, hits/misses and entries carried over a save since start (for the bench's note and tests). */
  stats() {
    return {
      entries: this.#entries.size,
      bytes: this.#size,
      hits: this.#hits,
      misses: this.#misses,
      carried: this.#carried,
    };
  }

  #drop(assessmentId: string): void {
    const entry = this.#entries.get(assessmentId);
    if (!entry) return;
    this.#entries.delete(assessmentId);
    this.#size -= entry.size;
  }
}
