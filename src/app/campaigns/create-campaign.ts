// POST /campaigns: a DX office sets up a campaign for the units its role reaches (the owner unit and
// below), as a draft with its groups and participating units. Nothing is visible to the units until
// the campaign opens.
import type { CampaignKind, CampaignRules } from '../../core/campaign/index.ts';
import { canCreateCampaign, holdsRoleOver } from '../../core/policy/index.ts';
import { writeAudit } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import { findReadableUnit } from '../../db/queries/org-units.ts';
import { insertCampaignRow } from '../../db/queries/campaign-writes.ts';
import { ancestryOf } from '../../db/queries/unit-path.ts';
import { OperationError, notFound } from '../errors.ts';
import type { CampaignWho } from './campaign-access.ts';
import { type GroupInput, insertGroup } from './group-input.ts';

export interface CreateCampaignInput {
  name: string;
  year: number;
  kind: CampaignKind;
  ownerUnitId: string;
  rules: CampaignRules;
  groups: GroupInput[];
  parentCampaignId?: string | null;
  progressMonths?: number | null;
}

/** The owner unit must be readable (else 404) and under the caller's DX office (else 403). */
export async function checkOwner(tx: Db, who: CampaignWho, ownerUnitId: string) {
  if (!canCreateCampaign(who.actor))
    throw new OperationError('FORBIDDEN', 'Chỉ cơ quan chuyên trách chuyển đổi số được tạo kỳ đánh giá.');
  const owner = await findReadableUnit(tx, who.actor, ownerUnitId);
  if (!owner) throw notFound('Không tìm thấy đơn vị chủ trì.');
  if (!holdsRoleOver(who.actor, ['dx_office'], { id: owner.id, ancestry: ancestryOf(owner.path) })) {
    throw new OperationError('FORBIDDEN', 'Bạn không quản lý đơn vị chủ trì này.');
  }
  return owner;
}

/** Inside the caller's transaction (also used by from-preset and progress rounds). */
export async function insertCampaign(
  tx: Db,
  {
    who,
    input,
    ownerPath,
    reason,
  }: { who: CampaignWho; input: CreateCampaignInput; ownerPath: string; reason?: string | undefined },
): Promise<string> {
  const row = await insertCampaignRow(tx, {
    name: input.name.normalize('NFC').trim(),
    year: input.year,
    kind: input.kind,
    ownerUnitId: input.ownerUnitId,
    rules: input.rules,
    parentCampaignId: input.parentCampaignId ?? null,
    progressMonths: input.progressMonths ?? null,
    createdBy: who.userId || null,
  });
  const groupIds: string[] = [];
  for (const [i, g] of input.groups.entries())
    groupIds.push(await insertGroup(tx, { campaignId: row.id, group: g, ownerPath, position: i }));
  await writeAudit(tx, who.audit, {
    action: 'campaign.create',
    objectType: 'campaign',
    objectId: row.id,
    unitId: input.ownerUnitId,
    after: {
      name: row.name,
      year: row.year,
      kind: row.kind,
      rules: row.rules,
      parentCampaignId: row.parentCampaignId,
      progressMonths: row.progressMonths,
      groups: input.groups.map((g, i) => ({ id: groupIds[i], ...g, unitIds: undefined })),
    },
    reason: reason ?? null,
  });
  return row.id;
}

export async function createCampaign(db: Db, who: CampaignWho, input: CreateCampaignInput): Promise<string> {
  return db.transaction(async (tx) => {
    const owner = await checkOwner(tx, who, input.ownerUnitId);
    return insertCampaign(tx, { who, input, ownerPath: owner.path });
  });
}
