// The staff API's compression (decision 0019): a Buffer sent again is compressed once, per encoding, and
// the compressed bytes decode to it.
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compressedBytes } from '../../../src/server/http/api-compression.ts';

const answer = Buffer.from(
  JSON.stringify({
    items: Array.from({ length: 200 }, (_, i) => ({ code: `1.${i}`, title: `Chỉ số thành phần ${i}` })),
  }),
);

describe('compressedBytes', () => {
  it('decodes to the same bytes, br and gzip', async () => {
    expect(brotliDecompressSync(await compressedBytes(answer, 'br')).equals(answer)).toBe(true);
    expect(gunzipSync(await compressedBytes(answer, 'gzip')).equals(answer)).toBe(true);
  });

  it('the same Buffer is compressed once per encoding (concurrent requests share it)', async () => {
    const bytes = Buffer.from(answer);
    const [a, b] = [compressedBytes(bytes, 'br'), compressedBytes(bytes, 'br')];
    expect(a).toBe(b);
    expect(await compressedBytes(bytes, 'br')).toBe(await a);
    expect(compressedBytes(bytes, 'gzip')).not.toBe(a);
  });

  it('another Buffer with the same content is compressed on its own (nothing kept by content)', async () => {
    expect(compressedBytes(Buffer.from(answer), 'br')).not.toBe(compressedBytes(Buffer.from(answer), 'br'));
  });
});
