import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { num } from '../../../src/core/framework/format-vi.ts';
import { formatNumberVi } from '../../../src/core/text/vietnamese.ts';

describe('explanation numbers are written the Vietnamese way', () => {
  it.each([
    [3.3333333, '3,3333'],
    [1234.5, '1.234,5'],
    [20, '20'],
    [1e-7, '0'],
    [1000000, '1.000.000'],
  ])('%d → %s', (v, text) => {
    expect(num(v)).toBe(text);
  });
  it('matches formatNumberVi (the shared formatter) for any value, except it never writes -0', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        fc.constantFrom(0, 2, 4),
        (v, d) => num(v, d) === formatNumberVi(v, d).replace(/^-0$/, '0'),
      ), // Intl writes "-0"; a score never is
    );
  });
});
