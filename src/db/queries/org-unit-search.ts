// Accent-insensitive search of units on code and name ("ha tinh" finds "Hà Tĩnh"), within what the reader may see.
import { and, asc, count, ilike, or } from 'drizzle-orm';
import { foldVietnamese } from '../../core/text/vietnamese.ts';
import type { Db } from '../client.ts';
import { orgUnits } from '../schema/org.ts';
import { type ScopedActor, readableUnitsCondition } from './org-units.ts';

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Every word of the query must appear in the folded name or the code. */
export async function searchReadableUnits(
  db: Db,
  actor: ScopedActor,
  q: string,
  page: { page: number; pageSize: number },
) {
  const words = foldVietnamese(q).split(' ').filter(Boolean);
  const where = and(
    readableUnitsCondition(actor),
    ...words.map((w) =>
      or(ilike(orgUnits.nameFolded, `%${escapeLike(w)}%`), ilike(orgUnits.code, `%${escapeLike(w)}%`)),
    ),
  );
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(orgUnits).where(where);
  const rows = await db
    .select()
    .from(orgUnits)
    .where(where)
    .orderBy(asc(orgUnits.code))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  return { rows, total: Number(total) };
}
