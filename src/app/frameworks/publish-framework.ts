// Publishes a draft: validateFramework errors block it (422 FRAMEWORK_INVALID listing them; warnings
// are allowed and returned), then the version is frozen for good with who published it and when.
import { validateFramework, type Problem } from '../../core/framework/index.ts';
import { writeAudit } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import { withFrameworkContext } from '../../db/queries/framework-context.ts';
import { markFrameworkPublished } from '../../db/queries/framework-writes.ts';
import { OperationError } from '../errors.ts';
import { type FrameworkForChange, type FrameworkWho, auditSummary, loadFrameworkForChange } from './framework-input.ts';

export interface PublishFrameworkOptions {
  who: FrameworkWho;
  id: string;
  /** The server clock: published_at. */
  now: Date;
}

export async function publishFramework(
  db: Db,
  { who, id, now }: PublishFrameworkOptions,
): Promise<{ row: FrameworkForChange; warnings: Problem[] }> {
  return db.transaction(async (tx) => {
    const before = await loadFrameworkForChange(tx, { who, id, ability: 'publish' });
    const report = validateFramework(before.definition);
    if (report.errors.length > 0) {
      throw new OperationError('FRAMEWORK_INVALID', `Chưa ban hành được: bộ chỉ số còn ${report.errors.length} lỗi.`, {
        errors: report.errors,
        warnings: report.warnings,
      });
    }
    const after = await markFrameworkPublished(tx, id, who.userId ?? null, now);
    await writeAudit(tx, who.audit, {
      action: 'framework.publish',
      objectType: 'framework',
      objectId: id,
      before: auditSummary(before),
      after: { ...auditSummary(after), warnings: report.warnings.length },
    });
    return { row: (await withFrameworkContext(tx, [after]))[0]!, warnings: report.warnings };
  });
}
