// An optional ceiling on the bytes the store may hold (EVIDENCE_QUOTA_BYTES): the operator's way to keep
// evidence from filling the disk the database lives on, and how tests simulate "out of space". Usage is
// measured once (lazily) and then tracked in this process; uploads in flight count against it while they
// stream, so two large uploads cannot both squeeze under the limit.
import { storageFull } from './storage-errors.ts';

export interface QuotaTicket {
  /** Throws STORAGE_FULL when `size` more bytes would pass the limit. */
  check(size: number): void;
  /**
   * The upload is over; `storedBytes` is what it added to the store (0 when discarded or deduplicated). Only
   * the first call counts: a store closes it on commit and again on discard (test/unit/storage/quota.test.ts).
   */
  close(storedBytes: number): void;
}

const NO_TICKET: QuotaTicket = { check: () => {}, close: () => {} };

export class Quota {
  private used: number | undefined;
  private measuring: Promise<number> | undefined;
  private readonly inFlight = new Set<{ size: number }>();

  constructor(
    readonly limitBytes: number | undefined,
    private readonly measure: () => Promise<number>,
  ) {}

  async open(): Promise<QuotaTicket> {
    const limit = this.limitBytes;
    if (limit === undefined) return NO_TICKET;
    this.used ??= await (this.measuring ??= this.measure());
    if (this.used >= limit) throw storageFull();
    const mine = { size: 0 };
    this.inFlight.add(mine);
    return {
      check: (size) => {
        mine.size = size;
        let total = this.used ?? 0;
        for (const t of this.inFlight) total += t.size;
        if (total > limit) throw storageFull();
      },
      close: (storedBytes) => {
        if (!this.inFlight.delete(mine)) return;
        if (this.used !== undefined) this.used += storedBytes;
      },
    };
  }

  /** Bytes stored outside an upload's ticket (an upload placing its bytes again: decision 0031). */
  added(bytes: number): void {
    if (this.used !== undefined) this.used += bytes;
  }

  freed(bytes: number): void {
    if (this.used !== undefined) this.used = Math.max(0, this.used - bytes);
  }
}
