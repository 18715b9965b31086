// A campaign group as set up by the DX office: a unit group, a published index-set version, the
// reporting period, phase deadlines and appraiser. Participating units are the given ones or the unit
// group's current members, copied into campaign_units (later membership changes do not move a running
// campaign). A unit takes part in one group of a campaign only, and only units under the owner unit.
import { and, eq, inArray, like, ne, sql } from 'drizzle-orm';
import { isValidIsoDate } from '../../core/campaign/index.ts';
import type { Db } from '../../db/client.ts';
import { uuidArray } from '../../db/queries/sql-arrays.ts';
import { subtreePattern } from '../../db/queries/unit-path.ts';
import { campaignGroups, campaignUnits } from '../../db/schema/campaigns.ts';
import { frameworks } from '../../db/schema/frameworks.ts';
import { orgUnits, unitGroupMembers, unitGroups } from '../../db/schema/org.ts';
import { OperationError, notFound } from '../errors.ts';

export interface GroupInput {
  unitGroupId: string;
  frameworkId: string;
  name?: string;
  reportingPeriod: { from: string; to: string };
  deadlines: {
    selfAssessment: string;
    preReview?: string | null;
    appraisal?: string | null;
    publication?: string | null;
  };
  appraiser: 'council' | 'parent_unit';
  unitIds?: string[];
}

const invalid = (path: string, message: string) =>
  new OperationError('VALIDATION_FAILED', message, { issues: [{ path, message }] });

export function checkDates(g: Pick<GroupInput, 'reportingPeriod' | 'deadlines'>): void {
  const dates: [string, string | null | undefined][] = [
    ['/reportingPeriod/from', g.reportingPeriod.from],
    ['/reportingPeriod/to', g.reportingPeriod.to],
    ['/deadlines/selfAssessment', g.deadlines.selfAssessment],
    ['/deadlines/preReview', g.deadlines.preReview],
    ['/deadlines/appraisal', g.deadlines.appraisal],
    ['/deadlines/publication', g.deadlines.publication],
  ];
  for (const [path, d] of dates) if (d && !isValidIsoDate(d)) throw invalid(path, `Ngày không hợp lệ: ${d}`);
  if (g.reportingPeriod.to < g.reportingPeriod.from)
    throw invalid('/reportingPeriod', 'Kỳ số liệu phải kết thúc sau ngày bắt đầu.');
}

/**
 * The version must exist and be published: campaigns pin frozen versions only. The row is share-locked
 * until the campaign's transaction ends, so an archive (which locks it for update and refuses a version a
 * running campaign uses) cannot slip in between this check and the campaign's commit.
 */
export async function publishedFramework(tx: Db, frameworkId: string) {
  const [fw] = await tx
    .select({
      id: frameworks.id,
      status: frameworks.status,
      code: frameworks.code,
      version: frameworks.version,
      definition: frameworks.definition,
    })
    .from(frameworks)
    .where(eq(frameworks.id, frameworkId))
    .limit(1)
    .for('share');
  if (!fw) throw notFound('Không tìm thấy bộ chỉ số.');
  if (fw.status !== 'published') {
    throw new OperationError(
      'INVALID_STATE',
      `Bộ chỉ số ${fw.code} phiên bản ${fw.version} chưa ban hành: kỳ đánh giá chỉ dùng phiên bản đã ban hành.`,
      { frameworkId, status: fw.status },
    );
  }
  return fw;
}

export async function unitGroupOf(tx: Db, unitGroupId: string) {
  const [g] = await tx
    .select({ id: unitGroups.id, name: unitGroups.name })
    .from(unitGroups)
    .where(eq(unitGroups.id, unitGroupId))
    .limit(1);
  if (!g) throw notFound('Không tìm thấy nhóm đơn vị.');
  return g;
}

