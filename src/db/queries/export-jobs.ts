// Export jobs as their requester reads them, and the check that a unit takes part in a campaign.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { assessments } from '../schema/campaigns.ts';
import { rowsOf } from './assessments.ts';

export interface ExportJobRow<P, R> {
  id: string;
  kind: string;
  payload: P;
  attempts: number;
  done_at: string | Date | null;
  locked_until: string | Date | null;
  last_error: string | null;
  result: R | null;
}

export async function findJobOfKind<P, R>(db: Db, id: string, kind: string): Promise<ExportJobRow<P, R> | undefined> {
  const [job] = rowsOf<ExportJobRow<P, R>>(
    await db.execute(
      sql`select id, kind, payload, attempts, done_at, locked_until, last_error, result from jobs where id = ${id}::uuid and kind = ${kind}`,
    ),
  );
  return job;
}

export async function unitTakesPart(db: Db, campaignId: string, unitId: string): Promise<boolean> {
  const [a] = await db
    .select({ id: assessments.id })
    .from(assessments)
    .where(and(eq(assessments.campaignId, campaignId), eq(assessments.unitId, unitId)))
    .limit(1);
  return a !== undefined;
}
