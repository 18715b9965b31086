// From records to figures: each record names a unit by the source's identifier (the 766 API: departmentCode,
// e.g. "H27.12"); the data source maps identifiers to our units (or marks one as not assessed here), and
// maps fields ("groupScores.CKMB") to the item and input of the index set that read them. A record whose
// identifier is neither mapped nor ignored is unknown — listed for the DX office to review — and makes the
// run partial; so does a value that is missing, not a number or out of range. The run is all or nothing:
// the caller writes figures only when there is no problem at all.
import { valueAt, type SourceRecord } from './records.ts';
import { checkValue } from './values.ts';

export interface FieldMapping {
  /** Dotted path in the record, e.g. "groupScores.CKMB" or a CSV column name. */
  field: string;
  itemCode: string;
  /** The input of the item's method the value fills (e.g. "value", "a"). */
  input: string;
  label?: string | undefined;
  min?: number | null | undefined;
  max?: number | null | undefined;
}

export interface UnitTarget {
  /** Our unit's code, or null when the identifier is known but not assessed here (ignored). */
  unitCode: string | null;
}

export interface MapOptions {
  unitIdField: string;
  unitNameField?: string | null | undefined;
  /** The source's identifier → our unit (or ignored). */
  units: ReadonlyMap<string, UnitTarget>;
  /** When set, an identifier equal to one of these codes maps to that unit without an explicit entry. */
  ourCodes?: ReadonlySet<string> | undefined;
  fields: readonly FieldMapping[];
}

export interface PullProblem {
  code: string;
  params: Record<string, string | number>;
}

export interface MappedUnit {
  sourceUnitId: string;
  sourceUnitName: string | null;
  /** Null: known but ignored, or unknown (see `known`). */
  unitCode: string | null;
  known: boolean;
  raw: SourceRecord;
  /** itemCode → input → value (only for mapped units whose values all checked). */
  figures: Record<string, Record<string, number>>;
}

export interface MapResult {
  units: MappedUnit[];
  unknown: { sourceUnitId: string; sourceUnitName: string | null }[];
  problems: PullProblem[];
}

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim().normalize('NFC'));

export function mapRecords(records: readonly SourceRecord[], o: MapOptions): MapResult {
  const units: MappedUnit[] = [];
  const unknown: MapResult['unknown'] = [];
  const problems: PullProblem[] = [];
  const seen = new Set<string>();
  records.forEach((raw, index) => {
    const sourceUnitId = text(valueAt(raw, o.unitIdField));
    const sourceUnitName = o.unitNameField ? text(valueAt(raw, o.unitNameField)) || null : null;
    if (!sourceUnitId) {
      problems.push({ code: 'RECORD_WITHOUT_UNIT', params: { record: index + 1, field: o.unitIdField } });
      return;
    }
    if (seen.has(sourceUnitId)) {
      problems.push({ code: 'DUPLICATE_UNIT', params: { sourceUnit: sourceUnitId } });
      return;
    }
    seen.add(sourceUnitId);
    const target =
      o.units.get(sourceUnitId) ?? (o.ourCodes?.has(sourceUnitId) ? { unitCode: sourceUnitId } : undefined);
    const unit: MappedUnit = {
      sourceUnitId,
      sourceUnitName,
      unitCode: target?.unitCode ?? null,
      known: target !== undefined,
      raw,
      figures: {},
    };
    units.push(unit);
    if (!target) {
      unknown.push({ sourceUnitId, sourceUnitName });
      return;
    }
    if (target.unitCode === null) return; // not assessed here: kept as provenance only
    for (const f of o.fields) {
      const checked = checkValue(valueAt(raw, f.field), f);
      if (!checked.ok) {
        problems.push({ code: checked.code, params: { sourceUnit: sourceUnitId, field: f.field, ...checked.params } });
        continue;
      }
      (unit.figures[f.itemCode] ??= {})[f.input] = checked.value;
    }
  });
  if (unknown.length > 0)
    problems.unshift({
      code: 'UNKNOWN_UNITS',
      params: {
        count: unknown.length,
        examples: unknown
          .slice(0, 5)
          .map((u) => u.sourceUnitId)
          .join(', '),
      },
    });
  if (records.length === 0) problems.push({ code: 'NO_RECORDS', params: {} });
  return { units, unknown, problems };
}

/** Several targets for one of our units would supply it twice: a mapping mistake to report. */
export function unitsMappedTwice(units: readonly MappedUnit[]): PullProblem[] {
  const by = new Map<string, string[]>();
  for (const u of units) if (u.unitCode) by.set(u.unitCode, [...(by.get(u.unitCode) ?? []), u.sourceUnitId]);
  return [...by]
    .filter(([, ids]) => ids.length > 1)
    .map(([unit, ids]) => ({ code: 'UNIT_MAPPED_TWICE', params: { unit, sourceUnits: ids.join(', ') } }));
}
