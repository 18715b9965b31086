// Canonical JSON, the bytes every hash of the platform covers (audit entries, snapshots, checkpoints):
// keys sorted, what JSON.stringify (and so jsonb) stores of a value with toJSON, and — for snapshots of
// tens of megabytes — the same text in pieces, hashed with pauses so the event loop keeps turning.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalJsonPieces } from '../../../src/core/audit/canonical-json.ts';
import { snapshotDigest, snapshotDigestAsync } from '../../../src/app/publication/verify-snapshot.ts';

/** A national-size payload: 4,000 units × 100 items (~35 MB of canonical text). */
function nationalPayload(units = 4000, items = 100) {
  return {
    campaign: { id: 'c', name: 'Đánh giá chỉ số chuyển đổi số năm 2026', year: 2026 },
    results: Array.from({ length: units }, (_, u) => ({
      unit: { id: `u${u}`, code: `X${String(u).padStart(5, '0')}`, name: `Xã số ${u}` },
      group: { id: 'g', name: 'Cấp xã' },
      percent: (u % 1000) / 10,
      rank: u + 1,
      band: u % 7 === 0 ? null : { code: 'kha', label: 'Khá' },
      items: Array.from({ length: items }, (_, i) => ({
        code: `${(i % 9) + 1}.${i}`,
        self: i % 5 === 0 ? null : 7.5,
        final: 7.25,
        notApplicable: i % 40 === 3,
        replacementCode: null,
      })),
    })),
  };
}

/** The definition canonicalJson had before it was rewritten for speed (issue 15): the text must not change. */
function formerCanonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'null';
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(formerCanonicalJson).join(',')}]`;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function')
    return formerCanonicalJson((value as { toJSON: () => unknown }).toJSON());
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${formerCanonicalJson(v)}`).join(',')}}`;
  }
  return 'null';
}

describe('canonical JSON', () => {
  it('is the same text as the former definition, for any value (keys of any text, many keys, holes, dates)', () => {
    const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('"', '\\', '\n', '\ud800', 'é'));
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.constantFrom(null, undefined, true, false, Number.NaN, -0, Infinity),
        fc.double(),
        fc.integer(),
        text,
        fc.date({ noInvalidDate: true }),
        fc.array(tie('value'), { maxLength: 6 }),
        fc.sparseArray(tie('value'), { maxLength: 6 }),
        fc.dictionary(text, tie('value'), { maxKeys: 24 }),
        tie('value').map((v) => ({ toJSON: () => v })),
      ),
    }));
    fc.assert(
      fc.property(value, (v) => {
        expect(canonicalJson(v)).toBe(formerCanonicalJson(v));
      }),
      { numRuns: 500 },
    );
    const audit = {
      at: '2026-10-01T00:00:00.000Z',
      action: 'assessment.figure.supply',
      after: { source: 'Chỉ số 766 — Tháng 10/2026', supplied: { diem: 4.5 }, version: 2 },
    };
    expect(canonicalJson(audit)).toBe(formerCanonicalJson(audit));
  }, 30_000);

  it('sorts keys, drops undefined members, writes what JSON.stringify stores of toJSON values', () => {
    expect(canonicalJson({ b: 1, a: [2, undefined, { d: null, c: 'x' }], e: undefined })).toBe(
      '{"a":[2,null,{"c":"x","d":null}],"b":1}',
    );
    expect(canonicalJson({ at: new Date('2026-01-02T03:04:05.006Z'), v: { toJSON: () => ({ z: 1, y: 2 }) } })).toBe(
      '{"at":"2026-01-02T03:04:05.006Z","v":{"y":2,"z":1}}',
    );
    expect(canonicalJson([Number.NaN, -0, 1e21, 0.1 + 0.2])).toBe('[null,0,1e+21,0.30000000000000004]');
  });

  it('in pieces: exactly the same text, for small values and for a snapshot-shaped document', () => {
    const samples: unknown[] = [
      null,
      1,
      'chuỗi “có dấu”',
      [],
      {},
      [1, [2, [3]]],
      Array.from({ length: 100 }, (_, i) => ({ i, n: [i, { k: i }] })),
      { x: { toJSON: () => [1, 2] }, when: new Date(0) },
      nationalPayload(50, 40),
    ];
    for (const s of samples) expect([...canonicalJsonPieces(s)].join('')).toBe(canonicalJson(s));
  });

  it('hashing a national-size payload in pieces gives the same digest and never holds the event loop 100 ms', async () => {
    const payload = nationalPayload();
    const expected = snapshotDigest(payload).digest;
    let last = performance.now();
    let longest = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    }, 5);
    const started = performance.now();
    const digest = await snapshotDigestAsync(payload);
    const took = performance.now() - started;
    clearInterval(timer);
    expect(digest).toBe(expected);
    expect(digest).toBe(createHash('sha256').update(canonicalJson(payload), 'utf8').digest('hex'));
    console.log(
      `national payload: digest in ${Math.round(took)} ms, longest event-loop stall ${Math.round(longest)} ms`,
    );
    expect(longest).toBeLessThan(100);
  }, 60_000);
});
