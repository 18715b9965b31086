// Two versions of an index set side by side: both must be readable; the node mapping between them as
// proposed by the engine and as confirmed by the DX office (used to compare years across versions).
import { proposeMapping } from '../../core/framework/index.ts';
import type { Db } from '../../db/client.ts';
import { savedMapping } from '../../db/queries/framework-mappings.ts';
import { type FrameworkRow, findReadableFramework } from '../../db/queries/frameworks.ts';
import type { ScopedActor } from '../../db/queries/org-units.ts';
import { notFound } from '../errors.ts';

export interface FrameworkPairOptions {
  actor: ScopedActor;
  /** The version asked about (404 when unreadable) and the one it is compared with. */
  id: string;
  otherId: string;
}

export async function loadFrameworkPair(
  db: Db,
  { actor, id, otherId }: FrameworkPairOptions,
): Promise<[FrameworkRow, FrameworkRow]> {
  const a = await findReadableFramework(db, actor, id);
  if (!a) throw notFound('Không tìm thấy bộ chỉ số.');
  const b = await findReadableFramework(db, actor, otherId);
  if (!b) throw notFound('Không tìm thấy phiên bản bộ chỉ số để so sánh.');
  return [a, b];
}

export async function frameworkMappingView(db: Db, from: FrameworkRow, to: FrameworkRow) {
  const saved = await savedMapping(db, from.id, to.id);
  return {
    proposal: proposeMapping(from.definition, to.definition),
    confirmed: saved ? saved.pairs : null,
    confirmedAt: saved ? saved.confirmedAt.toISOString() : null,
  };
}
