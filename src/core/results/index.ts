// Public API of the pure results engine: per-unit results (totals, exact percent, band), ranking
// within a group, district and merger aggregates, year-over-year comparison and gap analysis.
// Rules and their citations: docs/results-rules.md. Import from here, not from the inner files.
export type * from './types.ts';
export {
  exactPercent,
  percentValue,
  comparePercent,
  percentAtLeast,
  percentHundredths,
  displayPercent,
  pointsForPercent,
  type ExactPercent,
} from './exact.ts';
export { sortBands, lowestBand, classifyPercent, nextBandUp, bandOrder } from './bands.ts';
export { computeUnitResult } from './unit-result.ts';
export {
  rankGroup,
  bandDistribution,
  type RankBy,
  type RankOptions,
  type RankEntry,
  type RankTier,
  type RankedUnit,
  type RankedGroup,
  type BandCount,
  type BandDistribution,
} from './ranking.ts';
export {
  summarisePercents,
  summariseDistrict,
  compareMerged,
  type PercentSummary,
  type DistrictSummary,
  type MergedComparison,
} from './aggregates.ts';
export {
  compareYears,
  compareWithPredecessors,
  indicatorComparability,
  pairsFromProposal,
  identityPairs,
  type CodePair,
  type YearSnapshot,
  type YearComparison,
  type UnitComparison,
  type IndicatorComparison,
} from './compare-years.ts';
export {
  overallComparability,
  rankComparability,
  ownStanding,
  publishedStanding,
  derivedStanding,
  type Comparability,
  type ComparabilityParams,
  type IndexSetLink,
  type NotComparableReason,
  type YearSide,
  type YearStanding,
} from './comparability.ts';
export {
  gapAnalysis,
  whatIf,
  type GapAnalysis,
  type BandTarget,
  type AvailableItem,
  type ItemChanges,
  type WhatIfContext,
  type WhatIf,
} from './gap.ts';
export {
  NO_SCORE_H,
  computeUnitResultFromLeaves,
  indicatorSummaries,
  plainResult,
  type IndicatorSummary,
  compileDefinition,
  type CompiledDefinition,
  type LeafHundredths,
} from './arithmetic.ts';
export { sheetLeafCodes } from './compiled.ts';
export { resultFigures } from './result-figures.ts';
export { leafScoresOf } from './leaves.ts';
export { type ItemRow, itemRowOf, itemScoresFromRows } from './item-rows.ts';
export {
  DEFAULT_PREDECESSOR_METHOD,
  derivePercentFromPredecessors,
  predecessorMethodLabel,
  type DerivedPercent,
  type DerivedPredecessor,
  type LineageLink,
  type PredecessorMethod,
} from './lineage-average.ts';
export {
  activeOn,
  deriveRanking,
  type DatedLineageLink,
  type DerivedRankRow,
  type DerivedRanking,
  type LineageUnit,
  type PublishedFigure,
} from './derived-ranking.ts';
export {
  SNAPSHOT_FORMAT,
  readSnapshotPayload,
  snapshotPayloadSchema,
  upgradeSnapshotPayload,
  type MainIndicatorRow,
  type PayloadGroup,
  type ProgressFigures,
  type PublishedItemRow,
  type PublishedStatus,
  type ResultRow,
  type SnapshotPayload,
  type StoredResultRow,
  type StoredSnapshotPayload,
} from './snapshot-payload.ts';
export { publishedUnitResult } from './published-result.ts';
export {
  compareProgress,
  completionOf,
  unclassified,
  type Completion,
  type ProgressComparison,
  type ReportedFigures,
} from './progress-report.ts';
export * from './ties.ts';
export * from './published-parts.ts';
export { selfTotalOf, type SelfItem, type SelfTotal } from './self-total.ts';
export * from './scale.ts';
