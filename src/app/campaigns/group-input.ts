// A campaign group as set up by the DX office: a unit group, a published index-set version, the
// reporting period, phase deadlines and appraiser. Participating units are the given ones or the unit
// group's current members, copied into campaign_units (later membership changes do not move a running
// campaign). A unit takes part in one group of a campaign only, and only units under the owner unit.
import { isValidIsoDate } from '../../core/campaign/index.ts';
import type { Db } from '../../db/client.ts';
import {
  insertCampaignGroup,
  replaceGroupUnits,
  shareLockFramework,
  unitGroupName,
  unitIdsInSubtree,
  unitsInOtherGroups,
} from '../../db/queries/campaign-groups.ts';
import { groupMemberIds } from '../../db/queries/unit-groups.ts';
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
  const fw = await shareLockFramework(tx, frameworkId);
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
  const g = await unitGroupName(tx, unitGroupId);
  if (!g) throw notFound('Không tìm thấy nhóm đơn vị.');
  return g;
}

/** Participating units: the given ids, or the group's members; all must lie under the owner unit. */
export async function resolveUnits(
  tx: Db,
  { ownerPath, unitGroupId, unitIds }: { ownerPath: string; unitGroupId: string; unitIds?: string[] | undefined },
): Promise<string[]> {
  const ids = unitIds ? [...new Set(unitIds)] : await groupMemberIds(tx, unitGroupId);
  if (ids.length === 0) return [];
  const inside = await unitIdsInSubtree(tx, ids, ownerPath);
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
  {
    campaignId,
    group: g,
    ownerPath,
    position,
  }: { campaignId: string; group: GroupInput; ownerPath: string; position: number },
): Promise<string> {
  checkDates(g);
  await publishedFramework(tx, g.frameworkId);
  // A progress round copies units of a group whose unit group may since have been deleted.
  const ug = g.unitGroupId || !g.unitIds ? await unitGroupOf(tx, g.unitGroupId) : null;
  const unitIds = await resolveUnits(tx, { ownerPath, unitGroupId: g.unitGroupId, unitIds: g.unitIds });
  const groupId = await insertCampaignGroup(tx, {
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
  });
  await setGroupUnits(tx, { campaignId, groupId, unitIds });
  return groupId;
}

/** The group's participating units become these; refuses units already in another group of the campaign. */
export async function setGroupUnits(
  tx: Db,
  { campaignId, groupId, unitIds }: { campaignId: string; groupId: string; unitIds: string[] },
): Promise<void> {
  if (unitIds.length > 0) {
    const taken = await unitsInOtherGroups(tx, campaignId, groupId, unitIds);
    if (taken.length > 0) {
      throw new OperationError('VALIDATION_FAILED', `${taken.length} đơn vị đã thuộc nhóm khác của kỳ đánh giá này.`, {
        issues: taken
          .slice(0, 50)
          .map((t) => ({ path: '/unitIds', message: `Đơn vị ${t.unitId} đã thuộc nhóm "${t.groupName}"` })),
      });
    }
  }
  await replaceGroupUnits(tx, groupId, unitIds);
}
