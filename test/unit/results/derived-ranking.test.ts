// The dual ranking (issue 15 §2): a group published on a former structure ranked again as today's units,
// each the plain average of its predecessors' published percents, classified by the campaign's bands, ties
// shown as ties, units without data listed and not ranked, lineage taken as it stood on the viewer's date.
import { describe, expect, it } from 'vitest';
import { deriveRanking, type DerivedRankingInput } from '../../../src/core/results/derived-ranking.ts';

const BANDS = [
  { code: 'A', label: 'Xuất sắc', minPercent: 90 },
  { code: 'B', label: 'Tốt', minPercent: 70 },
  { code: 'C', label: 'Khá', minPercent: 50 },
  { code: 'D', label: 'Trung bình', minPercent: 0 },
];
const fig = (percent: number | null) => ({
  percent,
  finalAfterPenalty: percent ?? 0,
  applicableMax: 100,
});
const FORMER = { activeFrom: null, activeTo: '2025-06-30' };
const CURRENT = { activeFrom: '2025-07-01', activeTo: null };
const unit = (id: string, life: { activeFrom: string | null; activeTo: string | null }) => ({ id, code: id, ...life });
const link = (unitId: string, predecessorId: string, effectiveDate = '2025-07-01') => ({
  unitId,
  predecessorId,
  effectiveDate,
});

function input(over: Partial<DerivedRankingInput>): DerivedRankingInput {
  return {
    figures: new Map(),
    links: [],
    units: new Map(),
    asOf: '2026-12-04',
    bands: BANDS,
    ...over,
  };
}
const byId = (r: ReturnType<typeof deriveRanking>, id: string) => r.rows.find((x) => x.unitId === id)!;

