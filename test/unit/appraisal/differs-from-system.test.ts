// Issue 15 §3: "the unit and the council see the system value beside the unit's, with its source and time;
// the appraisal queue flags a difference". The flag names each differing figure by the index set's label,
// with the unit's and the system's value; values that agree to the hundredth are the same figure.
import { describe, expect, it } from 'vitest';
import { type FlagInput, reviewFlags } from '../../../src/core/appraisal/index.ts';
import type { FrameworkNode } from '../../../src/core/framework/index.ts';

const node: FrameworkNode = {
  code: '2.3',
  title: 'Tỷ lệ hồ sơ trực tuyến toàn trình',
  maxPoints: 10,
  method: {
    kind: 'ratio',
    numeratorLabel: 'Số hồ sơ trực tuyến',
    denominatorLabel: 'Tổng số hồ sơ',
    zeroDenominator: 'not_applicable',
  },
  evidenceRule: 'none',
};
const system = {
  inputs: { a: 420, b: 600 },
  source: 'Cổng Dịch vụ công quốc gia',
  suppliedAt: '2026-11-20T02:00:00.000Z',
};
const base: FlagInput = {
  node,
  inputs: { a: 420, b: 600 },
  selfScore: 7,
  evidenceCount: 0,
  duplicateUnits: [],
  lastYearFinal: null,
  changeShare: 0.5,
};
const differs = (input: Partial<FlagInput>) =>
  reviewFlags({ ...base, ...input }).filter((f) => f.kind === 'differs_from_system');

describe('the unit’s figures differ from the system’s', () => {
  it('no supplied figures, or the same figures → no flag', () => {
    expect(differs({})).toEqual([]);
    expect(differs({ systemFigures: system })).toEqual([]);
    expect(differs({ inputs: { a: 420.001, b: '600' }, systemFigures: system })).toEqual([]);
  });

  it('a differing figure is named by its label, with both values, the source and the time', () => {
    expect(differs({ inputs: { a: 480, b: 600 }, systemFigures: system })).toEqual([
      {
        kind: 'differs_from_system',
        source: 'Cổng Dịch vụ công quốc gia',
        suppliedAt: '2026-11-20T02:00:00.000Z',
        figures: [{ name: 'a', label: 'Số hồ sơ trực tuyến', unit: 480, system: 420 }],
      },
    ]);
  });

  it('a figure the unit left blank differs from the one the system gave', () => {
    const [flag] = differs({ inputs: { a: 420 }, systemFigures: system });
    expect(flag).toMatchObject({ figures: [{ name: 'b', label: 'Tổng số hồ sơ', unit: null, system: 600 }] });
  });
});
