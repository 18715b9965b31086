// Imports units from a table, all or nothing: every row is checked (codes, names, types, parents that
// exist in the file or the database, permissions, cycles) before anything is written; one bad row among
// thousands writes nothing and the report names it. Existing codes update name and type in place.
import { randomUUID } from 'node:crypto';
import { MAX_UNIT_DEPTH } from '../../core/org/depth.ts';
import { canCreateRootUnit, orgUnitAbilities } from '../../core/policy/index.ts';
import { foldVietnamese } from '../../core/text/vietnamese.ts';
import { type AuditActor, type AuditEntryInput, writeAuditBatch } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import { type NewOrgUnitRow, insertUnits, updateImportedUnit } from '../../db/queries/org-unit-writes.ts';
import { findUnitsByCodes, findUnitsByIds, type OrgUnitRow, type ScopedActor } from '../../db/queries/org-units.ts';
import { ancestryOf, childPath } from '../../db/queries/unit-path.ts';
import type { RowProblem, UnitRecord } from '../../exchange/org-units/parse-units-table.ts';
import { OperationError } from '../errors.ts';

export interface ImportUnitsResult {
  created: number;
  updated: number;
}

export async function importUnits(
  db: Db,
  {
    who,
    records,
    earlier = { problems: [], codesInFile: new Set() },
    now,
  }: {
    who: { actor: ScopedActor; audit: AuditActor };
    records: UnitRecord[];
    /** The server clock: updated_at of the units the file changes. */
    now: Date;
    /** The file's own problems (parseUnitsTable): reported together with those found here, in one list. */
    earlier?: { problems: RowProblem[]; codesInFile: ReadonlySet<string> };
  },
): Promise<ImportUnitsResult> {
  return db.transaction(async (tx) => {
    const fileCodes = new Set([...records.map((r) => r.code), ...earlier.codesInFile]);
    const referenced = [...new Set(records.flatMap((r) => [r.code, ...(r.parentCode ? [r.parentCode] : [])]))];
    const existing = new Map((await findUnitsByCodes(tx, referenced)).map((u) => [u.code, u]));
    const parentIds = [...new Set([...existing.values()].flatMap((u) => (u.parentId ? [u.parentId] : [])))];
    const parentCodeById = new Map((await findUnitsByIds(tx, parentIds)).map((u) => [u.id, u.code]));
    const problems: RowProblem[] = [...earlier.problems];
    const canManage = (u: OrgUnitRow) => orgUnitAbilities(who.actor, { id: u.id, ancestry: ancestryOf(u.path) });

    for (const r of records) {
      const current = existing.get(r.code);
      if (current) {
        // An unchanged row (an export imported back) needs no right to change the unit.
        const changes = current.name !== r.name || current.type !== r.type;
        const abilities = canManage(current);
        if (!abilities.read)
          problems.push({
            row: r.row,
            column: 'Mã đơn vị',
            code: 'UNIT_CODE_TAKEN',
            params: { value: r.code },
            message: `Mã đơn vị "${r.code}" đã được sử dụng.`,
          });
        else if (changes && !abilities.update)
          problems.push({
            row: r.row,
            column: 'Mã đơn vị',
            code: 'NO_RIGHT_TO_UPDATE',
            params: { value: r.code },
            message: `Không có quyền sửa đơn vị "${r.code}" đã có.`,
          });
        if (!abilities.read) continue;
        const currentParentCode = current.parentId ? (parentCodeById.get(current.parentId) ?? null) : null;
        if ((r.parentCode ?? null) !== currentParentCode) {
          problems.push({
            row: r.row,
            column: 'Mã đơn vị cấp trên',
            code: 'PARENT_DIFFERS',
            params: { value: r.code },
            message: `Đơn vị "${r.code}" đã có với đơn vị cấp trên khác; hãy dùng chức năng "Chuyển đơn vị".`,
          });
        }
        continue;
      }
      if (!r.parentCode) {
        if (!canCreateRootUnit(who.actor))
          problems.push({
            row: r.row,
            column: 'Mã đơn vị cấp trên',
            code: 'ROOT_NOT_ALLOWED',
            message: 'Chỉ quản trị hệ thống được tạo đơn vị cấp cao nhất; hãy điền mã đơn vị cấp trên.',
          });
        continue;
      }
      const parentInDb = existing.get(r.parentCode);
      if (parentInDb && canManage(parentInDb).read) {
        if (!canManage(parentInDb).createChild)
          problems.push({
            row: r.row,
            column: 'Mã đơn vị cấp trên',
            code: 'NO_RIGHT_TO_ADD_CHILD',
            params: { value: r.parentCode },
            message: `Không có quyền thêm đơn vị trực thuộc "${r.parentCode}".`,
          });
      } else if (parentInDb || !fileCodes.has(r.parentCode)) {
        // A parent outside the actor's reach is reported exactly like one that does not exist.
        problems.push({
          row: r.row,
          column: 'Mã đơn vị cấp trên',
          code: 'PARENT_NOT_FOUND',
          params: { value: r.parentCode },
          message: `Không tìm thấy đơn vị cấp trên có mã "${r.parentCode}" (trong tệp hoặc trong hệ thống).`,
        });
      }
    }
    const order = orderParentsFirst(records, existing, problems);
    problems.push(...tooDeep(order, existing));
    if (problems.length > 0) {
      problems.sort((a, b) => a.row - b.row || columnOrder(a.column) - columnOrder(b.column));
      throw new OperationError('IMPORT_INVALID', `Tệp có ${problems.length} lỗi; chưa có dữ liệu nào được nhập.`, {
        problems,
      });
    }

    const paths = new Map<string, { id: string; path: string }>();
    for (const u of existing.values()) paths.set(u.code, { id: u.id, path: u.path });
    const inserts: NewOrgUnitRow[] = [];
    const audits: AuditEntryInput[] = [];
    let updated = 0;
    for (const r of order) {
      const current = existing.get(r.code);
      if (current) {
        if (current.name !== r.name || current.type !== r.type) {
          await updateImportedUnit(
            tx,
            current.id,
            { name: r.name, nameFolded: foldVietnamese(r.name), type: r.type },
            now,
          );
          audits.push({
            action: 'org_unit.update',
            objectType: 'org_unit',
            objectId: current.id,
            unitId: current.id,
            before: { name: current.name, type: current.type },
            after: { name: r.name, type: r.type },
            reason: 'Nhập từ tệp',
          });
          updated++;
        }
        continue;
      }
      const id = randomUUID();
      const parent = r.parentCode ? paths.get(r.parentCode)! : null;
      const path = childPath(parent?.path ?? null, id);
      paths.set(r.code, { id, path });
      inserts.push({
        id,
        code: r.code,
        name: r.name,
        nameFolded: foldVietnamese(r.name),
        type: r.type,
        parentId: parent?.id ?? null,
        path,
      });
      audits.push({
        action: 'org_unit.create',
        objectType: 'org_unit',
        objectId: id,
        unitId: id,
        after: { code: r.code, name: r.name, type: r.type, parentCode: r.parentCode },
        reason: 'Nhập từ tệp',
      });
    }
    await insertUnits(tx, inserts);
    await writeAuditBatch(tx, who.audit, audits, now);
    return { created: inserts.length, updated };
  });
}

