// 000 Điều 9.4: a district publishes its communes' results; the group's distribution shown with them
// counts only what is published.
import { describe, expect, it } from 'vitest';
import { distributionOfPart } from '../../../src/core/results/index.ts';

const whole = {
  bands: [
    { code: 'tot', label: 'Tốt', count: 2 },
    { code: 'kha', label: 'Khá', count: 1 },
  ],
  notRankable: 1,
  total: 4,
};

describe('distribution of a published part', () => {
  it('counts the published units only, in the group’s bands', () => {
    const part = distributionOfPart(whole, [{ band: { code: 'tot' } }, { band: null }]);
    expect(part).toEqual({
      bands: [
        { code: 'tot', label: 'Tốt', count: 1 },
        { code: 'kha', label: 'Khá', count: 0 },
      ],
      notRankable: 1,
      total: 2,
    });
  });
  it('equals the whole when every unit is published', () => {
    const units = [{ band: { code: 'tot' } }, { band: { code: 'tot' } }, { band: { code: 'kha' } }, { band: null }];
    expect(distributionOfPart(whole, units)).toEqual(whole);
  });
});
