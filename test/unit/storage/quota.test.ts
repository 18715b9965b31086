// The evidence quota's ticket: the stores close it on commit and again on discard (local-file-store.ts,
// s3-file-store.ts), relying on only the first close counting.
import { describe, expect, it } from 'vitest';
import { Quota } from '../../../src/infra/storage/quota.ts';

const storageFullCode = (fn: () => void) => {
  try {
    fn();
    return null;
  } catch (err) {
    return (err as { code?: string }).code ?? null;
  }
};

describe('the evidence quota ticket', () => {
  it('counts the bytes of its first close only: a discard after the commit neither undoes nor adds', async () => {
    const quota = new Quota(100, async () => 0);
    const first = await quota.open();
    first.check(60);
    first.close(60);
    first.close(0); // the discard after a commit
    first.close(60); // and never twice
    const second = await quota.open();
    expect(storageFullCode(() => second.check(40))).toBeNull(); // 60 + 40 = the limit, allowed
    expect(storageFullCode(() => second.check(41))).toBe('STORAGE_FULL');
  });

  it('frees what an upload held in flight when its ticket closes, whatever the close says afterwards', async () => {
    const quota = new Quota(100, async () => 0);
    const held = await quota.open();
    held.check(90);
    const other = await quota.open();
    expect(storageFullCode(() => other.check(20))).toBe('STORAGE_FULL'); // 90 in flight + 20
    held.close(0); // discarded: nothing stored
    held.close(90); // a late close does not count
    expect(storageFullCode(() => other.check(100))).toBeNull();
  });
});
