// Pulled figures (issue 15 §3): templates, records, mapping, values and the retry schedule — the rules a
// data source's run follows before anything is written.
import { describe, expect, it } from 'vitest';
import {
  INDEX_766_GROUPS,
  PROFILE_766,
  TemplateError,
  checkUrlTemplate,
  checkValue,
  currentPeriod,
  expandBody,
  expandUrl,
  formatPeriod,
  isPerUnit,
  isRetryable,
  mapRecords,
  parsePeriod,
  periodLabelVi,
  periodValues,
  readCsvRecords,
  readJsonRecords,
  retryDelays,
  unitsMappedTwice,
  withProfileRanges,
} from '../../../src/core/data-sources/index.ts';

describe('periods', () => {
  it('reads and writes a year, a quarter and a month, and words them in Vietnamese', () => {
    expect(parsePeriod('2026')).toEqual({ kind: 'year', year: 2026 });
    expect(parsePeriod('2026-q3')).toEqual({ kind: 'quarter', year: 2026, number: 3 });
    expect(parsePeriod('2026-09')).toEqual({ kind: 'month', year: 2026, number: 9 });
    expect(parsePeriod('2026-13')).toBeNull();
    expect(parsePeriod('2026-Q5')).toBeNull();
    expect(formatPeriod(parsePeriod('2026-09')!)).toBe('2026-09');
    expect(periodLabelVi(parsePeriod('2026-Q3')!)).toBe('Quý 3/2026');
    expect(periodLabelVi(parsePeriod('2026-09')!)).toBe('Tháng 9/2026');
  });
  it('takes the current period on the Vietnamese calendar', () => {
    // 31/12/2026 18:00 UTC is already 1/1/2027 in Việt Nam.
    const now = new Date('2026-12-31T18:00:00Z');
    expect(formatPeriod(currentPeriod('month', now))).toBe('2027-01');
    expect(formatPeriod(currentPeriod('quarter', now))).toBe('2027-Q1');
    expect(formatPeriod(currentPeriod('year', new Date('2026-06-01T00:00:00Z')))).toBe('2026');
  });
});

describe('templates', () => {
  const month = periodValues({ kind: 'month', year: 2026, number: 9 });
  it('expands a URL with the period and a unit code, percent-encoded', () => {
    expect(expandUrl('https://x.gov.vn/766/{year}/{month}?don-vi={unitCode}', { ...month, unitCode: 'H27 12' })).toBe(
      'https://x.gov.vn/766/2026/9?don-vi=H27%2012',
    );
    expect(isPerUnit('https://x/{unitCode}')).toBe(true);
    expect(isPerUnit('https://x/{period}', '{"unit": {unitCode}}')).toBe(true);
    expect(isPerUnit('https://x/{period}')).toBe(false);
  });
  it('expands a JSON body with JSON values (a missing quarter is null) and keeps it JSON', () => {
    const body = expandBody(PROFILE_766.bodyTemplate!, month);
    expect(JSON.parse(body)).toMatchObject({ timeType: 'month', year: 2026, quarter: null, month: 9 });
    expect(() => expandBody('{"year": {year}', month)).toThrow(TemplateError);
  });
  it('refuses an unknown placeholder, a non-HTTPS URL, and plain HTTP except to loopback when allowed', () => {
    expect(() => expandUrl('https://x/{secret}', month)).toThrow(/UNKNOWN_PLACEHOLDER/);
    expect(() => checkUrlTemplate('http://example.org/{year}')).toThrow(/URL_NOT_HTTPS/);
    expect(() => checkUrlTemplate('ftp://example.org/')).toThrow(/URL_NOT_HTTPS/);
    expect(() => checkUrlTemplate('not a url')).toThrow(/URL_INVALID/);
    expect(() => checkUrlTemplate('http://127.0.0.1:9/{year}')).toThrow(/URL_NOT_HTTPS/);
    expect(() => checkUrlTemplate('http://127.0.0.1:9/{year}', true)).not.toThrow();
    expect(() => checkUrlTemplate('http://10.0.0.1/{year}', true)).toThrow(/URL_NOT_HTTPS/);
    expect(() => checkUrlTemplate(PROFILE_766.urlTemplate)).not.toThrow();
  });
});

