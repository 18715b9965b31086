// Records the node mapping between two versions as confirmed by a person (used to carry scores and
// evidence over). Pairs must name existing codes on each side and be one-to-one; the proposal of
// proposeMapping is only a suggestion and never saved by itself.
import { flattenNodes } from '../../core/framework/index.ts';
import { writeAudit } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import { saveConfirmedMapping } from '../../db/queries/framework-mappings.ts';
import { findReadableFramework } from '../../db/queries/frameworks.ts';
import type { MappingPair } from '../../db/schema/frameworks.ts';
import { OperationError, notFound } from '../errors.ts';
import { type FrameworkWho, loadFrameworkForChange } from './framework-input.ts';

export interface ConfirmMappingOptions {
  who: FrameworkWho;
  /** The older version (the caller must be able to change it) and the newer one (readable). */
  fromId: string;
  toId: string;
  pairs: MappingPair[];
  /** The server clock: confirmed_at. */
  now: Date;
}

export async function confirmMapping(db: Db, { who, fromId, toId, pairs, now }: ConfirmMappingOptions) {
  return db.transaction(async (tx) => {
    const from = await loadFrameworkForChange(tx, { who, id: fromId, ability: 'confirmMapping' });
    const to = who.actor
      ? await findReadableFramework(tx, who.actor, toId)
      : await loadFrameworkForChange(tx, { who, id: toId, ability: 'read' });
    if (!to) throw notFound('Không tìm thấy phiên bản bộ chỉ số đích.');
    if (to.id === from.id)
      throw new OperationError('VALIDATION_FAILED', 'Không thể ánh xạ một phiên bản với chính nó.');
    const fromCodes = new Set(flattenNodes(from.definition).map((f) => f.code));
    const toCodes = new Set(flattenNodes(to.definition).map((f) => f.code));
    const issues: { index: number; message: string }[] = [];
    const usedFrom = new Set<string>();
    const usedTo = new Set<string>();
    pairs.forEach((p, index) => {
      if (!fromCodes.has(p.fromCode))
        issues.push({ index, message: `Tiêu chí ${p.fromCode} không có trong phiên bản ${from.version}.` });
      if (!toCodes.has(p.toCode))
        issues.push({ index, message: `Tiêu chí ${p.toCode} không có trong phiên bản ${to.version}.` });
      if (usedFrom.has(p.fromCode)) issues.push({ index, message: `Tiêu chí ${p.fromCode} được ánh xạ hai lần.` });
      if (usedTo.has(p.toCode))
        issues.push({ index, message: `Tiêu chí ${p.toCode} của phiên bản mới nhận hai tiêu chí cũ.` });
      usedFrom.add(p.fromCode);
      usedTo.add(p.toCode);
    });
    if (issues.length > 0) {
      throw new OperationError(
        'VALIDATION_FAILED',
        `Ánh xạ có ${issues.length} lỗi: ${issues.map((i) => i.message).join(' ')}`,
        { issues },
      );
    }
    const confirmedAt = now;
    const values = { fromId: from.id, toId: to.id, pairs, confirmedBy: who.userId ?? null, confirmedAt };
    await saveConfirmedMapping(tx, values);
    await writeAudit(tx, who.audit, {
      action: 'framework.confirm_mapping',
      objectType: 'framework',
      objectId: from.id,
      after: {
        fromCode: from.code,
        fromVersion: from.version,
        toId: to.id,
        toCode: to.code,
        toVersion: to.version,
        pairs,
      },
    });
    return { pairs, confirmedAt };
  });
}
