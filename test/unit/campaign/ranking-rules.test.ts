// Issue 13 §4: ranking by total points or by percent, and the tie-break, are campaign rules (000 Điều
// 9.1: "Việc xếp hạng … được tính trên cơ sở tổng số điểm của các chỉ số và xác định theo thứ tự từ cao
// xuống thấp"; 004 II.2.a "theo thứ tự từ cao đến thấp"). The 2878 preset names what its 9.1 says.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { campaignDefaultsFromPreset, describeRanking, rankingOptions } from '../../../src/core/campaign/index.ts';
import { parseFrameworkDocument } from '../../../src/core/framework/index.ts';
import type { FrameworkDefinition } from '../../../src/core/framework/types.ts';
import { rankGroup, type RankEntry } from '../../../src/core/results/index.ts';
import { DEFAULT_BANDS } from '../../../src/core/campaign/index.ts';

const DIR = resolve(import.meta.dirname, '../../../frameworks');
const preset = (prefix: string) =>
  readdirSync(DIR)
    .filter((f) => f.startsWith(prefix))
    .map((f) => parse(readFileSync(join(DIR, f), 'utf8')) as FrameworkDefinition);

describe('the 2878 presets name what Điều 9.1 says', () => {
  it('every 2878 index set ranks by total points, cites 9.1 and names no tie-break', () => {
    const sets = preset('ha-tinh-2878-2023-');
    expect(sets).toHaveLength(3);
    for (const def of sets) {
      expect(def.rules?.rankBy).toBe('points');
      expect(def.rules?.tieBreak ?? []).toEqual([]);
      expect(def.rules?.citations?.some((c) => c.startsWith('Điều 9.1'))).toBe(true);
      expect(parseFrameworkDocument(def).ok).toBe(true);
    }
  });

  it('a campaign created from the 2878 commune preset takes rankBy points', () => {
    const [xa] = preset('ha-tinh-2878-2023-xa');
    expect(campaignDefaultsFromPreset(xa!.rules, 2026).rules).toMatchObject({ rankBy: 'points', tieBreak: [] });
  });

  it('a preset that says nothing keeps the percent default', () => {
    expect(campaignDefaultsFromPreset(undefined, 2026).rules).toMatchObject({ rankBy: 'percent', tieBreak: [] });
  });
});

describe("the campaign's choice reaches the ranking", () => {
  // Two communes: A 80/100 points; B 76/80 after the council declared a 20-point item N/A (000 Điều 8.4.b).
  const unit = (unitId: string, final: number, max: number, main: number): RankEntry => ({
    unitId,
    result: {
      finalAfterPenalty: final,
      applicableMax: max,
      percent: { numerator: final * 100, denominator: max * 100 },
      status: 'ranked',
      band: null,
      nodes: { '2': { final: main } },
    } as unknown as RankEntry['result'],
  });

  it('by points (the letter of 9.1) A is first; by percent (95 % against 80 %) B is first', () => {
    const group = [unit('A', 80, 100, 10), unit('B', 76, 80, 10)];
    const order = (rankBy: 'points' | 'percent') =>
      rankGroup(group, rankingOptions({ bands: DEFAULT_BANDS, rankBy })).units.map((u) => u.unitId);
    expect(order('points')).toEqual(['A', 'B']);
    expect(order('percent')).toEqual(['B', 'A']);
  });

  it('rules from before this choice existed rank by percent, with no tie-break', () => {
    expect(rankingOptions({ bands: DEFAULT_BANDS })).toMatchObject({ rankBy: 'percent', tieBreak: [] });
  });

  it('the published methodology says it in one sentence', () => {
    expect(describeRanking({ rankBy: 'points' })).toBe(
      'Xếp hạng trong từng nhóm theo tổng điểm đạt được, từ cao xuống thấp; bằng nhau thì cùng hạng.',
    );
    expect(describeRanking({ rankBy: 'percent', tieBreak: ['2', '3'] })).toBe(
      'Xếp hạng trong từng nhóm theo tỷ lệ phần trăm điểm đạt được so với tổng điểm tối đa áp dụng của đơn vị, từ cao xuống thấp; bằng nhau thì so điểm thẩm định lần lượt các chỉ số 2, 3, vẫn bằng nhau thì cùng hạng.',
    );
  });
});
