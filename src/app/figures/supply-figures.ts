// POST /campaigns/{id}/figures (and its file import): figures from other systems and specialised agencies
// (000 Điều 8.3.d, 12.4; 002 Điều 7.2.b). All or nothing: every figure is checked first; then each is
// recorded with its source and time, and pre-fills the unit's item when the unit has not typed those
// inputs itself. A unit's own entry is never overwritten: an input counts as the unit's own when it
// differs from what was last supplied for it. One audit entry per figure, in the same transaction. Figures
// pulled from a data source carry the pull (data_source_run_id): its URL, time and raw values.
import { writeAuditBatch, type AuditEntryInput } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import type { ItemRow } from '../../db/queries/assessments.ts';
import {
  type SuppliedFigureRow,
  findParticipants,
  insertSuppliedFigures,
  latestSuppliedValues,
  loadItemRows,
  lockAssessments,
  upsertItemRows,
} from '../../db/queries/figures.ts';
import { OperationError } from '../errors.ts';
import { type StoredInputs, evaluateItem } from '../assessments/item-input.ts';
import {
  type CheckedFigure,
  type FigureInput,
  type FigureProblem,
  type KnownParticipants,
  checkFigures,
} from './check-figures.ts';
import { type SupplyWho, loadCampaignForSupply } from './figure-access.ts';

/** prefilled: the item now holds the figures; unchanged: it already did; kept: the unit typed other values
 * (theirs stay, the supplied ones are shown beside them); locked: submitted and not reopened (shown only). */
export type FigureOutcome = 'prefilled' | 'unchanged' | 'kept' | 'locked';

export interface SupplyResult {
  accepted: number;
  prefilled: number;
  kept: number;
  unchanged: number;
  locked: number;
  items: { index: number; unitCode: string; itemCode: string; outcome: FigureOutcome }[];
}

