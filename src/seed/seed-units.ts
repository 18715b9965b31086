// Inserts a list of seed units (parents first) and groups in bulk, with their lineage and audit entries.
import { randomUUID } from 'node:crypto';
import { foldVietnamese } from '../core/text/vietnamese.ts';
import { type AuditActor, type AuditEntryInput, writeAuditBatch } from '../db/audit/write-audit.ts';
import type { Db } from '../db/client.ts';
import { findUnitsByCodes } from '../db/queries/org-units.ts';
import { insertUnits } from '../db/queries/org-unit-writes.ts';
import { insertSeedLineage } from '../db/queries/seed-units.ts';
import { insertGroupMembers, insertUnitGroup } from '../db/queries/unit-groups.ts';
import { childPath } from '../db/queries/unit-path.ts';
import type { SeedGroup, SeedUnit } from './data/seed-types.ts';

export async function seedUnits(
  tx: Db,
  actor: AuditActor,
  units: readonly SeedUnit[],
  groups: readonly SeedGroup[] = [],
): Promise<Map<string, string>> {
  const refs = new Map<string, { id: string; path: string }>();
  const parentCodes = [...new Set(units.flatMap((u) => (u.parentCode ? [u.parentCode] : [])))];
  for (const u of await findUnitsByCodes(tx, parentCodes)) refs.set(u.code, { id: u.id, path: u.path });
  const rows = units.map((u) => {
    const id = randomUUID();
    const parent = u.parentCode ? refs.get(u.parentCode) : undefined;
    if (u.parentCode && !parent)
      throw new Error(`Seed: parent ${u.parentCode} of ${u.code} comes later or does not exist`);
    const path = childPath(parent?.path ?? null, id);
    refs.set(u.code, { id, path });
    return {
      id,
      code: u.code,
      name: u.name.normalize('NFC'),
      nameFolded: foldVietnamese(u.name),
      type: u.type,
      parentId: parent?.id ?? null,
      path,
      activeFrom: u.activeFrom ?? null,
      activeTo: u.activeTo ?? null,
    };
  });
  await insertUnits(tx, rows);
  const lineage = units.flatMap((u) =>
    (u.formedFrom?.codes ?? []).flatMap((code) => {
      const pred = refs.get(code);
      return pred
        ? [
            {
              unitId: refs.get(u.code)!.id,
              predecessorId: pred.id,
              effectiveDate: u.formedFrom!.effectiveDate,
              note: u.formedFrom!.note ?? null,
              legalBasis: u.formedFrom!.legalBasis ?? null,
              legalBasisDate: u.formedFrom!.legalBasisDate ?? null,
            },
          ]
        : [];
    }),
  );
  await insertSeedLineage(tx, lineage);
  const audits: AuditEntryInput[] = rows.map((r) => ({
    action: 'org_unit.create',
    objectType: 'org_unit',
    objectId: r.id,
    unitId: r.id,
    after: { code: r.code, name: r.name, type: r.type },
    reason: 'Dữ liệu mẫu',
  }));
  const ids = new Map([...refs].map(([code, ref]) => [code, ref.id]));
  for (const g of groups) {
    const row = await insertUnitGroup(tx, { code: g.code, name: g.name, description: g.description ?? null });
    const members = g.unitCodes.map((c) => ids.get(c)).filter((id): id is string => Boolean(id));
    await insertGroupMembers(tx, row.id, members);
    audits.push({
      action: 'unit_group.create',
      objectType: 'unit_group',
      objectId: row.id,
      after: { code: g.code, name: g.name, memberCount: members.length },
      reason: 'Dữ liệu mẫu',
    });
  }
  await writeAuditBatch(tx, actor, audits, new Date());
  return ids;
}