describe('records', () => {
  const body766 = JSON.stringify({
    code: 'OK',
    data: {
      evaluation: [
        {
          departmentId: '019d-1',
          departmentName: 'Sở Tư pháp',
          departmentCode: 'H27.12',
          totalScore: 80.5,
          groupScores: { CKMB: 16, TDGQ: 19.5, CLGQ: 10, TTTT: 8, MDHL: 15, MDSH: 12 },
        },
      ],
    },
  });
  it('reads the records at a path of a JSON response, and fields by a dotted path', () => {
    const r = readJsonRecords(body766, 'data.evaluation');
    expect(r.ok && r.records[0]!.departmentCode).toBe('H27.12');
  });
  it('reports malformed JSON and a path that does not lead to an array', () => {
    expect(readJsonRecords('{"data": [', 'data')).toMatchObject({ ok: false, code: 'MALFORMED_JSON' });
    expect(readJsonRecords(body766, 'data.rows')).toMatchObject({ ok: false, code: 'RECORDS_NOT_FOUND' });
    expect(readJsonRecords('{"data": [1, 2]}', 'data')).toMatchObject({ ok: false, code: 'MALFORMED_JSON' });
  });
  it('reads CSV with quotes, semicolons and a BOM; a ragged row is malformed', () => {
    const r = readCsvRecords('\uFEFFma_don_vi;ten;diem\r\nX01;"Xã ""Mới""; Kỳ Anh";12,5\r\n');
    expect(r).toEqual({ ok: true, records: [{ ma_don_vi: 'X01', ten: 'Xã "Mới"; Kỳ Anh', diem: '12,5' }] });
    expect(readCsvRecords('a,b\n1,2,3\n')).toMatchObject({ ok: false, code: 'MALFORMED_CSV', params: { row: 2 } });
    expect(readCsvRecords('a,b\n"1,2\n')).toMatchObject({ ok: false, code: 'MALFORMED_CSV' });
  });
});

describe('values', () => {
  it('accepts numbers and numeric text (dot or comma), within the range', () => {
    expect(checkValue(12.5, { min: 0, max: 18 })).toEqual({ ok: true, value: 12.5 });
    expect(checkValue('12,5', { min: 0, max: 18 })).toEqual({ ok: true, value: 12.5 });
    expect(checkValue(' 7 ', {})).toEqual({ ok: true, value: 7 });
  });
  it('refuses missing, non-numeric and out-of-range values', () => {
    expect(checkValue(null, {})).toMatchObject({ ok: false, code: 'VALUE_MISSING' });
    expect(checkValue('mười', {})).toMatchObject({ ok: false, code: 'VALUE_NOT_NUMERIC' });
    expect(checkValue(true, {})).toMatchObject({ ok: false, code: 'VALUE_NOT_NUMERIC' });
    expect(checkValue(18.01, { min: 0, max: 18 })).toMatchObject({
      ok: false,
      code: 'VALUE_OUT_OF_RANGE',
      params: { value: 18.01, min: 0, max: 18 },
    });
    expect(checkValue(-1, { min: 0 })).toMatchObject({ ok: false, code: 'VALUE_OUT_OF_RANGE' });
  });
});

