// Reads and writes for data sources and their runs: the sources a DX office reaches (set-based: the owner
// unit within its dx_office grants), a source's row (insert, row lock, update), a run's record (queued,
// running, its outcome) and its per-unit raw values (inserted in chunks), the runs of a source newest first,
// and the identifiers the latest read run could not place.
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { campaigns } from '../schema/campaigns.ts';
import { dataSourceRuns, dataSourceValues, dataSources } from '../schema/data-sources.ts';
import { orgUnits } from '../schema/org.ts';
import { type ScopedActor, unitsReachedCondition } from './org-units.ts';
import { rowsOf } from './assessments.ts';
import { subtreePattern } from './unit-path.ts';

export type DataSourceRow = typeof dataSources.$inferSelect;
export type DataSourceRunRow = typeof dataSourceRuns.$inferSelect;
export type NewDataSource = typeof dataSources.$inferInsert;
export type DataSourceChange = Partial<NewDataSource>;
export type NewDataSourceRun = typeof dataSourceRuns.$inferInsert;
export type DataSourceRunChange = Partial<NewDataSourceRun>;

export interface SourceWithOwner {
  source: DataSourceRow;
  ownerName: string;
  ownerPath: string;
  campaignName: string | null;
}

function reached(actor: ScopedActor) {
  return unitsReachedCondition(actor, ['dx_office']);
}

export async function listReachedSources(db: Db, actor: ScopedActor): Promise<SourceWithOwner[]> {
  const rows = await db
    .select({ source: dataSources, ownerName: orgUnits.name, ownerPath: orgUnits.path, campaignName: campaigns.name })
    .from(dataSources)
    .innerJoin(orgUnits, eq(orgUnits.id, dataSources.ownerUnitId))
    .leftJoin(campaigns, eq(campaigns.id, dataSources.campaignId))
    .where(reached(actor))
    .orderBy(dataSources.name);
  return rows;
}

export async function findReachedSource(db: Db, actor: ScopedActor, id: string): Promise<SourceWithOwner | null> {
  const cond = reached(actor);
  const [row] = await db
    .select({ source: dataSources, ownerName: orgUnits.name, ownerPath: orgUnits.path, campaignName: campaigns.name })
    .from(dataSources)
    .innerJoin(orgUnits, eq(orgUnits.id, dataSources.ownerUnitId))
    .leftJoin(campaigns, eq(campaigns.id, dataSources.campaignId))
    .where(cond ? and(eq(dataSources.id, id), cond) : eq(dataSources.id, id))
    .limit(1);
  return row ?? null;
}

export async function findSource(db: Db, id: string): Promise<SourceWithOwner | null> {
  const [row] = await db
    .select({ source: dataSources, ownerName: orgUnits.name, ownerPath: orgUnits.path, campaignName: campaigns.name })
    .from(dataSources)
    .innerJoin(orgUnits, eq(orgUnits.id, dataSources.ownerUnitId))
    .leftJoin(campaigns, eq(campaigns.id, dataSources.campaignId))
    .where(eq(dataSources.id, id))
    .limit(1);
  return row ?? null;
}

export async function insertSource(db: Db, values: NewDataSource): Promise<DataSourceRow> {
  const [row] = await db.insert(dataSources).values(values).returning();
  return row!;
}

/** Row-locks the source (FOR UPDATE): two changes of one source are serialised on its version. */
export async function lockSource(db: Db, id: string): Promise<void> {
  await db.execute(sql`select id from data_sources where id = ${id} for update`);
}

export async function updateSourceRow(db: Db, id: string, change: DataSourceChange): Promise<void> {
  await db.update(dataSources).set(change).where(eq(dataSources.id, id));
}

/** Which of these unit ids lie under (or are) the owner unit: a unit mapping may place identifiers only there. */
export async function unitIdsUnder(db: Db, ownerPath: string, ids: readonly string[]): Promise<{ id: string }[]> {
  return db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(
      and(
        inArray(orgUnits.id, [...ids]),
        sql`(${orgUnits.path} = ${ownerPath} or ${orgUnits.path} like ${subtreePattern(ownerPath)})`,
      ),
    );
}

/** Codes of every unit under (and including) the owner: the units an identifier may be matched to by code. */
export async function unitCodesUnder(db: Db, ownerPath: string): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: orgUnits.id, code: orgUnits.code })
    .from(orgUnits)
    .where(sql`${orgUnits.path} = ${ownerPath} or ${orgUnits.path} like ${subtreePattern(ownerPath)}`);
  return new Map(rows.map((r) => [r.code, r.id]));
}

export async function findRun(db: Db, id: string): Promise<DataSourceRunRow | null> {
  const [row] = await db.select().from(dataSourceRuns).where(eq(dataSourceRuns.id, id)).limit(1);
  return row ?? null;
}

export async function insertRun(db: Db, values: NewDataSourceRun): Promise<DataSourceRunRow> {
  const [row] = await db.insert(dataSourceRuns).values(values).returning();
  return row!;
}

/** Links a queued run to the job that executes it. */
export async function setRunJob(db: Db, runId: string, jobId: string): Promise<DataSourceRunRow> {
  const [row] = await db.update(dataSourceRuns).set({ jobId }).where(eq(dataSourceRuns.id, runId)).returning();
  return row!;
}