export class FiguresInvalid extends OperationError {
  constructor(readonly problems: FigureProblem[]) {
    super('IMPORT_INVALID', `Số liệu có ${problems.length} lỗi; chưa ghi nhận số liệu nào.`, { problems });
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export interface SupplyFiguresOptions {
  who: SupplyWho;
  campaignId: string;
  figures: readonly FigureInput[];
  now: Date;
  /** The data source pull the figures come from (provenance), when they were pulled rather than pushed. */
  dataSourceRunId?: string | undefined;
  /** Batches of one transaction (a pull's slices): the campaign opened once by openSupply in that transaction. */
  session?: SupplySession | undefined;
}

/** A campaign opened for supply: access checked and the participants among the codes read, once. */
export type SupplySession = KnownParticipants;

/**
 * Checks the campaign takes figures from `who` (as supplyFigures does) and reads its participants among
 * `unitCodes` once, for the batches that follow in the SAME transaction: a pull of 4,000 units in 40 slices
 * otherwise read the campaign and its participants 40 times (a tenth of its time on PGlite).
 */
export async function openSupply(
  db: Db,
  who: SupplyWho,
  target: { campaignId: string; unitCodes: readonly string[] },
): Promise<SupplySession> {
  await loadCampaignForSupply(db, who, target.campaignId);
  return {
    campaignId: target.campaignId,
    participants: await findParticipants(db, target.campaignId, target.unitCodes),
  };
}

export async function supplyFigures(
  db: Db,
  { who, campaignId, figures, now, dataSourceRunId, session }: SupplyFiguresOptions,
): Promise<SupplyResult> {
  if (session && session.campaignId !== campaignId) throw new Error('supplyFigures: session of another campaign');
  return db.transaction(async (tx) => {
    if (!session) await loadCampaignForSupply(tx, who, campaignId);
    const { checked, problems } = await checkFigures(tx, session ?? campaignId, figures);
    if (problems.length > 0) throw new FiguresInvalid(problems);
    await lockAssessments(
      tx,
      checked.map((c) => c.participant.assessmentId),
    );
    const items = await loadItemRows(
      tx,
      checked.map((c) => c.participant.assessmentId),
    );
    const supplied = await latestSuppliedValues(
      tx,
      campaignId,
      checked.map((c) => c.participant.unitId),
    );

    const result: SupplyResult = {
      accepted: checked.length,
      prefilled: 0,
      kept: 0,
      unchanged: 0,
      locked: 0,
      items: [],
    };
    const audits: AuditEntryInput[] = [];
    const rows: SuppliedFigureRow[] = [];
    const writes = new Map<string, ItemRow>();
    for (const c of checked) {
      const p = c.participant;
      const itemKey = `${p.assessmentId} ${c.figure.itemCode}`;
      const suppliedKey = `${p.unitId} ${c.figure.itemCode}`;
      const before = items.get(itemKey) ?? null;
      const previous = supplied.get(suppliedKey) ?? {};
      const { outcome, after } = applyFigure(c, before, previous, who.userId, now);
      if (after) {
        items.set(itemKey, after);
        writes.set(itemKey, after);
      }
      supplied.set(suppliedKey, { ...previous, ...c.inputs });
      rows.push({ unitId: p.unitId, code: c.figure.itemCode, inputs: c.inputs, source: c.figure.source });
      result[outcome]++;
      result.items.push({ index: c.index, unitCode: p.unitCode, itemCode: c.figure.itemCode, outcome });
      const shown = (row: ItemRow | null) =>
        row
          ? { inputs: row.inputs, selfScore: row.selfScore, version: row.version }
          : { inputs: {}, selfScore: null, version: 0 };
      audits.push({
        action: 'assessment.figure.supply',
        objectType: 'assessment',
        objectId: p.assessmentId,
        unitId: p.unitId,
        before: { code: c.figure.itemCode, ...shown(before) },
        after: {
          code: c.figure.itemCode,
          source: c.figure.source,
          ...(dataSourceRunId ? { dataSourceRunId } : {}),
          supplied: c.inputs,
          outcome,
          ...shown(after ?? before),
        },
      });
    }
    // The items that took figures, then the figures, written set-wise (a pull of thousands of units stays a few
    // statements); each item with the version computed above (the assessments are locked).
    await upsertItemRows(tx, [...writes.values()]);
    await insertSuppliedFigures(
      tx,
      { campaignId, suppliedBy: who.userId, suppliedAt: now, dataSourceRunId: dataSourceRunId ?? null },
      rows,
    );
    await writeAuditBatch(tx, who.audit, audits, now);
    return result;
  });
}

function applyFigure(
  c: CheckedFigure,
  before: ItemRow | null,
  previous: Record<string, unknown>,
  userId: string,
  now: Date,
): { outcome: FigureOutcome; after: ItemRow | null } {
  if (c.participant.assessmentStatus === 'submitted' && !before?.reopened) return { outcome: 'locked', after: null };
  const current: StoredInputs = before?.inputs ?? {};
  const own = Object.keys(c.inputs).some(
    (k) => current[k] !== undefined && !same(current[k], previous[k]) && !same(current[k], c.inputs[k]),
  );
  if (own) return { outcome: 'kept', after: null };
  const merged = { ...current, ...c.inputs };
  if (before && same(merged, current)) return { outcome: 'unchanged', after: null };
  let evaluated;
  if (Object.keys(current).every((k) => Object.hasOwn(c.inputs, k))) {
    // The item will hold the supplied inputs and nothing else: checkFigures evaluated exactly these (already
    // cleaned, so evaluating them again gives the same inputs and score), once per figure is enough.
    evaluated = { inputs: merged, selfScore: c.selfScore };
  } else {
    try {
      evaluated = evaluateItem(c.node, { inputs: merged }, c.participant.info);
    } catch (err) {
      // The unit's other inputs and the supplied ones do not fit together: keep the unit's entry as it is.
      if (err instanceof OperationError) return { outcome: 'kept', after: null };
      throw err;
    }
  }
  const values = { inputs: evaluated.inputs, selfScore: evaluated.selfScore, updatedBy: userId, updatedAt: now };
  const after: ItemRow = before
    ? { ...before, ...values, version: before.version + 1 }
    : {
        assessmentId: c.participant.assessmentId,
        code: c.figure.itemCode,
        explanation: '',
        reopened: false,
        ...values,
        version: 1,
      };
  return { outcome: 'prefilled', after };
}
