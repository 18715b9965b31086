// Shared by the index-set operations: checking an untrusted definition (schema first: nothing is saved
// from a document of the wrong shape), the columns derived from it, loading a version for a change
// (404 when unreadable, 403 when readable but issued by a unit the caller's office does not reach, 409
// when its state or a running campaign forbids the change; row-locked), and what the audit records.
import {
  countIndicators,
  parseFrameworkDocument,
  sumPoints,
  type FrameworkDefinition,
} from '../../core/framework/index.ts';
import {
  type Actor,
  type FrameworkAbilities,
  canIssueFrameworkFor,
  canManageFrameworks,
  frameworkAbilities,
} from '../../core/policy/index.ts';
import { type FrameworkContext, frameworkRefOf, withFrameworkContext } from '../../db/queries/framework-context.ts';
import { foldVietnamese } from '../../core/text/vietnamese.ts';
import type { AuditActor } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import { frameworkForUpdate } from '../../db/queries/framework-writes.ts';
import { type FrameworkRow, findReadableFramework } from '../../db/queries/frameworks.ts';
import type { ScopedActor } from '../../db/queries/org-units.ts';
import { schemaProblemsAsErrors } from '../../exchange/frameworks/file-problem.ts';
import { normalizeDefinition } from '../../exchange/frameworks/normalize-definition.ts';
import { OperationError, notFound } from '../errors.ts';

/** The caller; `actor` null = the command line or the seed (trusted, no policy check). */
export interface FrameworkWho {
  actor: ScopedActor | null;
  audit: AuditActor;
  userId?: string | null;
}

/** Schema check + canonical form (NFC, natural order); 422 FRAMEWORK_INVALID listing the problems. */
export function checkDefinition(doc: unknown): FrameworkDefinition {
  const parsed = parseFrameworkDocument(doc);
  if (!parsed.ok) {
    throw new OperationError('FRAMEWORK_INVALID', `Bộ chỉ số có ${parsed.problems.length} lỗi cấu trúc; chưa lưu gì.`, {
      errors: schemaProblemsAsErrors(parsed.problems),
      warnings: [],
    });
  }
  return normalizeDefinition(parsed.definition);
}

export function derivedColumns(def: FrameworkDefinition) {
  const counts = countIndicators(def);
  return {
    code: def.code,
    name: def.name,
    nameFolded: foldVietnamese(def.name),
    definition: def,
    decisionNumber: def.decision.number,
    unitTypes: [...def.appliesTo.unitTypes],
    illustrative: def.illustrative === true,
    totalPoints: sumPoints(def.nodes.map((n) => (Number.isFinite(n.maxPoints) ? n.maxPoints : 0))),
    mainIndicators: counts.mainIndicators,
    subIndicators: counts.subIndicators,
    leafCount: counts.leaves,
  };
}

/** The command line and the seed act with full rights (they are run by the operator). */
const TRUSTED: Actor = { userId: '', grants: [{ role: 'system_admin', unitId: '', subtree: true }] };

export type FrameworkForChange = FrameworkRow & FrameworkContext;

export interface FrameworkChangeOptions {
  who: FrameworkWho;
  id: string;
  /** What the caller means to do with it ('read' for a version only read within the change). */
  ability: keyof FrameworkAbilities;
}

export async function loadFrameworkForChange(
  tx: Db,
  { who, id, ability }: FrameworkChangeOptions,
): Promise<FrameworkForChange> {
  if (who.actor) {
    const readable = await findReadableFramework(tx, who.actor, id);
    if (!readable) throw notFound('Không tìm thấy bộ chỉ số.');
  }
  const locked = await frameworkForUpdate(tx, id);
  if (!locked) throw notFound('Không tìm thấy bộ chỉ số.');
  const [row] = await withFrameworkContext(tx, [locked]);
  const actor = who.actor ?? TRUSTED;
  if (!canManageFrameworks(actor)) throw new OperationError('FORBIDDEN', 'Bạn không có quyền quản lý bộ chỉ số.');
  const ref = frameworkRefOf(row!);
  // Writing anything (a new version included) needs an office reaching the unit that issued the set.
  if (ability !== 'read' && !canIssueFrameworkFor(actor, ref.owner)) throw notOwner(row!);
  if (!frameworkAbilities(actor, ref)[ability])
    throw ability === 'archive' && row!.status === 'published' && row!.openCampaigns.length > 0
      ? inUse(row!)
      : invalidState(row!, ability);
  return row!;
}

function notOwner(row: FrameworkForChange): OperationError {
  return new OperationError(
    'FORBIDDEN',
    `Bộ chỉ số ${row.code} do ${row.owner.name} ban hành: chỉ cơ quan chuyên trách chuyển đổi số của ${row.owner.name} (hoặc cấp trên) được thay đổi. Bạn vẫn xem và dùng được bộ chỉ số này.`,
    { ownerUnit: { id: row.owner.id, code: row.owner.code, name: row.owner.name } },
  );
}

function inUse(row: FrameworkForChange): OperationError {
  const names = row.openCampaigns.map((c) => `"${c.name}"`).join(', ');
  return new OperationError(
    'FRAMEWORK_IN_USE',
    `Không lưu trữ được bộ chỉ số ${row.code} phiên bản ${row.version}: kỳ đánh giá ${names} đang dùng phiên bản này. Chỉ lưu trữ được sau khi các kỳ đánh giá đó đã công bố kết quả.`,
    { campaigns: row.openCampaigns },
  );
}

const STATUS_LABEL: Record<string, string> = { draft: 'bản nháp', published: 'đã ban hành', archived: 'đã lưu trữ' };
const ACTION_LABEL: Partial<Record<keyof FrameworkAbilities, string>> = {
  update: 'Chỉ sửa được bản nháp; phiên bản đã ban hành được giữ nguyên vĩnh viễn — hãy tạo phiên bản mới.',
  publish: 'Chỉ ban hành được bản nháp.',
  archive: 'Chỉ lưu trữ được phiên bản đã ban hành.',
  delete: 'Chỉ xóa được bản nháp; phiên bản đã ban hành được giữ lại.',
};

function invalidState(row: FrameworkRow, ability: keyof FrameworkAbilities): OperationError {
  return new OperationError(
    'INVALID_STATE',
    `Bộ chỉ số ${row.code} phiên bản ${row.version} đang ở trạng thái ${STATUS_LABEL[row.status] ?? row.status}. ${ACTION_LABEL[ability] ?? ''}`.trim(),
    {
      status: row.status,
    },
  );
}

/** What the audit log keeps of a version (the whole definition only where content changes). */
export function auditSummary(
  row: Pick<FrameworkRow, 'code' | 'version' | 'name' | 'status' | 'totalPoints' | 'rowVersion'>,
) {
  return {
    code: row.code,
    version: row.version,
    name: row.name,
    status: row.status,
    totalPoints: row.totalPoints,
    rowVersion: row.rowVersion,
  };
}
