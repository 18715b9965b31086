// Creates a unit under a parent the actor manages (or a root, for system administrators), with its
// lineage when it was formed from other units, and the audit entry, in one transaction.
import { randomUUID } from 'node:crypto';
import { canCreateRootUnit, orgUnitAbilities } from '../../core/policy/index.ts';
import type { UnitType } from '../../core/org/unit-types.ts';
import { foldVietnamese } from '../../core/text/vietnamese.ts';
import { writeAudit } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import { insertFormedFromRows } from '../../db/queries/lineage.ts';
import { insertUnit } from '../../db/queries/org-unit-writes.ts';
import {
  findReadableUnit,
  findUnitsByIds,
  type OrgUnitRow,
  type ScopedActor,
  unitIdWithCode,
} from '../../db/queries/org-units.ts';
import { ancestryOf, childPath } from '../../db/queries/unit-path.ts';
import { OperationError, notFound } from '../errors.ts';
import type { AuditActor } from '../../db/audit/write-audit.ts';

export interface CreateUnitInput {
  code: string;
  name: string;
  type: UnitType;
  parentId: string | null;
  activeFrom?: string | null;
  activeTo?: string | null;
  formedFrom?: { unitIds: string[]; effectiveDate: string; note?: string };
}

export async function createUnit(
  db: Db,
  who: { actor: ScopedActor; audit: AuditActor },
  input: CreateUnitInput,
): Promise<OrgUnitRow> {
  return db.transaction(async (tx) => {
    let parent: OrgUnitRow | null = null;
    if (input.parentId) {
      parent = await findReadableUnit(tx, who.actor, input.parentId);
      if (!parent) throw notFound('Không tìm thấy đơn vị cấp trên.');
      if (!orgUnitAbilities(who.actor, { id: parent.id, ancestry: ancestryOf(parent.path) }).createChild) {
        throw new OperationError('FORBIDDEN', 'Bạn không có quyền thêm đơn vị trực thuộc đơn vị này.');
      }
    } else if (!canCreateRootUnit(who.actor)) {
      throw new OperationError('FORBIDDEN', 'Chỉ quản trị hệ thống được tạo đơn vị cấp cao nhất.');
    }
    await assertCodeFree(tx, input.code);
    if (input.activeFrom && input.activeTo && input.activeTo < input.activeFrom) {
      throw new OperationError('VALIDATION_FAILED', 'Ngày kết thúc hoạt động phải sau ngày bắt đầu.');
    }
    const id = randomUUID();
    const row = await insertUnit(tx, {
      id,
      code: input.code,
      name: input.name,
      nameFolded: foldVietnamese(input.name),
      type: input.type,
      parentId: parent?.id ?? null,
      path: childPath(parent?.path ?? null, id),
      activeFrom: input.activeFrom ?? null,
      activeTo: input.activeTo ?? null,
    });
    if (input.formedFrom && input.formedFrom.unitIds.length > 0) {
      // Predecessors outside the actor's reach are treated as absent (404), like every out-of-scope record.
      const predecessors = (await findUnitsByIds(tx, input.formedFrom.unitIds)).filter(
        (p) => orgUnitAbilities(who.actor, { id: p.id, ancestry: ancestryOf(p.path) }).read,
      );
      if (predecessors.length !== new Set(input.formedFrom.unitIds).size)
        throw notFound('Không tìm thấy đơn vị tiền thân.');
      await insertFormedFromRows(
        tx,
        predecessors.map((p) => ({
          unitId: id,
          predecessorId: p.id,
          effectiveDate: input.formedFrom!.effectiveDate,
          note: input.formedFrom!.note ?? null,
        })),
      );
    }
    await writeAudit(tx, who.audit, {
      action: 'org_unit.create',
      objectType: 'org_unit',
      objectId: id,
      unitId: id,
      after: row,
    });
    return row;
  });
}

export async function assertCodeFree(tx: Db, code: string, exceptId?: string): Promise<void> {
  const existing = await unitIdWithCode(tx, code);
  if (existing && existing !== exceptId) {
    throw new OperationError('UNIT_CODE_TAKEN', `Mã đơn vị "${code}" đã được sử dụng.`);
  }
}