describe('mapping records to figures', () => {
  const fields = withProfileRanges('766', [
    { field: 'groupScores.CKMB', itemCode: '3.1', input: 'value' },
    { field: 'groupScores.MDSH', itemCode: '3.2', input: 'value' },
  ]);
  const rec = (code: string, ckmb: unknown, mdsh: unknown = 10) => ({
    departmentCode: code,
    departmentName: `Đơn vị ${code}`,
    groupScores: { CKMB: ckmb, MDSH: mdsh },
  });
  const units = new Map([
    ['H27.01', { unitCode: 'X01' }],
    ['H27.99', { unitCode: null }],
  ]);
  it('the 766 profile has six groups totalling 100 points, and gives a mapped field its range', () => {
    expect(INDEX_766_GROUPS.map((g) => g.max).reduce((a, b) => a + b)).toBe(100);
    expect(fields[0]).toMatchObject({ min: 0, max: 18, label: 'Công khai, minh bạch' });
  });
  it('maps identifiers (explicitly, or by our own code when asked) and fields to item inputs', () => {
    const r = mapRecords([rec('H27.01', 16), rec('X02', 17.5, '21,5'), rec('H27.99', 1)], {
      unitIdField: 'departmentCode',
      unitNameField: 'departmentName',
      units,
      ourCodes: new Set(['X01', 'X02']),
      fields,
    });
    expect(r.problems).toEqual([]);
    expect(r.units.map((u) => [u.sourceUnitId, u.unitCode, u.figures])).toEqual([
      ['H27.01', 'X01', { '3.1': { value: 16 }, '3.2': { value: 10 } }],
      ['X02', 'X02', { '3.1': { value: 17.5 }, '3.2': { value: 21.5 } }],
      ['H27.99', null, {}],
    ]);
  });
  it('lists unknown identifiers with their names and reports them first', () => {
    const r = mapRecords([rec('H27.01', 16), rec('H27.50', 3), rec('H27.51', 3)], {
      unitIdField: 'departmentCode',
      unitNameField: 'departmentName',
      units,
      fields,
    });
    expect(r.unknown).toEqual([
      { sourceUnitId: 'H27.50', sourceUnitName: 'Đơn vị H27.50' },
      { sourceUnitId: 'H27.51', sourceUnitName: 'Đơn vị H27.51' },
    ]);
    expect(r.problems[0]).toEqual({ code: 'UNKNOWN_UNITS', params: { count: 2, examples: 'H27.50, H27.51' } });
  });
  it('reports out-of-range, non-numeric and missing values, records without identifier and duplicates', () => {
    const r = mapRecords([rec('H27.01', 19), rec('H27.01', 1), { groupScores: {} }, rec('X02', 'n/a', null)], {
      unitIdField: 'departmentCode',
      units,
      ourCodes: new Set(['X02']),
      fields,
    });
    expect(r.problems.map((p) => p.code)).toEqual([
      'VALUE_OUT_OF_RANGE',
      'DUPLICATE_UNIT',
      'RECORD_WITHOUT_UNIT',
      'VALUE_NOT_NUMERIC',
      'VALUE_MISSING',
    ]);
    expect(r.problems[0]!.params).toMatchObject({
      sourceUnit: 'H27.01',
      field: 'groupScores.CKMB',
      value: 19,
      max: 18,
    });
    expect(mapRecords([], { unitIdField: 'x', units, fields }).problems).toEqual([{ code: 'NO_RECORDS', params: {} }]);
  });
  it('two identifiers mapped to one unit are a mapping mistake', () => {
    const r = mapRecords([rec('A', 1), rec('B', 1)], {
      unitIdField: 'departmentCode',
      units: new Map([
        ['A', { unitCode: 'X01' }],
        ['B', { unitCode: 'X01' }],
      ]),
      fields,
    });
    expect(unitsMappedTwice(r.units)).toEqual([
      { code: 'UNIT_MAPPED_TWICE', params: { unit: 'X01', sourceUnits: 'A, B' } },
    ]);
  });
});

describe('retries', () => {
  it('waits longer before each attempt, capped', () => {
    expect(retryDelays({ attempts: 4, baseMs: 1000, factor: 3, maxMs: 60_000 })).toEqual([1000, 3000, 9000]);
    expect(retryDelays({ attempts: 6, baseMs: 10_000, factor: 2, maxMs: 50_000 })).toEqual([
      10_000, 20_000, 40_000, 50_000, 50_000,
    ]);
    expect(retryDelays({ attempts: 1, baseMs: 1, factor: 2, maxMs: 1 })).toEqual([]);
  });
  it('retries what may pass next time, never what would give the same answer', () => {
    expect(isRetryable({ code: 'UNREACHABLE' })).toBe(true);
    expect(isRetryable({ code: 'TIMEOUT' })).toBe(true);
    expect(isRetryable({ code: 'HTTP_ERROR', params: { status: 503 } })).toBe(true);
    expect(isRetryable({ code: 'HTTP_ERROR', params: { status: 429 } })).toBe(true);
    expect(isRetryable({ code: 'HTTP_ERROR', params: { status: 404 } })).toBe(false);
    expect(isRetryable({ code: 'MALFORMED_JSON' })).toBe(false);
    expect(isRetryable({ code: 'VALUE_OUT_OF_RANGE' })).toBe(false);
  });
});
