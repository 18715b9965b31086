// The standalone verifier (verify-thuocdo.mjs) is hand-written plain JavaScript, so nothing but a test keeps
// its canonical JSON the same as core's: on random nested values (objects with any keys, arrays, numbers
// of every kind, strings with any characters, dates, undefined members) the two texts are equal. Its
// checks agree with `thuocdo verify` (snapshot-file.ts) on a real signed file and its alterations.
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/core/audit/canonical-json.ts';
import { keyIdOf } from '../../../src/app/publication/signing-key.ts';
import { checkSnapshotFile, snapshotFileText } from '../../../src/app/publication/snapshot-file.ts';

interface Verifier {
  canonicalJson(v: unknown): string;
  checkSnapshot(
    text: string,
    opts?: { pinnedKeyPem?: string; publishedKeys?: { id: string }[] },
  ): { valid: boolean; problems: string[]; keyCheck: string };
  describe(c: unknown): string[];
  PUBLISHED_KEYS: unknown[];
}
// A computed specifier: the file is plain JavaScript without type declarations.
const SOURCE = new URL('../../../src/app/publication/verifier/verify-thuocdo.mjs', import.meta.url).href;
const verifier = (await import(SOURCE)) as Verifier;

describe('verify-thuocdo.mjs canonical JSON = core/audit/canonical-json.ts', () => {
  it('on random JSON values (what a snapshot payload is made of)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => verifier.canonicalJson(v) === canonicalJson(v)),
      { numRuns: 2000 },
    );
  });

  it('on random JavaScript values: undefined members, dates, -0, NaN, Infinity, odd keys, sparse arrays', () => {
    const anything = fc.anything({
      withDate: true,
      withSparseArray: true,
      withNullPrototype: true,
      withObjectString: true,
      withBoxedValues: true,
      maxDepth: 4,
      key: fc.string({ unit: 'binary' }),
    });
    // An invalid Date has no ISO form: both must refuse it the same way, not one of them answer.
    const outcome = (f: () => string) => {
      try {
        return f();
      } catch (e) {
        return `throws ${(e as Error).name}`;
      }
    };
    fc.assert(
      fc.property(anything, (v) => outcome(() => verifier.canonicalJson(v)) === outcome(() => canonicalJson(v))),
      { numRuns: 2000 },
    );
  });

  it('on the cases that matter by hand (key order by UTF-16 code units, Vietnamese text, toJSON)', () => {
    const cases: unknown[] = [
      { b: 1, a: [3, { d: 'Xã Cẩm Bình', c: null }], É: true, é: false, '10': 0, '9': -0, z: undefined },
      [undefined, () => 1, Symbol('s'), 1e21, 5e-7, 0.1 + 0.2],
      { at: new Date('2026-03-01T02:00:00Z'), own: { toJSON: () => ({ y: 2, x: 1 }) } },
      'chuỗi có "ngoặc" và \u2028 và \ud83d\ude00',
    ];
    for (const v of cases) expect(verifier.canonicalJson(v)).toBe(canonicalJson(v));
  });

  it('ships with an empty key list in the sources (the server writes the published keys in)', () => {
    expect(verifier.PUBLISHED_KEYS).toEqual([]);
  });
});

describe('verify-thuocdo.mjs checks = thuocdo verify', () => {
  const pair = () => {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    return { privateKey, id: keyIdOf(publicKey), pem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
  };
  const signed = (k: ReturnType<typeof pair>, payload: unknown) => {
    const text = canonicalJson(payload);
    const digest = createHash('sha256').update(text, 'utf8').digest('hex');
    const signature = sign(null, Buffer.from(digest, 'hex'), k.privateKey).toString('base64');
    return snapshotFileText(
      {
        campaignId: 'c',
        version: 2,
        publishedAt: '2026-03-01T02:00:00.000Z',
        digest,
        signature,
        keyId: k.id,
        publicKeyPem: k.pem,
      },
      text,
    );
  };

  it('on random payloads and their one-character alterations', () => {
    const k = pair();
    const other = pair();
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue(), { minKeys: 1 }), fc.nat(), (payload, at) => {
        const file = signed(k, { campaign: { name: 'Kỳ 2025' }, data: payload, total: 812.5 });
        const altered = file.replace('812.5', '812.6');
        for (const [text, pinned] of [
          [file, undefined],
          [file, k.pem],
          [file, other.pem],
          [altered, undefined],
          [altered, k.pem],
          [file.slice(0, at % file.length), undefined],
        ] as const) {
          expect(verifier.checkSnapshot(text, { pinnedKeyPem: pinned }).problems).toEqual(
            checkSnapshotFile(text, pinned).problems,
          );
        }
      }),
      { numRuns: 100 },
    );
  });

  it('holds the key against the published list when one is written in', () => {
    const k = pair();
    const intruder = pair();
    expect(verifier.checkSnapshot(signed(k, { a: 1 }), { publishedKeys: [{ id: k.id }] })).toMatchObject({
      valid: true,
      keyCheck: 'published',
    });
    expect(verifier.checkSnapshot(signed(intruder, { a: 1 }), { publishedKeys: [{ id: k.id }] })).toMatchObject({
      valid: false,
      problems: ['KEY_NOT_PINNED'],
    });
    expect(verifier.checkSnapshot(signed(intruder, { a: 1 }))).toMatchObject({ valid: true, keyCheck: 'none' });
  });
});
