// Autosave of assessment items: every change is saved ~600 ms after the last keystroke (per item) with the
// item's version. A save in flight is never overlapped; edits made meanwhile are saved right after. Network and
// server failures are retried with backoff (and when the browser comes back online); a stale version stops
// that item in the `conflict` state until the person keeps theirs or takes the other value. Unsaved drafts are
// mirrored to localStorage so nothing is silently dropped.
import { ApiError } from '../../../api/client.ts';
import type { AssessmentItem } from '../../../../contract/assessments.ts';
import { readBackup, writeBackup } from './backup.ts';
import type { Backup } from './backup.ts';
import { draftOf, sameDraft } from './types.ts';
import type { ItemDraft, ItemSlot, SaveFn } from './types.ts';

export const DEBOUNCE_MS = 600;
const MAX_RETRY_MS = 30_000;

export class AutosaveStore {
  private slots = new Map<string, ItemSlot>();
  private listeners = new Set<() => void>();
  private timers = new Map<string, ReturnType<typeof setTimeout>>();
  private inFlight = new Set<string>();
  private again = new Set<string>();
  private retries = new Map<string, number>();
  private revision = 0;
  private cachedRevision = -1;
  private cachedAll: ItemSlot[] = [];
  private backup: Backup;
  private readonly onOnline = () => this.retryAll();

  constructor(
    private readonly assessmentId: string,
    items: AssessmentItem[],
    private readonly save: SaveFn,
  ) {
    this.backup = readBackup(assessmentId);
    for (const item of items) {
      const slot: ItemSlot = {
        code: item.code,
        draft: draftOf(item),
        version: item.version,
        locked: item.locked,
        state: 'saved',
        error: null,
        savedAt: null,
        conflict: null,
        server: item,
      };
      const saved = this.backup[item.code];
      if (saved && !item.locked && !sameDraft(saved.draft, slot.draft)) {
        slot.draft = saved.draft;
        if (saved.baseVersion === item.version) slot.state = 'pending';
        else {
          slot.state = 'conflict';
          slot.conflict = item;
        }
      } else if (saved) delete this.backup[item.code];
      this.slots.set(item.code, slot);
    }
    writeBackup(assessmentId, this.backup);
  }

  /** Starts listening for the connection coming back and saves drafts restored from the backup. */
  start(): void {
    window.addEventListener('online', this.onOnline);
    for (const s of this.slots.values()) if (s.state === 'pending') this.schedule(s.code, 0);
  }

