// What the API shows of an index-set version (FrameworkSummary in docs/api-contract-v1.md): its header,
// counts, the unit that issued it and what the caller may do with it (from the policy). The campaigns
// that keep a version from being archived are named to those who may write the set (they are the ones
// who need to know why "archive" is not offered); other readers do not learn of them here.
import type { FrameworkStatus } from '../../core/framework/index.ts';
import { type Actor, canIssueFrameworkFor, frameworkAbilities } from '../../core/policy/index.ts';
import { type FrameworkContext, frameworkRefOf } from '../../db/queries/framework-context.ts';
import type { FrameworkHeaderRow, FrameworkRow } from '../../db/queries/frameworks.ts';

export function presentFramework(row: (FrameworkHeaderRow | FrameworkRow) & FrameworkContext, actor: Actor) {
  const def = row.definition;
  const ref = frameworkRefOf(row);
  const a = frameworkAbilities(actor, ref);
  const writer = canIssueFrameworkFor(actor, ref.owner);
  return {
    id: row.id,
    code: row.code,
    version: row.version,
    name: row.name,
    status: row.status as FrameworkStatus,
    decision: { number: def.decision.number, date: def.decision.date ?? null, issuer: def.decision.issuer },
    appliesTo: { unitTypes: def.appliesTo.unitTypes as string[], groupName: def.appliesTo.groupName ?? null },
    illustrative: row.illustrative,
    ownerUnit: { id: row.owner.id, code: row.owner.code, name: row.owner.name },
    inUseBy: writer ? row.openCampaigns : [],
    declared: {
      mainIndicators: def.declared?.mainIndicators ?? null,
      subIndicators: def.declared?.subIndicators ?? null,
      totalPoints: def.declared?.totalPoints ?? null,
    },
    totalPoints: row.totalPoints,
    mainIndicators: row.mainIndicators,
    subIndicators: row.subIndicators,
    leafCount: row.leafCount,
    basedOnId: row.basedOnId,
    rowVersion: row.rowVersion,
    createdAt: row.createdAt.toISOString(),
    publishedAt: row.publishedAt ? row.publishedAt.toISOString() : null,
    archivedAt: row.archivedAt ? row.archivedAt.toISOString() : null,
    abilities: {
      update: a.update,
      publish: a.publish,
      archive: a.archive,
      createVersion: a.createVersion,
      delete: a.delete,
      confirmMapping: a.confirmMapping,
    },
  };
}

export type FrameworkSummaryView = ReturnType<typeof presentFramework>;
