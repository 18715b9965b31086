// What the public portal shows of a snapshot: whitelisted fields only (results, ranks, bands, main
// indicators, the published rules and index set). Nothing here reads a review, a comment or evidence —
// the snapshot holds none — and every object is built field by field so a future payload field never
// leaks by accident.
import type { CampaignRules } from '../../core/campaign/index.ts';
import { DEFAULT_RESULT_SCALE } from '../../core/results/scale.ts';
import { formatMethodNotation } from '../../core/framework/notation/index.ts';
import type { FrameworkNode } from '../../core/framework/types.ts';
import type { PublishedMeta } from './public-snapshots.ts';
import type { GroupView, SnapshotView } from './snapshot-view.ts';
import { PROGRESS_REPORT_RULE_VI, classificationOf, describeRanking } from '../../core/campaign/index.ts';
import type {
  GroupResults,
  MethodNode,
  Methodology,
  PublicCampaignSummary,
  PublicRules,
} from '../../contract/public.ts';

// Typed with the contract's answers (src/contract/public.ts) so a drift between what is sent and what the
// portal reads fails typecheck; the routes serialise these objects themselves (cached bytes).
export function campaignSummary(view: SnapshotView, meta: PublishedMeta): PublicCampaignSummary {
  const c = view.payload.campaign;
  return {
    id: c.id,
    name: c.name,
    year: c.year,
    kind: c.kind,
    publishedAs: classificationOf(c.kind).publishedAs,
    owner: { code: c.owner.code, name: c.owner.name },
    publishedAt: view.payload.publishedAt,
    snapshotVersion: meta.version,
    digest: meta.digest,
    groups: view.groups.map((g) => ({ id: g.group.id, name: g.group.name, unitCount: g.units.length })),
  };
}

export function publicRules(view: SnapshotView): PublicRules {
  const r = view.payload.rules;
  const cls = classificationOf(view.payload.campaign.kind);
  return {
    publishedAs: cls.publishedAs,
    bands: r.bands.map((b) => ({ code: b.code, label: b.label, minPercent: b.minPercent })),
    lateSubmission: r.lateSubmission,
    nonSubmission: r.nonSubmission,
    notApplicable: r.notApplicable,
    rankBy: r.rankBy ?? 'percent',
    tieBreak: r.tieBreak ?? [],
    resultScale: r.resultScale ?? DEFAULT_RESULT_SCALE,
    ranking: cls.ranked ? describeRanking(r) : PROGRESS_REPORT_RULE_VI,
    ...(r.citations ? { citations: r.citations } : {}),
    ...(r.notes ? { notes: r.notes } : {}),
  };
}

/**
 * One group's published results. A progress round (ranking-applies.ts) is a progress report: no rank, no
 * band, no band distribution, no penalty — even in a snapshot published before the rule was enforced —
 * and each unit's completion with the previous round and the annual result.
 */
export function groupResults(g: GroupView, kind: string, rules: Pick<CampaignRules, 'resultScale'>): GroupResults {
  const cls = classificationOf(kind);
  const d = cls.classified ? g.group.distribution : null;
  return {
    publishedAs: cls.publishedAs,
    group: {
      id: g.group.id,
      name: g.group.name,
      frameworkCode: g.group.frameworkCode,
      frameworkVersion: g.group.frameworkVersion,
    },
    resultScale: rules.resultScale ?? DEFAULT_RESULT_SCALE,
    items: g.units.map((u) => ({
      rank: cls.ranked ? u.rank : null,
      unit: { id: u.unit.id, code: u.unit.code, name: u.unit.name },
      selfTotal: u.selfTotal,
      finalTotal: u.finalTotal,
      penaltyPoints: cls.latePenalised ? u.penaltyPoints : 0,
      timing: u.timing,
      daysLate: u.daysLate ?? null,
      applicableMax: u.applicableMax,
      percent: u.percent,
      band: cls.classified && u.band ? { code: u.band.code, label: u.band.label } : null,
      rankable: cls.ranked && u.rankable,
      lowestBandReason: cls.classified ? u.lowestBandReason : null,
      ...(u.progress ? { progress: u.progress } : {}),
      mainIndicators: u.mainIndicators.map((m) => ({
        code: m.code,
        title: m.title,
        final: m.final,
        max: m.max,
        applicableMax: m.applicableMax,
        percent: m.percent,
      })),
    })),
    distribution: d ? d.bands.map((b) => ({ band: { code: b.code, label: b.label }, count: b.count })) : [],
    notRankable: d ? d.notRankable : 0,
    total: d ? d.total : g.units.length,
    averages: g.averages,
  };
}

function methodologyNode(n: FrameworkNode): MethodNode {
  return {
    code: n.code,
    title: n.title,
    maxPoints: n.maxPoints,
    ...(n.method ? { method: n.method, notation: formatMethodNotation(n.method) } : {}),
    ...(n.guidance ? { guidance: n.guidance } : {}),
    ...(n.evidence ? { requiredDocuments: n.evidence } : {}),
    ...(n.automaticSource ? { automaticSource: n.automaticSource } : {}),
    ...(n.children ? { children: n.children.map(methodologyNode) } : {}),
  };
}

export function methodology(view: SnapshotView): Methodology {
  return {
    campaign: { id: view.payload.campaign.id, name: view.payload.campaign.name, year: view.payload.campaign.year },
    rules: publicRules(view),
    groups: view.groups.map((g) => ({
      id: g.group.id,
      name: g.group.name,
      framework: {
        code: g.group.framework.code,
        name: g.group.framework.name,
        version: g.group.frameworkVersion,
        decision: g.group.framework.decision ?? null,
        maxPoints: g.group.framework.nodes.reduce((s, n) => s + n.maxPoints, 0),
        nodes: g.group.framework.nodes.map(methodologyNode),
      },
      reportingPeriod: g.group.reportingPeriod ?? null,
      notApplicable: g.group.notApplicable.map((n) => ({
        code: n.code,
        reason: n.reason,
        replacementCode: n.replacementCode,
      })),
      appraiser: g.group.appraiser === 'council' || g.group.appraiser === 'parent_unit' ? g.group.appraiser : null,
      // Older payloads name no authority: the campaign owner approved and published them.
      authorities: [
        ...new Set(
          view.payload.approvals
            .filter((a) => a.groupId === g.group.id)
            .map((a) => a.authorityName ?? view.payload.campaign.owner.name),
        ),
      ],
    })),
  };
}