export async function markRunRunning(db: Db, runId: string): Promise<void> {
  await db.update(dataSourceRuns).set({ status: 'running' }).where(eq(dataSourceRuns.id, runId));
}

/** A run's outcome: status, reason, problems, counts, what was fetched, when it finished. */
export async function recordRunOutcome(db: Db, runId: string, change: DataSourceRunChange): Promise<void> {
  await db.update(dataSourceRuns).set(change).where(eq(dataSourceRuns.id, runId));
}

/** Whether the job of this id exists (a scheduled run of this date was already enqueued, here or elsewhere). */
export async function jobExists(db: Db, jobId: string): Promise<boolean> {
  return rowsOf(await db.execute(sql`select 1 from jobs where id = ${jobId}::uuid`)).length > 0;
}

export async function listRunsOf(db: Db, sourceId: string, limit = 50): Promise<DataSourceRunRow[]> {
  return db
    .select()
    .from(dataSourceRuns)
    .where(eq(dataSourceRuns.sourceId, sourceId))
    .orderBy(desc(dataSourceRuns.seq))
    .limit(limit);
}

/** The latest run of each source (for the list page). */
export async function latestRunsOf(db: Db, sourceIds: readonly string[]): Promise<Map<string, DataSourceRunRow>> {
  if (sourceIds.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([dataSourceRuns.sourceId])
    .from(dataSourceRuns)
    .where(inArray(dataSourceRuns.sourceId, [...sourceIds]))
    .orderBy(dataSourceRuns.sourceId, desc(dataSourceRuns.seq));
  return new Map(rows.map((r) => [r.sourceId, r]));
}

export interface ValueRow {
  sourceUnitId: string;
  sourceUnitName: string | null;
  unitId: string | null;
  known: boolean;
  raw: unknown;
}

export async function insertRunValues(db: Db, runId: string, values: readonly ValueRow[]): Promise<void> {
  // One JSON parameter per 2,000 records (thousands of units per pull stay a few statements).
  for (let i = 0; i < values.length; i += 2000) {
    const chunk = values.slice(i, i + 2000);
    await db.execute(sql`insert into data_source_values (run_id, source_unit_id, source_unit_name, unit_id, known, raw)
      select ${runId}::uuid, j->>'sourceUnitId', j->>'sourceUnitName', (j->>'unitId')::uuid, (j->>'known')::boolean, j->'raw'
      from jsonb_array_elements(${JSON.stringify(chunk)}::jsonb) as e(j)`);
  }
}

/** Identifiers the latest run that read records could not place (neither mapped nor ignored then). */
export async function unknownIdentifiersOf(
  db: Db,
  sourceId: string,
): Promise<{ runId: string | null; items: { sourceUnitId: string; sourceUnitName: string | null; raw: unknown }[] }> {
  const [last] = rowsOf<{ id: string }>(
    await db.execute(sql`select r.id from data_source_runs r where r.source_id = ${sourceId}
      and exists (select 1 from data_source_values v where v.run_id = r.id)
      order by r.seq desc limit 1`),
  );
  if (!last) return { runId: null, items: [] };
  const items = await db
    .select({
      sourceUnitId: dataSourceValues.sourceUnitId,
      sourceUnitName: dataSourceValues.sourceUnitName,
      raw: dataSourceValues.raw,
    })
    .from(dataSourceValues)
    .where(and(eq(dataSourceValues.runId, last.id), eq(dataSourceValues.known, false)))
    .orderBy(dataSourceValues.sourceUnitId);
  return { runId: last.id, items };
}

/** Active scheduled sources with a campaign (the scheduler's candidates). */
export async function scheduledSources(db: Db): Promise<DataSourceRow[]> {
  return db
    .select()
    .from(dataSources)
    .where(
      and(
        eq(dataSources.active, true),
        inArray(dataSources.schedule, ['daily', 'monthly']),
        sql`${dataSources.campaignId} is not null`,
      ),
    );
}

/** Codes of the units taking part in a campaign (a per-unit source matched by code asks for each). */
export async function participantCodes(db: Db, campaignId: string): Promise<string[]> {
  const rows = rowsOf<{ code: string }>(
    await db.execute(sql`select u.code from assessments a join org_units u on u.id = a.unit_id
      where a.campaign_id = ${campaignId} order by u.code`),
  );
  return rows.map((r) => r.code);
}

/** The account a run acts as (its requester, or the source's last editor for scheduled runs). */
export async function runAccount(
  db: Db,
  userId: string,
): Promise<{ id: string; username: string; active: boolean } | null> {
  const rows = rowsOf<{ id: string; username: string; active: boolean }>(
    await db.execute(sql`select id, username, active from users where id = ${userId}`),
  );
  return rows[0] ?? null;
}

/** The raw records a run kept, per unit (provenance), in the source's identifier order. */
export async function runValues(db: Db, runId: string) {
  return db
    .select({
      sourceUnitId: dataSourceValues.sourceUnitId,
      sourceUnitName: dataSourceValues.sourceUnitName,
      unitId: dataSourceValues.unitId,
      unitCode: orgUnits.code,
      unitName: orgUnits.name,
      known: dataSourceValues.known,
      raw: dataSourceValues.raw,
    })
    .from(dataSourceValues)
    .leftJoin(orgUnits, eq(orgUnits.id, dataSourceValues.unitId))
    .where(eq(dataSourceValues.runId, runId))
    .orderBy(dataSourceValues.sourceUnitId);
}