/** Participating units: the given ids, or the group's members; all must lie under the owner unit. */
export async function resolveUnits(
  tx: Db,
  ownerPath: string,
  unitGroupId: string,
  unitIds?: string[],
): Promise<string[]> {
  const ids = unitIds
    ? [...new Set(unitIds)]
    : (
        await tx
          .select({ id: unitGroupMembers.unitId })
          .from(unitGroupMembers)
          .where(eq(unitGroupMembers.groupId, unitGroupId))
      ).map((r) => r.id);
  if (ids.length === 0) return [];
  const inside = new Set<string>();
  for (let i = 0; i < ids.length; i += 5000) {
    const rows = await tx
      .select({ id: orgUnits.id })
      .from(orgUnits)
      .where(and(inArray(orgUnits.id, ids.slice(i, i + 5000)), like(orgUnits.path, subtreePattern(ownerPath))));
    for (const r of rows) inside.add(r.id);
  }
  const outside = ids.filter((id) => !inside.has(id));
  if (outside.length > 0) {
    throw new OperationError(
      'VALIDATION_FAILED',
      `${outside.length} đơn vị không thuộc phạm vi của đơn vị chủ trì kỳ đánh giá.`,
      { issues: outside.slice(0, 50).map((id) => ({ path: '/unitIds', message: `Đơn vị ${id} nằm ngoài phạm vi` })) },
    );
  }
  return ids;
}

/** Inserts the group and its units (one unnest statement); refuses units already in another group. */
export async function insertGroup(
  tx: Db,
  campaignId: string,
  g: GroupInput,
  ownerPath: string,
  position: number,
): Promise<string> {
  checkDates(g);
  await publishedFramework(tx, g.frameworkId);
  // A progress round copies units of a group whose unit group may since have been deleted.
  const ug = g.unitGroupId || !g.unitIds ? await unitGroupOf(tx, g.unitGroupId) : null;
  const unitIds = await resolveUnits(tx, ownerPath, g.unitGroupId, g.unitIds);
  const [row] = await tx
    .insert(campaignGroups)
    .values({
      campaignId,
      unitGroupId: ug?.id ?? null,
      name: g.name?.normalize('NFC').trim() || ug?.name || 'Nhóm đơn vị',
      frameworkId: g.frameworkId,
      reportingFrom: g.reportingPeriod.from,
      reportingTo: g.reportingPeriod.to,
      deadlineSelfAssessment: g.deadlines.selfAssessment,
      deadlinePreReview: g.deadlines.preReview ?? null,
      deadlineAppraisal: g.deadlines.appraisal ?? null,
      deadlinePublication: g.deadlines.publication ?? null,
      appraiser: g.appraiser,
      position,
    })
    .returning({ id: campaignGroups.id });
  await setGroupUnits(tx, campaignId, row!.id, unitIds);
  return row!.id;
}

export async function setGroupUnits(tx: Db, campaignId: string, groupId: string, unitIds: string[]): Promise<void> {
  if (unitIds.length > 0) {
    const taken = await tx
      .select({ unitId: campaignUnits.unitId, groupName: campaignGroups.name })
      .from(campaignUnits)
      .innerJoin(campaignGroups, eq(campaignGroups.id, campaignUnits.campaignGroupId))
      .where(
        and(
          eq(campaignGroups.campaignId, campaignId),
          ne(campaignGroups.id, groupId),
          inArray(campaignUnits.unitId, unitIds),
        ),
      );
    if (taken.length > 0) {
      throw new OperationError('VALIDATION_FAILED', `${taken.length} đơn vị đã thuộc nhóm khác của kỳ đánh giá này.`, {
        issues: taken
          .slice(0, 50)
          .map((t) => ({ path: '/unitIds', message: `Đơn vị ${t.unitId} đã thuộc nhóm "${t.groupName}"` })),
      });
    }
  }
  await tx.delete(campaignUnits).where(eq(campaignUnits.campaignGroupId, groupId));
  if (unitIds.length > 0) {
    await tx.execute(
      sql`insert into campaign_units (campaign_group_id, unit_id) select ${groupId}::uuid, unnest(${uuidArray(unitIds)})`,
    );
  }
}
