// A data source as the API shows it: everything but the token (only whether one is set), with the owner
// and campaign names and the latest run's outcome.
import { type PeriodKind, type ProfileCode, type SourceSchedule } from '../../core/data-sources/index.ts';
import type { DataSourceRunRow, SourceWithOwner } from '../../db/queries/data-sources.ts';
import type { StoredFieldMapping } from '../../db/schema/data-sources.ts';

export type RunStatus = 'queued' | 'running' | 'ok' | 'partial' | 'failed';

export function presentRun(r: DataSourceRunRow) {
  return {
    id: r.id,
    sourceId: r.sourceId,
    campaignId: r.campaignId,
    period: r.period,
    trigger: r.trigger as 'manual' | 'schedule',
    status: r.status as RunStatus,
    urls: r.urls,
    fetchedAt: r.fetchedAt?.toISOString() ?? null,
    responseSha256: r.responseSha256,
    responseBytes: r.responseBytes,
    attempts: r.attempts,
    reason: r.reasonCode ? { code: r.reasonCode, params: r.reasonParams ?? {} } : null,
    problems: r.problems ?? [],
    counts: r.counts,
    createdAt: r.createdAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}

export function presentSource(row: SourceWithOwner, lastRun: DataSourceRunRow | null) {
  const s = row.source;
  return {
    id: s.id,
    ownerUnitId: s.ownerUnitId,
    ownerName: row.ownerName,
    name: s.name,
    owningSystem: s.owningSystem,
    profile: s.profile as ProfileCode,
    method: s.method as 'GET' | 'POST',
    urlTemplate: s.urlTemplate,
    bodyTemplate: s.bodyTemplate,
    authHeader: s.authHeader,
    hasToken: s.authTokenEncrypted !== null,
    schedule: s.schedule as SourceSchedule,
    periodKind: s.periodKind as PeriodKind,
    format: s.format as 'json' | 'csv',
    recordsPath: s.recordsPath,
    unitIdField: s.unitIdField,
    unitNameField: s.unitNameField,
    matchByCode: s.matchByCode,
    unitMapping: s.unitMapping,
    fieldMapping: s.fieldMapping as StoredFieldMapping[],
    campaignId: s.campaignId,
    campaignName: row.campaignName,
    active: s.active,
    version: s.version,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
    lastRun: lastRun ? presentRun(lastRun) : null,
  };
}
