// Properties of the index-set exchange: any valid definition survives export → import (xlsx and YAML)
// unchanged in its canonical form; garbage workbooks and bytes never crash the importer (they come back
// as problems).
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseFrameworkDocument,
  validateFramework,
  type FrameworkDefinition,
  type FrameworkNode,
} from '../../../src/core/framework/index.ts';
import { UNIT_TYPES } from '../../../src/core/org/unit-types.ts';
import { writeFrameworkYaml } from '../../../src/exchange/frameworks/framework-document.ts';
import { normalizeDefinition } from '../../../src/exchange/frameworks/normalize-definition.ts';
import { readFrameworkFile } from '../../../src/exchange/frameworks/read-framework-file.ts';
import { writeFrameworkWorkbook } from '../../../src/exchange/frameworks/write-framework-workbook.ts';
import { arbMethod } from '../framework/arbitraries.ts';

const arbText = fc
  .stringMatching(
    /^[A-Za-z0-9ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚĂĐĨŨƠàáâãèéêìíòóôõùúăđĩũơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ ,.;:()%/\n=+@'-]{1,40}$/,
  )
  .filter((s) => s.trim() !== '');
const arbOptText = fc.option(arbText, { nil: undefined });
const arbPoints = fc.integer({ min: 0, max: 5000 }).map((h) => h / 100);

/** A tree whose codes are numbers under their parent (1, 1.2, 1.2.3); group max = sum of children. */
function arbNodes(depth: number, prefix: string): fc.Arbitrary<FrameworkNode[]> {
  const leaf = (code: string) =>
    fc
      .record({
        title: arbText,
        maxPoints: arbPoints,
        method: fc.option(arbMethod, { nil: undefined }),
        guidance: arbOptText,
        evidence: arbOptText,
        dataSource: arbOptText,
        verifyingUnit: arbOptText,
        domain: arbOptText,
        evidenceRequired: fc.option(fc.boolean(), { nil: undefined }),
      })
      .map((r): FrameworkNode => ({ code, ...r }));
  return fc.integer({ min: 1, max: 4 }).chain((n) =>
    fc.tuple(
      ...Array.from({ length: n }, (_, i) => {
        const code = prefix ? `${prefix}.${i + 1}` : String(i + 1);
        if (depth <= 1) return leaf(code);
        return fc.oneof(
          leaf(code),
          fc.tuple(arbText, arbNodes(depth - 1, code)).map(
            ([title, children]): FrameworkNode => ({
              code,
              title,
              maxPoints: children.reduce((s, c) => s + Math.round(c.maxPoints * 100), 0) / 100,
              children,
            }),
          ),
        );
      }),
    ),
  );
}

const arbDefinition: fc.Arbitrary<FrameworkDefinition> = fc
  .record({
    code: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/),
    name: arbText,
    decision: fc.record({
      number: arbText,
      issuer: arbText,
      date: fc.option(
        fc
          .date({ min: new Date('2000-01-01'), max: new Date('2040-01-01'), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 10)),
        { nil: undefined },
      ),
      title: arbOptText,
      articles: arbOptText,
    }),
    appliesTo: fc.record({
      unitTypes: fc.uniqueArray(fc.constantFrom(...UNIT_TYPES), { minLength: 1, maxLength: 3 }),
      groupName: arbOptText,
    }),
    description: arbOptText,
    notes: arbOptText,
    illustrative: fc.option(fc.boolean(), { nil: undefined }),
    declared: fc.option(fc.record({ mainIndicators: fc.nat(50), subIndicators: fc.nat(500) }, { requiredKeys: [] }), {
      nil: undefined,
    }), // totals must match: a random one would only test refusal
    infoFields: fc.option(
      fc.uniqueArray(
        fc.record({ key: fc.stringMatching(/^[a-z_][a-z0-9_]{0,8}$/), label: arbText, unit: arbOptText }),
        { selector: (f) => f.key, maxLength: 3 },
      ),
      { nil: undefined },
    ),
    rules: fc.option(
      fc.record({
        bands: fc.constant([{ code: 'A', label: 'Tốt', minPercent: 80 }]),
        nonSubmission: fc.constantFrom('lowest_band' as const, 'zero' as const),
        notApplicable: fc.constant('reduce_max' as const),
        appraiser: fc.constant('council' as const),
      }),
      { nil: undefined },
    ),
    nodes: arbNodes(3, ''),
  })
  .map((d) => JSON.parse(JSON.stringify(d)) as FrameworkDefinition);

