// The import worker pool: files are read in worker threads; a file that needs more heap or time than
// allowed ends its own thread (ParseAborted), more files than the pool holds are refused (ParsePoolBusy),
// and the pool keeps serving afterwards.
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SPREADSHEET_LIMITS } from '../../../src/exchange/spreadsheet/limits.ts';
import { ParseAborted, ParsePool, ParsePoolBusy } from '../../../src/infra/imports/parse-pool.ts';

const csv = (rows: number) =>
  Buffer.from(`Mã,Tên,Loại\n${Array.from({ length: rows }, (_, i) => `X${i},Xã số ${i},Xã`).join('\n')}\n`);
const limits = DEFAULT_SPREADSHEET_LIMITS;
let pool: ParsePool | undefined;
const open = (o: Partial<ConstructorParameters<typeof ParsePool>[0]> = {}) =>
  (pool = new ParsePool({ workers: 1, maxQueue: 2, heapMb: 256, timeoutMs: 60_000, idleMs: 60_000, ...o }));

afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

describe('import worker pool', () => {
  it('reads a file in a worker thread, the same result as in the calling thread', async () => {
    const res = await open().run('table', csv(3), limits);
    expect(res).toEqual({
      ok: true,
      kind: 'csv',
      sheetName: 'CSV',
      rows: [
        { row: 1, cells: ['Mã', 'Tên', 'Loại'] },
        { row: 2, cells: ['X0', 'Xã số 0', 'Xã'] },
        { row: 3, cells: ['X1', 'Xã số 1', 'Xã'] },
        { row: 4, cells: ['X2', 'Xã số 2', 'Xã'] },
      ],
    });
    expect(pool!.started).toBe(1);
  }, 60_000);

  it('a file needing more heap than the thread has → ParseAborted("memory"); the next file is read', async () => {
    const p = open({ heapMb: 64 });
    expect((await p.run('table', csv(1), limits)).ok).toBe(true);
    await expect(p.run('table', csv(600_000), { ...limits, maxRows: 1e7, maxCells: 1e8 })).rejects.toEqual(
      new ParseAborted('memory'),
    );
    expect((await p.run('table', csv(1), limits)).ok).toBe(true);
  }, 60_000);

  it('a file taking longer than allowed → ParseAborted("timeout"); the next file is read', async () => {
    const p = open({ timeoutMs: 1 });
    await expect(p.run('table', csv(50_000), limits)).rejects.toEqual(new ParseAborted('timeout'));
    p.options.timeoutMs = 60_000;
    expect((await p.run('table', csv(1), limits)).ok).toBe(true);
  }, 60_000);

  it('idle threads end after idleMs, except the kept warm one, which warm() starts and a lost thread is replaced by', async () => {
    const cold = open({ idleMs: 10 });
    await cold.run('table', csv(1), limits);
    await new Promise((r) => setTimeout(r, 100));
    expect(cold.threads).toBe(0);
    await cold.close();
    const warm = open({ idleMs: 10, warmWorkers: 1, heapMb: 64 });
    warm.warm();
    expect(warm.threads).toBe(1);
    expect((await warm.run('table', csv(1), limits)).ok).toBe(true);
    await new Promise((r) => setTimeout(r, 100));
    expect(warm.threads).toBe(1);
    await expect(warm.run('table', csv(600_000), { ...limits, maxRows: 1e7, maxCells: 1e8 })).rejects.toEqual(
      new ParseAborted('memory'),
    );
    expect(warm.threads).toBe(1);
  }, 60_000);

  it('more files than one reading and `maxQueue` waiting → ParsePoolBusy; the others are answered in turn', async () => {
    const p = open({ maxQueue: 1 });
    const runs = [p.run('table', csv(2_000), limits), p.run('table', csv(2), limits), p.run('table', csv(2), limits)];
    const settled = await Promise.allSettled(runs);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    expect((settled[2] as PromiseRejectedResult).reason).toBeInstanceOf(ParsePoolBusy);
  }, 60_000);
});
