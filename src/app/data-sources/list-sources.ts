// Reads for the DX office: its sources (each with its latest run), one source, the runs of a source with
// their provenance, and the identifiers the latest run could not place (the review table).
import type { Db } from '../../db/client.ts';
import {
  findRun,
  latestRunsOf,
  listReachedSources,
  listRunsOf,
  runValues,
  unknownIdentifiersOf,
} from '../../db/queries/data-sources.ts';
import { notFound } from '../errors.ts';
import { listReadableUnits } from '../../db/queries/org-units.ts';
import { presentRun, presentSource } from './present-source.ts';
import { type SourceWho, loadSourceForManage } from './source-access.ts';

export async function listSources(db: Db, who: SourceWho) {
  const rows = await listReachedSources(db, who.actor);
  const last = await latestRunsOf(
    db,
    rows.map((r) => r.source.id),
  );
  return { items: rows.map((r) => presentSource(r, last.get(r.source.id) ?? null)) };
}

export async function getSource(db: Db, who: SourceWho, id: string) {
  const row = await loadSourceForManage(db, who, id);
  return presentSource(row, (await latestRunsOf(db, [id])).get(id) ?? null);
}

export async function listRuns(db: Db, who: SourceWho, id: string) {
  await loadSourceForManage(db, who, id);
  return { items: (await listRunsOf(db, id)).map(presentRun) };
}

/** Unknown identifiers of the latest run that read records, minus those mapped or ignored since. */
export async function listUnknownIdentifiers(db: Db, who: SourceWho, id: string) {
  const s = await loadSourceForManage(db, who, id);
  const { runId, items } = await unknownIdentifiersOf(db, id);
  const placed = s.source.unitMapping;
  const codes = s.source.matchByCode
    ? new Set((await listReadableUnits(db, who.actor)).map((u) => u.code))
    : new Set<string>();
  return {
    runId,
    items: items
      .filter((i) => !(i.sourceUnitId in placed) && !codes.has(i.sourceUnitId))
      .map((i) => ({ sourceUnitId: i.sourceUnitId, sourceUnitName: i.sourceUnitName })),
  };
}

/** What one run received, per unit: the source's record as it came (provenance of every pulled figure). */
export async function listRunValues(db: Db, o: { who: SourceWho; id: string; runId: string }) {
  const { who, id, runId } = o;
  await loadSourceForManage(db, who, id);
  const run = await findRun(db, runId);
  if (!run || run.sourceId !== id) throw notFound('Không tìm thấy lần lấy số liệu.');
  const rows = await runValues(db, runId);
  return {
    run: presentRun(run),
    items: rows.map((r) => ({
      sourceUnitId: r.sourceUnitId,
      sourceUnitName: r.sourceUnitName,
      unit: r.unitId ? { id: r.unitId, code: r.unitCode ?? '', name: r.unitName ?? '' } : null,
      known: r.known,
      raw: r.raw,
    })),
  };
}
