// Issue 16: which encoding a public answer is sent in (Accept-Encoding → br before gzip, q=0 refuses), and
// how long each file of the built web app may be cached (hashed assets a year, HTML revalidated).
import { describe, expect, it } from 'vitest';
import { negotiateEncoding } from '../../../src/server/http/accept-encoding.ts';
import { encodedVariant } from '../../../src/server/routes/public/encoded-bytes.ts';
import { staticCacheControl } from '../../../src/server/plugins/web-cache.ts';

describe('negotiateEncoding', () => {
  it.each([
    ['gzip, deflate, br', 'br'],
    ['br', 'br'],
    ['gzip', 'gzip'],
    ['GZIP;q=0.5, deflate', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['br;q=0, gzip;q=0', null],
    ['identity', null],
    ['deflate', null],
    ['*', 'br'],
    ['*;q=0', null],
    ['gzip, *;q=0', 'gzip'],
    ['', null],
    [undefined, null],
  ] as const)('%s → %s', (header, expected) => {
    expect(negotiateEncoding(header)).toBe(expected);
  });

  it('the ETag variant names the encoding sent', () => {
    expect([encodedVariant('methodology', 'br'), encodedVariant('methodology', 'gzip')]).toEqual([
      'methodology.br',
      'methodology.gz',
    ]);
    expect(encodedVariant('methodology', null)).toBe('methodology');
  });
});

describe('staticCacheControl', () => {
  it.each([
    ['assets/main-AbC123.js', 'public, max-age=31536000, immutable'],
    ['assets/main-AbC123.js.br', 'public, max-age=31536000, immutable'],
    ['assets/logo-Q1w2E3.png', 'public, max-age=31536000, immutable'],
    ['index.html', 'no-cache'],
    ['portal.html.gz', 'no-cache'],
    ['huong-dan/README.md', 'public, max-age=3600'],
    ['favicon.svg', 'public, max-age=3600'],
  ])('%s → %s', (file, expected) => {
    expect(staticCacheControl(file)).toBe(expected);
  });
});
