// Runs a permission matrix — route × caller → expected status — as one test per route, plus a test that
// the matrix names exactly the routes it has calls for. Shared by the feature authorization suites.
import { expect, it } from 'vitest';
import type { Client, TestApp } from './test-app.ts';

export type MatrixCall = (c: Client) => Promise<{ statusCode: number }>;

export function runPermissionMatrix<R extends string>(
  app: () => TestApp,
  callers: readonly string[],
  routes: Record<R, MatrixCall>,
  matrix: readonly (readonly [route: R, ...statuses: number[]])[],
) {
  it('covers every route', () => {
    expect(matrix.map((r) => r[0]).sort()).toEqual(Object.keys(routes).sort());
  });
  for (const [route, ...statuses] of matrix) {
    it(route, async () => {
      const got: Record<string, number> = {};
      const want: Record<string, number> = {};
      for (const [i, caller] of callers.entries()) {
        const client = caller === 'anonymous' ? app().anonymous : await app().as(caller);
        got[caller] = (await routes[route](client)).statusCode;
        want[caller] = statuses[i]!;
      }
      expect(got).toEqual(want);
    });
  }
}
