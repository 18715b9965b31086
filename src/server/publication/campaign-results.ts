// A campaign's results with the one results engine (src/core/results): per unit computeUnitResult over
// the council's final scores (N/A per unit and per group, replacements), the timing from each
// assessment's stored lateness (or, never submitted, judgeSubmission's non-submission rule); per group
// rankGroup. Used by GET /campaigns/{id}/results, closing checks and the publication snapshot.
import { missingFinals } from '../../core/appraisal/index.ts';
import { type CampaignRules, judgeSubmission } from '../../core/campaign/index.ts';
import { type ItemScoreInput, type TimingInput, computeUnitResult, displayPercent, rankGroup } from '../../core/results/index.ts';
import type { Db } from '../../db/client.ts';
import { type ScoredAssessment, loadCampaignScores } from '../../db/queries/campaign-scores.ts';
import { type GroupWithFramework, loadCampaignGroups } from '../../db/queries/campaigns.ts';
import { type IndexedDefinition, loadDefinition } from '../../db/queries/framework-definitions.ts';
import { type LoadedEntries, type ResultEntry, loadFastEntries } from './campaign-results-fast.ts';

export function timingOf(a: Pick<ScoredAssessment, 'status' | 'submittedAt' | 'lowestBand' | 'daysLate' | 'penaltyPoints'>, rules: CampaignRules, deadline: string): TimingInput {
  if (a.status !== 'submitted' || !a.submittedAt) return judgeSubmission(rules, deadline, null);
  if (a.lowestBand) return { kind: 'late_beyond_tolerance', penaltyPoints: 0, lowestBand: true };
  const late = a.daysLate ?? 0;
  if (late === 0) return { kind: 'on_time', penaltyPoints: 0, lowestBand: false };
  if (late <= rules.lateSubmission.toleranceDays) return { kind: 'late', penaltyPoints: a.penaltyPoints ?? 0, lowestBand: false };
  return { kind: 'late_beyond_tolerance', penaltyPoints: 0, lowestBand: false };
}

type GroupNa = { groupId: string; code: string; reason: string; replacementCode: string | null };

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

export async function loadGroupDefinitions(db: Db, groups: readonly GroupWithFramework[]): Promise<Map<string, IndexedDefinition>> {
  const defs = new Map<string, IndexedDefinition>();
  for (const g of groups) defs.set(g.id, (await loadDefinition(db, g.frameworkId))!);
  return defs;
}

/** The per-item path (any campaign, replacement indicators included): ScoredAssessment maps and computeUnitResult. */
async function loadReferenceEntries(db: Db, campaign: { id: string; rules: CampaignRules }, groups: readonly GroupWithFramework[], defs: Map<string, IndexedDefinition>): Promise<LoadedEntries> {
  const { assessments, groupNotApplicable } = await loadCampaignScores(db, campaign.id);
  const rules = campaign.rules;
  const perGroup = new Map<string, ResultEntry[]>();
  for (const g of groups) {
    const def = defs.get(g.id)!;
    perGroup.set(
      g.id,
      assessments
        .filter((a) => a.groupId === g.id)
        .map((a) => {
          const itemScores = itemScoresOf(a, def, groupNotApplicable);
          const items = () =>
            [...def.leaves.keys()].map((code) => {
              const s = itemScores[code]!;
              return { code, self: s.self, final: s.notApplicable && s.replacementCode ? (itemScores[s.replacementCode]?.final ?? null) : s.final, notApplicable: s.notApplicable, replacementCode: s.replacementCode ?? null };
            });
          return { unitId: a.unit.id, assessment: a, result: computeUnitResult({ definition: def.definition, itemScores, timing: timingOf(a, rules, g.deadlineSelfAssessment), rules }), items };
        }),
    );
  }
  return { perGroup, missing: missingOf(assessments, defs, groupNotApplicable), groupNotApplicable };
}

export async function computeCampaignResults(db: Db, campaign: { id: string; rules: CampaignRules }) {
  const groups = (await loadCampaignGroups(db, [campaign.id])).get(campaign.id) ?? [];
  const defs = await loadGroupDefinitions(db, groups);
  const rules = campaign.rules;
  // One row per assessment with typed-array scoring (campaign-results-fast.ts); replacements per item.
  const loaded = (await loadFastEntries(db, campaign, groups, defs, (a, deadline) => timingOf(a, rules, deadline))) ?? (await loadReferenceEntries(db, campaign, groups, defs));
  const { groupNotApplicable } = loaded;
  const out = groups.map((g) => {
    const def = defs.get(g.id)!;
    const entries = loaded.perGroup.get(g.id) ?? [];
    const ranked = rankGroup(entries, { bands: rules.bands });
    const byUnit = new Map(entries.map((e) => [e.unitId, e]));
    return {
      group: g,
      def,
      notApplicable: groupNotApplicable.filter((n) => n.groupId === g.id).map(({ code, reason, replacementCode }) => ({ code, reason, replacementCode })),
      distribution: ranked.distribution,
      units: ranked.units.map((u) => {
        const e = byUnit.get(u.unitId)!;
        const r = u.result;
        return {
          assessmentId: e.assessment.id,
          unit: e.assessment.unit,
          group: { id: g.id, name: g.name },
          submitted: e.assessment.status === 'submitted',
          timing: r.timing.kind,
          selfTotal: r.selfTotal,
          finalTotal: r.finalTotal,
          penaltyPoints: r.penaltyApplied,
          finalAfterPenalty: r.finalAfterPenalty,
          maxPoints: r.maxPoints,
          applicableMax: r.applicableMax,
          percent: displayPercent(r.percent),
          band: r.band ? { code: r.band.code, label: r.band.label } : null,
          bandByScore: r.bandByScore ? { code: r.bandByScore.code, label: r.bandByScore.label } : null,
          rank: u.rank,
          sharedBy: u.sharedBy,
          rankable: u.tier === 'ranked',
          lowestBandReason: r.status === 'forced_lowest_band' ? (r.timing.kind === 'not_submitted' ? 'not_submitted' : 'late_beyond_tolerance') : null,
          notApplicableCodes: r.notApplicableCodes,
          unappraisedCodes: r.unappraisedCodes,
          complete: r.complete,
          // Per main indicator (depth-1 node) for the public group page, radar and trend; penalty-free.
          mainIndicators: r.indicators.map((i) => ({ code: i.code, title: i.title, self: i.self, final: i.final, max: i.max, applicableMax: i.applicableMax, percent: displayPercent(i.percent) })),
          items: e.items(),
        };
      }),
    };
  });
  return { groups: out, missing: loaded.missing };
}

export type CampaignResults = Awaited<ReturnType<typeof computeCampaignResults>>;
