// The campaign's ranking rules as the results engine takes them (docs/results-rules.md §6): bands, the key
// ('points' — 000 Điều 9.1 "tổng số điểm" — or 'percent') and the optional tie-break by node codes.
// Ranking is always within one group; a tie-break code the group's index set lacks separates nobody there.
import type { CampaignRules } from './types.ts';

export const RANK_BY_LABELS = {
  points: 'Tổng điểm đạt được',
  percent: 'Tỷ lệ phần trăm so với tổng điểm tối đa áp dụng',
} as const;

export function rankingOptions(rules: Pick<CampaignRules, 'bands' | 'rankBy' | 'tieBreak'>) {
  return { bands: rules.bands, rankBy: rules.rankBy ?? 'percent', tieBreak: rules.tieBreak ?? [] } as const;
}

/** The methodology sentence shown with published results. */
export function describeRanking(rules: Pick<CampaignRules, 'rankBy' | 'tieBreak'>): string {
  const by =
    rules.rankBy === 'points'
      ? 'tổng điểm đạt được'
      : 'tỷ lệ phần trăm điểm đạt được so với tổng điểm tối đa áp dụng của đơn vị';
  const tie =
    rules.tieBreak && rules.tieBreak.length > 0
      ? `; bằng nhau thì so điểm thẩm định lần lượt các chỉ số ${rules.tieBreak.join(', ')}, vẫn bằng nhau thì cùng hạng`
      : '; bằng nhau thì cùng hạng';
  return `Xếp hạng trong từng nhóm theo ${by}, từ cao xuống thấp${tie}.`;
}
