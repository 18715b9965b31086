// The official ranking workbook: one sheet per group (names made valid and unique), the title rows,
// the seven official columns on row 5, units in the given ranking order with Vietnamese bands, "—" for
// a unit without a rank, and the print setup (A4, fit to width, header row repeated).
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { RANKING_HEADERS, writeRankingXlsx } from '../../../src/exchange/results/ranking-xlsx.ts';
import type { ExportCampaign, ExportUnitRow } from '../../../src/exchange/results/types.ts';
import { sheetNameFor } from '../../../src/exchange/results/types.ts';

const row = (
  code: string,
  name: string,
  finalAfterPenalty: number,
  percent: number | null,
  band: string | null,
  rank: number | null,
): ExportUnitRow => ({
  unit: { id: code, code, name },
  selfTotal: finalAfterPenalty + 5,
  finalTotal: finalAfterPenalty,
  penaltyPoints: 0,
  finalAfterPenalty,
  applicableMax: 100,
  percent,
  band: band ? { code: band, label: band } : null,
  rank,
  timing: 'on_time',
  submitted: true,
  lowestBandReason: null,
  items: [],
});

const campaign: ExportCampaign = {
  name: 'Đánh giá DTI năm 2025',
  kind: 'annual',
  year: 2025,
  ownerName: 'Ủy ban nhân dân tỉnh Hà Tĩnh',
  groups: [
    {
      group: { id: 'g1', name: 'UBND cấp xã: phường/thị trấn [nhóm 1]' },
      nodes: new Map(),
      units: [
        row('X1', 'Xã Cẩm Bình', 91.5, 91.5, 'Tốt', 1),
        { ...row('X2', 'Xã Thiên Cầm', 70, 70, 'Khá', 2), timing: 'late', daysLate: 3, penaltyPoints: 10 },
        { ...row('X3', 'Xã Yên Hòa', 0, null, null, null), timing: 'not_submitted', submitted: false },
      ],
    },
    {
      group: { id: 'g2', name: 'Sở, ban, ngành' },
      nodes: new Map(),
      units: [row('S1', 'Sở Tư pháp', 88.25, 88.25, 'Khá', 1)],
    },
  ],
};

async function workbook(): Promise<ExcelJS.Workbook> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const progress: number[] = [];
  await writeRankingXlsx(campaign, out, (done) => void progress.push(done));
  expect(progress.at(-1)).toBe(4);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  return wb;
}

describe('ranking workbook', () => {
  it('one sheet per group, names valid for Excel', async () => {
    const wb = await workbook();
    expect(wb.worksheets.map((w) => w.name)).toEqual(['UBND cấp xã  phường thị trấn  n', 'Sở, ban, ngành']);
  });

  it('title rows, the official header on row 5, units in ranking order', async () => {
    const ws = (await workbook()).worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('KẾT QUẢ ĐÁNH GIÁ, XẾP HẠNG MỨC ĐỘ CHUYỂN ĐỔI SỐ NĂM 2025');
    expect(ws.getCell('A2').value).toBe('Nhóm: UBND cấp xã: phường/thị trấn [nhóm 1]');
    expect(String(ws.getCell('A3').value)).toContain('Ủy ban nhân dân tỉnh Hà Tĩnh');
    expect((ws.getRow(5).values as unknown[]).slice(1)).toEqual([...RANKING_HEADERS]);
    expect((ws.getRow(6).values as unknown[]).slice(1)).toEqual([
      1,
      'Xã Cẩm Bình',
      96.5,
      91.5,
      91.5,
      'Tốt',
      1,
      'Đúng hạn',
    ]);
    expect((ws.getRow(7).values as unknown[]).slice(1)).toEqual([
      2,
      'Xã Thiên Cầm',
      75,
      70,
      70,
      'Khá',
      2,
      'Nộp muộn 3 ngày, trừ 10 điểm',
    ]);
    expect((ws.getRow(8).values as unknown[]).slice(1, 2)).toEqual([3]);
    expect(ws.getRow(8).getCell(6).value).toBe('Không xếp loại');
    expect(ws.getRow(8).getCell(7).value).toBe('—');
    // A non-submitter says so, not just "0 … Yếu" (issue 14 §3).
    expect(ws.getRow(8).getCell(8).value).toBe('Không nộp');
    expect(ws.getCell('D6').numFmt).toBe('0.00');
  });

  it('print-ready: A4 portrait, one page wide, header row repeated', async () => {
    const ws = (await workbook()).worksheets[1]!;
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '5:5',
    });
  });

  it('sheet names stay unique after truncation', () => {
    const used = new Set<string>();
    const long = 'Ủy ban nhân dân các xã thuộc huyện miền núi phía tây';
    expect([sheetNameFor(long, used), sheetNameFor(long, used)].map((n) => n.length <= 31)).toEqual([true, true]);
    expect(used.size).toBe(2);
  });
});