const COLUMN_ORDER = ['', 'Mã đơn vị', 'Tên đơn vị', 'Loại', 'Mã đơn vị cấp trên'];
const columnOrder = (column: string) => COLUMN_ORDER.indexOf(column);

/** Rows that would sit deeper than MAX_UNIT_DEPTH levels: the first of each branch (its units below
 *  cannot be imported either, and are named by that one problem). `order` has parents first. */
function tooDeep(order: UnitRecord[], existing: Map<string, OrgUnitRow>): RowProblem[] {
  const depth = new Map<string, number>();
  for (const u of existing.values()) depth.set(u.code, ancestryOf(u.path).length);
  const problems: RowProblem[] = [];
  for (const r of order) {
    if (existing.has(r.code)) continue;
    const d = (r.parentCode ? (depth.get(r.parentCode) ?? 0) : 0) + 1;
    depth.set(r.code, d);
    if (d === MAX_UNIT_DEPTH + 1) {
      problems.push({
        row: r.row,
        column: 'Mã đơn vị cấp trên',
        code: 'TOO_DEEP',
        params: { value: r.code, depth: d, max: MAX_UNIT_DEPTH },
        message: `Đơn vị "${r.code}" sẽ nằm ở cấp thứ ${d}, sâu quá ${MAX_UNIT_DEPTH} cấp; đơn vị này và các đơn vị trực thuộc nó không nhập được.`,
      });
    }
  }
  return problems;
}

/** Parents before children; reports rows caught in a cycle of parent codes within the file. A loop over
 *  each chain of parents (a file may chain 100,000 units: no recursion, no copied trails). */
function orderParentsFirst(
  records: UnitRecord[],
  existing: Map<string, OrgUnitRow>,
  problems: RowProblem[],
): UnitRecord[] {
  const byCode = new Map(records.map((r) => [r.code, r]));
  const state = new Map<string, 'visiting' | 'done'>();
  const order: UnitRecord[] = [];
  for (const start of records) {
    const chain: UnitRecord[] = [];
    let r: UnitRecord | undefined = start;
    while (r && !state.has(r.code)) {
      state.set(r.code, 'visiting');
      chain.push(r);
      r = r.parentCode && !existing.has(r.parentCode) ? byCode.get(r.parentCode) : undefined;
    }
    if (r && state.get(r.code) === 'visiting') {
      const codes = [...chain.map((c) => c.code), r.code];
      const shown = codes.length > 12 ? [...codes.slice(0, 5), '…', ...codes.slice(-5)] : codes;
      problems.push({
        row: r.row,
        column: 'Mã đơn vị cấp trên',
        code: 'PARENT_CYCLE',
        params: { chain: shown.join(' → ') },
        message: `Vòng lặp cấp trên: ${shown.join(' → ')}.`,
      });
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      state.set(chain[i]!.code, 'done');
      order.push(chain[i]!);
    }
  }
  return order;
}