describe('derived ranking of the current units', () => {
  it('ranks each current unit by the plain average of its predecessors, rounded half-up to 2 decimals, method named', () => {
    const r = deriveRanking(
      input({
        figures: new Map([
          ['a1', fig(80.01)],
          ['a2', fig(80.02)],
          ['b1', fig(90)],
        ]),
        links: [link('X', 'a1'), link('X', 'a2'), link('Y', 'b1')],
        units: new Map([
          ['a1', unit('a1', FORMER)],
          ['a2', unit('a2', FORMER)],
          ['b1', unit('b1', FORMER)],
          ['X', unit('X', CURRENT)],
          ['Y', unit('Y', CURRENT)],
        ]),
      }),
    );
    // (80.01 + 80.02) / 2 = 80.015 → 80.02 (half-up), not 80.01.
    expect(byId(r, 'X').percent).toBe(80.02);
    expect(r.rows.map((x) => [x.unitId, x.rank, x.band?.label])).toEqual([
      ['Y', 1, 'Xuất sắc'],
      ['X', 2, 'Tốt'],
    ]);
    expect(r.method).toBe('equal');
    expect(r.methodLabel).toContain('trọng số bằng nhau');
    expect(byId(r, 'X').predecessors.map((p) => [p.unitId, p.percent])).toEqual([
      ['a1', 80.01],
      ['a2', 80.02],
    ]);
    expect(byId(r, 'X').lineage).toEqual([link('X', 'a1'), link('X', 'a2')]);
    expect(r.rows.every((x) => !x.ownResult)).toBe(true);
  });

  it('lists a unit whose predecessors have no published percent as without data: no rank, no band, never 0', () => {
    const r = deriveRanking(
      input({
        figures: new Map([
          ['a1', fig(60)],
          ['n1', fig(null)],
        ]),
        links: [link('X', 'a1'), link('Z', 'n1')],
        units: new Map([
          ['a1', unit('a1', FORMER)],
          ['n1', unit('n1', FORMER)],
          ['X', unit('X', CURRENT)],
          ['Z', unit('Z', CURRENT)],
        ]),
      }),
    );
    expect(byId(r, 'Z')).toMatchObject({ rank: null, percent: null, band: null, counted: 0, total: 1 });
    expect(r.rows.map((x) => x.unitId)).toEqual(['X', 'Z']);
    expect(r.distribution).toMatchObject({ noData: 1, total: 2 });
    expect(r.distribution.bands.find((b) => b.code === 'C')!.count).toBe(1);
  });

  it('shows ties as ties on the shown percent (competition ranking 1, 1, 3), equal units in code order', () => {
    const r = deriveRanking(
      input({
        // 70.005 and 70.01 both show 70.01 once averaged with their partners: (70 + 70.01) / 2 = 70.005 → 70.01.
        figures: new Map([
          ['p', fig(70)],
          ['q', fig(70.01)],
          ['s', fig(70.01)],
          ['t', fig(50)],
        ]),
        links: [link('K2', 'p'), link('K2', 'q'), link('K1', 's'), link('K3', 't')],
        units: new Map([
          ...['p', 'q', 's', 't'].map((id) => [id, unit(id, FORMER)] as const),
          ...['K1', 'K2', 'K3'].map((id) => [id, unit(id, CURRENT)] as const),
        ]),
      }),
    );
    expect(r.rows.map((x) => [x.unitId, x.percent, x.rank, x.sharedBy])).toEqual([
      ['K1', 70.01, 1, 2],
      ['K2', 70.01, 1, 2],
      ['K3', 50, 3, 1],
    ]);
  });

  it('follows chains of mergers to the unit active on the viewer’s date, each direct predecessor weighing once', () => {
    // a + b → AB on 1/1/2025; AB + c → ABC on 1/7/2025.
    const units = new Map([
      ['a', unit('a', { activeFrom: null, activeTo: '2024-12-31' })],
      ['b', unit('b', { activeFrom: null, activeTo: '2024-12-31' })],
      ['c', unit('c', FORMER)],
      ['AB', unit('AB', { activeFrom: '2025-01-01', activeTo: '2025-06-30' })],
      ['ABC', unit('ABC', CURRENT)],
    ]);
    const links = [link('AB', 'a', '2025-01-01'), link('AB', 'b', '2025-01-01'), link('ABC', 'AB'), link('ABC', 'c')];
    const figures = new Map([
      ['a', fig(60)],
      ['b', fig(80)],
      ['c', fig(40)],
    ]);
    const today = deriveRanking(input({ figures, links, units }));
    // (avg(60, 80) + 40) / 2 = 55, not (60 + 80 + 40) / 3.
    expect(today.rows.map((x) => [x.unitId, x.percent])).toEqual([['ABC', 55]]);
    expect(byId(today, 'ABC').predecessors.find((p) => p.unitId === 'AB')).toMatchObject({
      source: 'derived',
      percent: 70,
    });
    expect(byId(today, 'ABC').lineage).toHaveLength(4);

    // Seen as of 1/3/2025: the second merger is not in force yet; AB and c are the current units.
    const then = deriveRanking(input({ figures, links, units, asOf: '2025-03-01' }));
    expect(then.rows.map((x) => [x.unitId, x.percent])).toEqual([
      ['AB', 70],
      ['c', 40],
    ]);
    expect(then.rows.find((x) => x.unitId === 'c')!.ownResult).toBe(true);
  });

  it('counts a split predecessor in each of its successors', () => {
    const r = deriveRanking(
      input({
        figures: new Map([
          ['old', fig(60)],
          ['o2', fig(100)],
        ]),
        links: [link('N1', 'old'), link('N2', 'old'), link('N2', 'o2')],
        units: new Map([
          ['old', unit('old', FORMER)],
          ['o2', unit('o2', FORMER)],
          ['N1', unit('N1', CURRENT)],
          ['N2', unit('N2', CURRENT)],
        ]),
      }),
    );
    expect(r.rows.map((x) => [x.unitId, x.percent, x.rank])).toEqual([
      ['N2', 80, 1],
      ['N1', 60, 2],
    ]);
  });

  it('averages a unit that absorbed others with its own published percent; an unchanged unit keeps its own', () => {
    const r = deriveRanking(
      input({
        figures: new Map([
          ['KHCN', fig(90)],
          ['TTTT', fig(70)],
          ['YT', fig(75)],
        ]),
        links: [link('KHCN', 'TTTT', '2025-03-01')],
        units: new Map([
          ['KHCN', unit('KHCN', { activeFrom: null, activeTo: null })],
          ['TTTT', unit('TTTT', { activeFrom: null, activeTo: '2025-02-28' })],
          ['YT', unit('YT', { activeFrom: null, activeTo: null })],
        ]),
      }),
    );
    expect(r.rows.map((x) => [x.unitId, x.percent, x.ownResult])).toEqual([
      ['KHCN', 80, true],
      ['YT', 75, true],
    ]);
    expect(byId(r, 'KHCN').predecessors.map((p) => p.unitId)).toEqual(['KHCN', 'TTTT']);
  });

  it('leaves out a lineage row dated after the viewer’s date and units that no longer exist without successor', () => {
    const r = deriveRanking(
      input({
        figures: new Map([
          ['gone', fig(50)],
          ['a', fig(70)],
        ]),
        links: [link('X', 'a', '2027-01-01')],
        units: new Map([
          ['gone', unit('gone', FORMER)],
          ['a', unit('a', { activeFrom: null, activeTo: '2026-12-31' })],
          ['X', unit('X', { activeFrom: '2027-01-01', activeTo: null })],
        ]),
      }),
    );
    expect(r.rows.map((x) => x.unitId)).toEqual(['a']);
  });
});
