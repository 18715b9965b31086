// English sentences of the comparability rule (src/core/results/comparability.ts); Vietnamese in
// vi-comparison.ts.
export const enComparison = {
  'cmp.notComparable': 'Not comparable',
  'cmp.rankNotComparable': 'Rank not comparable',
  'cmp.side.current': 'this campaign',
  'cmp.side.previous': 'the previous campaign',
  'cmp.reason.progress_round': '{side} is a progress round, never ranked',
  'cmp.reason.no_result': '{side} has no result for the unit (nor for its predecessors)',
  'cmp.reason.not_submitted': 'the unit did not submit its self-assessment in {side}',
  'cmp.reason.not_rankable': "the unit's result in {side} is not rankable",
  'cmp.reason.different_index_set': 'the two campaigns use different index sets with no confirmed mapping',
  'cmp.reason.no_mapping': 'the main indicator is not in the mapping',
  'cmp.reason.ambiguous_mapping': 'several old indicators map onto this one; they are not combined automatically',
  'cmp.reason.missing_in_previous': 'no figure for this indicator in the previous campaign',
  'cmp.reason.no_applicable_max': 'this indicator did not apply in the previous campaign',
  'cmp.reason.from_predecessors':
    'the previous figure is derived from predecessor units: only the overall percent compares',
  'cmp.reason.not_ranked': 'the unit has no rank in {side}',
  'cmp.reason.index_set_changed': 'the two campaigns use two versions of the index set; ranks do not compare',
  'cmp.reason.different_group':
    'the ranking groups hold different units ({currentUnits} units now, {previousUnits} units before)',
  'cmp.units': '{n} units',
  'cmp.vsLastYear': 'Compared with {name}: {delta} percentage points',
  'cmp.rankMove': 'rank {rank}',
} as const;