const RUNS = Number(process.env.FC_RUNS ?? 30);
const plain = (x: unknown) => JSON.parse(JSON.stringify(x));

/** The canonical form of a generated set, or null when its shape is invalid (e.g. a blank option value). */
function canonical(raw: FrameworkDefinition): FrameworkDefinition | null {
  const parsed = parseFrameworkDocument(raw);
  if (!parsed.ok) return null;
  const def = normalizeDefinition(parsed.definition);
  return parseFrameworkDocument(def).ok ? def : null;
}

/** A set without validation errors comes back identical; one with errors is refused with exactly those. */
async function expectRoundTrip(def: FrameworkDefinition, file: Buffer) {
  const back = await readFrameworkFile(file);
  const errors = validateFramework(def).errors;
  if (errors.length > 0) {
    expect(back.ok).toBe(false);
    if (!back.ok)
      expect(
        back.problems
          .filter((p) => p.severity === 'error')
          .map((p) => p.rule)
          .sort(),
      ).toEqual(errors.map((e) => e.code).sort());
    return;
  }
  expect(back.ok ? null : back.problems).toBeNull();
  if (back.ok) expect(plain(back.definition)).toEqual(plain(def));
  identical++;
}
let identical = 0;

describe('framework exchange properties', () => {
  it('xlsx: export → import gives back the identical (canonical) definition', async () => {
    await fc.assert(
      fc.asyncProperty(arbDefinition, async (raw) => {
        const def = canonical(raw);
        fc.pre(def !== null);
        await expectRoundTrip(def!, await writeFrameworkWorkbook(def!));
      }),
      { numRuns: RUNS },
    );
    // Many generated sets have validation errors (random points above max…): make sure the identity
    // itself was exercised, not only refusals.
    expect(identical).toBeGreaterThan(RUNS / 10);
  }, 60_000); // 30 workbooks written and read: seconds on a busy 2-core machine

  it('YAML: export → import gives back the identical definition', async () => {
    await fc.assert(
      fc.asyncProperty(arbDefinition, async (raw) => {
        const def = canonical(raw);
        fc.pre(def !== null);
        await expectRoundTrip(def!, Buffer.from(writeFrameworkYaml(def!)));
      }),
      { numRuns: RUNS },
    );
  });

  it('random workbooks never crash the importer: they come back as problems', async () => {
    const cell = fc.oneof(
      fc.constant(null),
      fc.string({ maxLength: 12 }),
      fc.double({ noNaN: true }),
      fc.constantFrom('STT', 'Chỉ số', 'Điểm tối đa', 'I', '1.', 'a)', '1.1', '-', 'formula constructor', 'steps 4:'),
      fc.boolean(),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 25 }),
        fc.boolean(),
        async (rows, withHeader) => {
          const wb = new ExcelJS.Workbook();
          const sheet = wb.addWorksheet('S');
          if (withHeader)
            sheet.addRow([
              'STT',
              'Chỉ số / Chỉ số thành phần',
              'Điểm tối đa',
              'Cách xác định và tính điểm',
              'Tài liệu kiểm chứng',
              'Nguồn thu thập dữ liệu',
              'Đơn vị phối hợp xác minh',
              'Phương pháp tính điểm',
            ]);
          for (const r of rows) sheet.addRow(r);
          const result = await readFrameworkFile(Buffer.from(await wb.xlsx.writeBuffer()));
          if (!result.ok) expect(result.problems.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('random bytes (and corrupted workbooks) never crash the importer', async () => {
    const base = await writeFrameworkWorkbook(
      normalizeDefinition({
        code: 'x',
        name: 'X',
        decision: { number: '1', issuer: 'U' },
        appliesTo: { unitTypes: ['commune'] },
        nodes: [{ code: '1', title: 'A', maxPoints: 1 }],
      }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 400 }),
        fc.nat(base.length - 1),
        fc.boolean(),
        async (bytes, at, corrupt) => {
          const buf = corrupt
            ? Buffer.concat([base.subarray(0, at), Buffer.from(bytes), base.subarray(at + bytes.length)])
            : Buffer.from(bytes);
          const result = await readFrameworkFile(buf);
          if (!result.ok) expect(result.problems.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
