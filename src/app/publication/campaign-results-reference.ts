// The per-item path of the results: a unit's ScoredAssessment (item rows as maps) through
// computeUnitResult, which carries replacement indicators and keeps every raw score. Used for the units
// whose score sheet cannot be read as it stands (campaign-results-fast.ts), and for a whole campaign
// when a group-wide N/A decision names a replacement.
import { missingFinals } from '../../core/appraisal/index.ts';
import { type CampaignRules, judgeSubmission } from '../../core/campaign/index.ts';
import { type ItemScoreInput, type TimingInput, computeUnitResult } from '../../core/results/index.ts';
import type { Db } from '../../db/client.ts';
import { type ScoredAssessment, loadCampaignScores } from '../../db/queries/campaign-scores.ts';
import type { GroupWithFramework } from '../../db/queries/campaigns.ts';
import type { IndexedDefinition } from '../../db/queries/framework-definitions.ts';
import type { LoadedEntries, ResultEntry } from './campaign-results-fast.ts';

export function timingOf(a: Pick<ScoredAssessment, 'status' | 'submittedAt' | 'lowestBand' | 'daysLate' | 'penaltyPoints'>, rules: CampaignRules, deadline: string): TimingInput {
  if (a.status !== 'submitted' || !a.submittedAt) return judgeSubmission(rules, deadline, null);
  if (a.lowestBand) return { kind: 'late_beyond_tolerance', penaltyPoints: 0, lowestBand: true };
  const late = a.daysLate ?? 0;
  if (late === 0) return { kind: 'on_time', penaltyPoints: 0, lowestBand: false };
  if (late <= rules.lateSubmission.toleranceDays) return { kind: 'late', penaltyPoints: a.penaltyPoints ?? 0, lowestBand: false };
  return { kind: 'late_beyond_tolerance', penaltyPoints: 0, lowestBand: false };
}

export type GroupNa = { groupId: string; code: string; reason: string; replacementCode: string | null };

export function itemScoresOf(a: ScoredAssessment, def: IndexedDefinition, groupNa: readonly GroupNa[]): Record<string, ItemScoreInput> {
  const scores: Record<string, ItemScoreInput> = {};
  const na = new Map(groupNa.filter((n) => n.groupId === a.groupId).map((n) => [n.code, n]));
  for (const code of def.leaves.keys()) {
    const r = a.reviews.get(code);
    const g = na.get(code);
    const notApplicable = Boolean(r?.notApplicable) || g !== undefined;
    const replacementCode = (r?.notApplicable ? r.replacementCode : null) ?? g?.replacementCode ?? null;
    scores[code] = { final: notApplicable ? null : (r?.final ?? null), self: a.self.get(code) ?? null, notApplicable, ...(replacementCode ? { replacementCode } : {}) };
    // The council-added indicator scoring in this item's place: its score is kept on the N/A item's review.
    if (notApplicable && replacementCode) scores[replacementCode] = { final: r?.final ?? null, self: null, notApplicable: false };
  }
  return scores;
}

/** Submitted units × items without a decision (final score, or N/A without a replacement to score). */
export function missingOf(assessments: readonly ScoredAssessment[], defs: Map<string, IndexedDefinition>, groupNa: readonly GroupNa[]) {
  return missingFinals(
    assessments
      .filter((a) => a.status === 'submitted')
      .map((a) => {
        const def = defs.get(a.groupId)!;
        const scores = itemScoresOf(a, def, groupNa);
        const decided = new Set([...def.leaves.keys()].filter((code) => {
          const s = scores[code]!;
          return s.notApplicable ? !s.replacementCode || scores[s.replacementCode]?.final !== null : s.final !== null;
        }));
        return { id: a.id, unitName: a.unit.name, leafCodes: [...def.leaves.keys()], decided };
      }),
  );
}

/** One unit through the per-item engine. */
export function referenceEntry(a: ScoredAssessment, def: IndexedDefinition, groupNa: readonly GroupNa[], rules: CampaignRules, deadline: string): ResultEntry {
  const itemScores = itemScoresOf(a, def, groupNa);
  const items = () =>
    [...def.leaves.keys()].map((code) => {
      const s = itemScores[code]!;
      return { code, self: s.self, final: s.notApplicable && s.replacementCode ? (itemScores[s.replacementCode]?.final ?? null) : s.final, notApplicable: s.notApplicable, replacementCode: s.replacementCode ?? null };
    });
  return { unitId: a.unit.id, assessment: a, result: computeUnitResult({ definition: def.definition, itemScores, timing: timingOf(a, rules, deadline), rules }), items };
}

/** The per-item path (any campaign, replacement indicators included): ScoredAssessment maps and computeUnitResult. */
export async function loadReferenceEntries(db: Db, campaign: { id: string; rules: CampaignRules }, groups: readonly GroupWithFramework[], defs: Map<string, IndexedDefinition>): Promise<LoadedEntries> {
  const { assessments, groupNotApplicable } = await loadCampaignScores(db, campaign.id);
  const rules = campaign.rules;
  const perGroup = new Map<string, ResultEntry[]>();
  for (const g of groups) {
    const def = defs.get(g.id)!;
    perGroup.set(
      g.id,
      assessments.filter((a) => a.groupId === g.id).map((a) => referenceEntry(a, def, groupNotApplicable, rules, g.deadlineSelfAssessment)),
    );
  }
  return { perGroup, missing: missingOf(assessments, defs, groupNotApplicable), groupNotApplicable };
}

