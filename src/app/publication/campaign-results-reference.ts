// The per-item path of the results: a unit's ScoredAssessment (item rows as maps) → its item rows
// (itemRowOf) → the engine's item scores (itemScoresFromRows) → computeUnitResult, the thin adapter over
// the one arithmetic that also carries replacement indicators and raw scores. Used for the units whose
// score sheet cannot be read as it stands (campaign-results-fast.ts, which imports this file, never the
// reverse), and for a whole campaign when a group-wide N/A decision names a replacement.
import { missingFinals } from '../../core/appraisal/index.ts';
import { type CampaignRules, judgeSubmission, timingUnderKind } from '../../core/campaign/index.ts';
import {
  type ItemRow,
  type ItemScoreInput,
  type TimingInput,
  type UnitResult,
  computeUnitResult,
  itemRowOf,
  itemScoresFromRows,
} from '../../core/results/index.ts';
import type { Db } from '../../db/client.ts';
import { type ScoredAssessment, loadCampaignScores } from '../../db/queries/campaign-scores.ts';
import type { GroupWithFramework } from '../../db/queries/campaigns.ts';
import type { IndexedDefinition } from '../../db/queries/framework-definitions.ts';

export type { ItemRow };

export interface ResultEntry {
  unitId: string;
  assessment: Pick<ScoredAssessment, 'id' | 'unit' | 'status' | 'daysLate'>;
  result: UnitResult;
  items: () => ItemRow[];
}

export interface LoadedEntries {
  perGroup: Map<string, ResultEntry[]>;
  /** Submitted units × items without a decision, in the order missingFinals gives them. */
  missing: { assessmentId: string; unitName: string; code: string }[];
  groupNotApplicable: GroupNa[];
}

/** The campaign a result is computed for: its kind decides whether lateness has consequences (ranking-applies.ts). */
export type ResultCampaign = { id: string; kind: string; rules: CampaignRules };

/** A unit's timing as the result takes it: the stored lateness, without consequence in a progress round. */
export function timingOf(
  a: Pick<ScoredAssessment, 'status' | 'submittedAt' | 'lowestBand' | 'daysLate' | 'penaltyPoints'>,
  campaign: Pick<ResultCampaign, 'kind' | 'rules'>,
  deadline: string,
): TimingInput {
  return timingUnderKind(campaign.kind, storedTiming(a, campaign.rules, deadline));
}

function storedTiming(
  a: Pick<ScoredAssessment, 'status' | 'submittedAt' | 'lowestBand' | 'daysLate' | 'penaltyPoints'>,
  rules: CampaignRules,
  deadline: string,
): TimingInput {
  if (a.status !== 'submitted' || !a.submittedAt) return judgeSubmission(rules, deadline, null);
  if (a.lowestBand) return { kind: 'late_beyond_tolerance', penaltyPoints: 0, lowestBand: true };
  const late = a.daysLate ?? 0;
  if (late === 0) return { kind: 'on_time', penaltyPoints: 0, lowestBand: false };
  if (late <= rules.lateSubmission.toleranceDays)
    return { kind: 'late', penaltyPoints: a.penaltyPoints ?? 0, lowestBand: false };
  return { kind: 'late_beyond_tolerance', penaltyPoints: 0, lowestBand: false };
}

export type GroupNa = { groupId: string; code: string; reason: string; replacementCode: string | null };

/** A unit's item rows in the set's order (its reviews, self scores and the group's N/A decisions). */
export function itemRowsOf(a: ScoredAssessment, def: IndexedDefinition, groupNa: readonly GroupNa[]): ItemRow[] {
  const na = new Map(groupNa.filter((n) => n.groupId === a.groupId).map((n) => [n.code, n]));
  return [...def.leaves.keys()].map((code) =>
    itemRowOf(code, a.self.get(code) ?? null, a.reviews.get(code), na.get(code)),
  );
}

export function itemScoresOf(
  a: ScoredAssessment,
  def: IndexedDefinition,
  groupNa: readonly GroupNa[],
): Record<string, ItemScoreInput> {
  return itemScoresFromRows(itemRowsOf(a, def, groupNa));
}

/** Submitted units × items without a decision (final score, or N/A without a replacement to score). */
export function missingOf(
  assessments: readonly ScoredAssessment[],
  defs: Map<string, IndexedDefinition>,
  groupNa: readonly GroupNa[],
) {
  return missingFinals(
    assessments
      .filter((a) => a.status === 'submitted')
      .map((a) => {
        const def = defs.get(a.groupId)!;
        const scores = itemScoresOf(a, def, groupNa);
        const decided = new Set(
          [...def.leaves.keys()].filter((code) => {
            const s = scores[code]!;
            return s.notApplicable ? !s.replacementCode || scores[s.replacementCode]?.final !== null : s.final !== null;
          }),
        );
        return { id: a.id, unitName: a.unit.name, leafCodes: [...def.leaves.keys()], decided };
      }),
  );
}

/** One unit through the per-item engine. */
export function referenceEntry(o: {
  assessment: ScoredAssessment;
  def: IndexedDefinition;
  groupNa: readonly GroupNa[];
  campaign: Pick<ResultCampaign, 'kind' | 'rules'>;
  deadline: string;
}): ResultEntry {
  const { assessment: a, def, groupNa, campaign, deadline } = o;
  const rows = itemRowsOf(a, def, groupNa);
  const itemScores = itemScoresFromRows(rows);
  return {
    unitId: a.unit.id,
    assessment: a,
    result: computeUnitResult({
      definition: def.definition,
      itemScores,
      timing: timingOf(a, campaign, deadline),
      rules: campaign.rules,
    }),
    items: () => rows,
  };
}

/** The per-item path (any campaign, replacement indicators included): ScoredAssessment maps and computeUnitResult. */
export async function loadReferenceEntries(
  db: Db,
  o: { campaign: ResultCampaign; groups: readonly GroupWithFramework[]; defs: Map<string, IndexedDefinition> },
): Promise<LoadedEntries> {
  const { campaign, groups, defs } = o;
  const { assessments, groupNotApplicable } = await loadCampaignScores(db, campaign.id);
  const perGroup = new Map<string, ResultEntry[]>();
  for (const g of groups) {
    const def = defs.get(g.id)!;
    perGroup.set(
      g.id,
      assessments
        .filter((a) => a.groupId === g.id)
        .map((a) =>
          referenceEntry({
            assessment: a,
            def,
            groupNa: groupNotApplicable,
            campaign,
            deadline: g.deadlineSelfAssessment,
          }),
        ),
    );
  }
  return { perGroup, missing: missingOf(assessments, defs, groupNotApplicable), groupNotApplicable };
}