  /** Leaving the page: what waits for its debounce is saved now; failures stay in the backup for next time. */
  stop(): void {
    window.removeEventListener('online', this.onOnline);
    const waiting = [...this.timers.keys()];
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    for (const code of waiting) if (this.slots.get(code)?.state === 'pending') void this.flush(code);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get(code: string): ItemSlot | undefined {
    return this.slots.get(code);
  }

  getRevision = (): number => this.revision;

  all(): ItemSlot[] {
    if (this.cachedRevision !== this.revision) {
      this.cachedAll = [...this.slots.values()];
      this.cachedRevision = this.revision;
    }
    return this.cachedAll;
  }

  hasUnsaved(): boolean {
    return this.all().some((s) => s.state !== 'saved');
  }

  edit(code: string, patch: Partial<ItemDraft>): void {
    const slot = this.slots.get(code);
    if (!slot || slot.locked) return;
    const draft = { ...slot.draft, ...patch };
    const next: ItemSlot = { ...slot, draft, state: slot.state === 'conflict' ? 'conflict' : 'pending', error: null };
    this.put(next);
    this.remember(next);
    if (next.state !== 'conflict') this.schedule(code, DEBOUNCE_MS);
  }

  /** Saves now whatever is pending (e.g. before submitting); resolves when nothing is pending or in flight. */
  async flushAll(timeoutMs = 15_000): Promise<boolean> {
    for (const s of this.slots.values()) if (s.state === 'pending') this.schedule(s.code, 0);
    const start = Date.now();
    while (Date.now() - start < timeoutMs) {
      const busy = this.all().some((s) => s.state === 'pending' || s.state === 'saving');
      if (!busy) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    return !this.hasUnsaved();
  }

  retryAll(): void {
    for (const s of this.slots.values()) if (s.state === 'error' || s.state === 'pending') this.schedule(s.code, 0);
  }

  /** Re-saves items whose stored self-score differs from the one computed now (e.g. after informational fields changed). */
  resaveWhere(differs: (slot: ItemSlot) => boolean): void {
    for (const s of this.slots.values()) if (!s.locked && s.state === 'saved' && differs(s)) this.edit(s.code, {});
  }

  resolveConflict(code: string, choice: 'mine' | 'theirs'): void {
    const slot = this.slots.get(code);
    if (!slot?.conflict) return;
    const other = slot.conflict;
    if (choice === 'mine') {
      const next: ItemSlot = { ...slot, version: other.version, conflict: null, state: 'pending', server: other };
      this.put(next);
      this.remember(next);
      this.schedule(code, 0);
    } else {
      const next: ItemSlot = {
        ...slot,
        draft: draftOf(other),
        version: other.version,
        conflict: null,
        state: 'saved',
        server: other,
        savedAt: Date.now(),
        locked: other.locked,
      };
      this.put(next);
      this.forget(code);
    }
  }

  /** Takes a fresh server copy (after submit/reopen): versions and locks of settled items follow the server. */
  sync(items: AssessmentItem[]): void {
    for (const item of items) {
      const slot = this.slots.get(item.code);
      if (!slot) continue;
      if (slot.state === 'saved' && item.version >= slot.version)
        this.put({ ...slot, draft: draftOf(item), version: item.version, locked: item.locked, server: item });
      else if (slot.locked !== item.locked) this.put({ ...slot, locked: item.locked });
    }
  }

  private schedule(code: string, delay: number): void {
    const old = this.timers.get(code);
    if (old) clearTimeout(old);
    this.timers.set(
      code,
      setTimeout(() => {
        this.timers.delete(code);
        void this.flush(code);
      }, delay),
    );
  }

  private async flush(code: string): Promise<void> {
    const slot = this.slots.get(code);
    if (!slot || slot.state === 'conflict' || slot.state === 'saved') return;
    if (this.inFlight.has(code)) {
      this.again.add(code);
      return;
    }
    this.inFlight.add(code);
    const sent = slot.draft;
    this.put({ ...slot, state: 'saving', error: null });
    try {
      const item = await this.save(code, sent, slot.version);
      this.retries.delete(code);
      const now = this.slots.get(code)!;
      const changed = !sameDraft(now.draft, sent);
      this.put({
        ...now,
        version: item.version,
        server: item,
        locked: item.locked,
        state: changed ? 'pending' : 'saved',
        savedAt: Date.now(),
        error: null,
      });
      if (changed) this.again.add(code);
      else this.forget(code);
    } catch (e) {
      this.failed(code, e);
    } finally {
      this.inFlight.delete(code);
      if (this.again.delete(code)) this.schedule(code, 0);
    }
  }

  private failed(code: string, e: unknown): void {
    const now = this.slots.get(code)!;
    if (e instanceof ApiError && e.code === 'VERSION_CONFLICT') {
      const current = e.details?.['current'] as AssessmentItem | undefined;
      if (current && typeof current.version === 'number') {
        this.again.delete(code);
        this.put({ ...now, state: 'conflict', conflict: current, error: null });
        return;
      }
    }
    const message = e instanceof Error ? e.message : String(e);
    this.put({ ...now, state: 'error', error: message });
    const transient = !(e instanceof ApiError) || e.status === 0 || e.status >= 500 || e.status === 429;
    if (transient) {
      const n = (this.retries.get(code) ?? 0) + 1;
      this.retries.set(code, n);
      this.schedule(code, Math.min(MAX_RETRY_MS, 1000 * 2 ** n));
    }
    if (e instanceof ApiError && e.code === 'ASSESSMENT_LOCKED') this.put({ ...this.slots.get(code)!, locked: true });
  }

  private remember(slot: ItemSlot): void {
    this.backup[slot.code] = { draft: slot.draft, baseVersion: slot.conflict ? -1 : slot.version };
    writeBackup(this.assessmentId, this.backup);
  }

  private forget(code: string): void {
    if (!(code in this.backup)) return;
    delete this.backup[code];
    writeBackup(this.assessmentId, this.backup);
  }

  private put(slot: ItemSlot): void {
    this.slots.set(slot.code, slot);
    this.revision++;
    for (const l of this.listeners) l();
  }
}
