// Reading index sets within what the caller may see: drafts only for managers (framework-policy).
// Lists never load the nodes: the header of the document (`definition - 'nodes'`) and the summary
// columns are enough for a FrameworkSummary.
import { type SQL, and, desc, eq, ilike, max, ne, or, sql } from 'drizzle-orm';
import type { FrameworkDefinition, FrameworkStatus } from '../../core/framework/index.ts';
import { type Actor, canManageFrameworks } from '../../core/policy/index.ts';
import { foldVietnamese } from '../../core/text/vietnamese.ts';
import type { Db } from '../client.ts';
import { frameworks } from '../schema/frameworks.ts';

export type FrameworkRow = typeof frameworks.$inferSelect;
/** A row with the definition's header only (no nodes). */
export type FrameworkHeaderRow = Omit<FrameworkRow, 'definition'> & { definition: Omit<FrameworkDefinition, 'nodes'> };

const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** SQL condition: versions the actor may read (undefined = all). */
export function readableFrameworksCondition(actor: Actor): SQL | undefined {
  return canManageFrameworks(actor) ? undefined : ne(frameworks.status, 'draft');
}

export async function findReadableFramework(db: Db, actor: Actor, id: string): Promise<FrameworkRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select()
    .from(frameworks)
    .where(and(eq(frameworks.id, id), readableFrameworksCondition(actor)))
    .limit(1);
  return row ?? null;
}

const headerColumns = {
  id: frameworks.id,
  code: frameworks.code,
  version: frameworks.version,
  name: frameworks.name,
  nameFolded: frameworks.nameFolded,
  status: frameworks.status,
  decisionNumber: frameworks.decisionNumber,
  unitTypes: frameworks.unitTypes,
  illustrative: frameworks.illustrative,
  ownerUnitId: frameworks.ownerUnitId,
  totalPoints: frameworks.totalPoints,
  mainIndicators: frameworks.mainIndicators,
  subIndicators: frameworks.subIndicators,
  leafCount: frameworks.leafCount,
  basedOnId: frameworks.basedOnId,
  rowVersion: frameworks.rowVersion,
  createdBy: frameworks.createdBy,
  createdAt: frameworks.createdAt,
  updatedAt: frameworks.updatedAt,
  publishedAt: frameworks.publishedAt,
  publishedBy: frameworks.publishedBy,
  archivedAt: frameworks.archivedAt,
  definition: sql<Omit<FrameworkDefinition, 'nodes'>>`${frameworks.definition} - 'nodes'`.as('definition'),
};

export interface FrameworkFilter {
  q?: string;
  status?: FrameworkStatus;
  code?: string;
}

/** Readable versions matching the filter, newest first (created, then version). */
export async function listReadableFrameworks(
  db: Db,
  actor: Actor,
  filter: FrameworkFilter = {},
): Promise<FrameworkHeaderRow[]> {
  const words = foldVietnamese(filter.q ?? '')
    .split(' ')
    .filter(Boolean);
  const where = and(
    readableFrameworksCondition(actor),
    filter.status ? eq(frameworks.status, filter.status) : undefined,
    filter.code ? eq(frameworks.code, filter.code) : undefined,
    ...words.map((w) =>
      or(ilike(frameworks.nameFolded, `%${escapeLike(w)}%`), ilike(frameworks.code, `%${escapeLike(w)}%`)),
    ),
  );
  const rows = await db
    .select(headerColumns)
    .from(frameworks)
    .where(where)
    .orderBy(desc(frameworks.createdAt), frameworks.code, desc(frameworks.version));
  return rows as FrameworkHeaderRow[];
}

export async function nextVersionOf(db: Db, code: string): Promise<{ next: number; latestId: string | null }> {
  const [row] = await db
    .select({ v: max(frameworks.version) })
    .from(frameworks)
    .where(eq(frameworks.code, code));
  const current = row?.v === null || row?.v === undefined ? 0 : Number(row.v);
  if (current === 0) return { next: 1, latestId: null };
  const [latest] = await db
    .select({ id: frameworks.id })
    .from(frameworks)
    .where(and(eq(frameworks.code, code), eq(frameworks.version, current)))
    .limit(1);
  return { next: current + 1, latestId: latest?.id ?? null };
}
