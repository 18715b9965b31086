// Issue 14 §6: a band added in the campaign form gets its code from its name; existing codes stay.
import { describe, expect, it } from 'vitest';
import { withBandCodes } from '../../../src/web/lib/bandCodes.ts';

describe('band codes made from names', () => {
  it('keeps existing codes and makes new ones from the label, unique in the list', () => {
    expect(
      withBandCodes([
        { code: 'tot', label: 'Tốt', minPercent: 90 },
        { code: '', label: 'Xuất sắc', minPercent: 95 },
        { code: '', label: 'Tốt', minPercent: 80 },
        { code: '', label: '', minPercent: 0 },
      ]).map((b) => b.code),
    ).toEqual(['tot', 'xuat-sac', 'tot-2', 'muc']);
  });
});
