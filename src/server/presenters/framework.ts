// What the API shows of an index-set version (FrameworkSummary in docs/api-contract-v1.md): its header,
// counts and what the caller may do with it (from the policy).
import type { FrameworkStatus } from '../../core/framework/index.ts';
import { type Actor, frameworkAbilities } from '../../core/policy/index.ts';
import type { FrameworkHeaderRow, FrameworkRow } from '../../db/queries/frameworks.ts';

export function presentFramework(row: FrameworkHeaderRow | FrameworkRow, actor: Actor) {
  const def = row.definition;
  const a = frameworkAbilities(actor, { status: row.status as FrameworkStatus });
  return {
    id: row.id,
    code: row.code,
    version: row.version,
    name: row.name,
    status: row.status as FrameworkStatus,
    decision: { number: def.decision.number, date: def.decision.date ?? null, issuer: def.decision.issuer },
    appliesTo: { unitTypes: def.appliesTo.unitTypes as string[], groupName: def.appliesTo.groupName ?? null },
    illustrative: row.illustrative,
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
    abilities: { update: a.update, publish: a.publish, archive: a.archive, createVersion: a.createVersion, delete: a.delete },
  };
}

export type FrameworkSummaryView = ReturnType<typeof presentFramework>;
