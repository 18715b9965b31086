// Index-set documents and workbooks for the /frameworks API suites.
import ExcelJS from 'exceljs';
import type { FrameworkDefinition } from '../../src/core/framework/index.ts';

export function sampleDefinition(
  code = 'thu-nghiem-xa',
  overrides: Partial<FrameworkDefinition> = {},
): FrameworkDefinition {
  return {
    code,
    name: 'Bộ chỉ số thử nghiệm cấp xã',
    decision: { number: '123/QĐ-UBND', date: '2024-03-15', issuer: 'UBND tỉnh Thử Nghiệm' },
    appliesTo: { unitTypes: ['commune'] },
    declared: { mainIndicators: 2, subIndicators: 3, totalPoints: 45 },
    nodes: [
      {
        code: '1',
        title: 'Nhận thức số',
        maxPoints: 30,
        children: [
          { code: '1.2', title: 'Ban hành kế hoạch chuyển đổi số năm', maxPoints: 10, method: { kind: 'yesno' } },
          {
            code: '1.1',
            title: 'Số cuộc họp của Ban Chỉ đạo',
            maxPoints: 20,
            method: {
              kind: 'steps',
              input: 'number',
              thresholds: [
                { atLeast: 4, points: 20 },
                { atLeast: 2, points: 10 },
              ],
            },
            evidence: 'Biên bản cuộc họp',
          },
        ],
      },
      {
        code: '2',
        title: 'Dịch vụ công trực tuyến',
        maxPoints: 15,
        children: [
          {
            code: '2.1',
            title: 'Tỷ lệ hồ sơ trực tuyến toàn trình',
            maxPoints: 15,
            method: { kind: 'ratio', zeroDenominator: 'not_applicable' },
          },
        ],
      },
    ],
    ...overrides,
  };
}

export type Row = (string | number | null | ExcelJS.CellValue)[];

export const HEADER = [
  'STT',
  'Chỉ số / Chỉ số thành phần',
  'Điểm tối đa',
  'Cách xác định và tính điểm',
  'Tài liệu kiểm chứng',
  'Nguồn thu thập dữ liệu',
  'Đơn vị phối hợp xác minh',
  'Phương pháp tính điểm',
];

export const INFO_ROWS: Row[] = [
  ['Mã bộ chỉ số', 'phu-luc-xa'],
  ['Tên bộ chỉ số', 'Bộ chỉ số chuyển đổi số cấp xã'],
  ['Số quyết định', '2878/QĐ-UBND'],
  ['Ngày quyết định', '07/11/2023'],
  ['Cơ quan ban hành', 'UBND tỉnh Hà Tĩnh'],
  ['Đối tượng áp dụng', 'Xã/Phường/Thị trấn/Đặc khu'],
];

/** A workbook with an index sheet (optional lines above the header) and, unless null, the info sheet. */
export async function workbook(
  rows: Row[],
  options: { above?: Row[]; info?: Row[] | null; build?: (sheet: ExcelJS.Worksheet) => void } = {},
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Phụ lục III');
  for (const r of options.above ?? []) sheet.addRow(r);
  sheet.addRow(HEADER);
  for (const r of rows) sheet.addRow(r);
  options.build?.(sheet);
  if (options.info !== null) {
    const info = wb.addWorksheet('Thông tin');
    for (const r of options.info ?? INFO_ROWS) info.addRow(r);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A valid appendix of `groups` × `perGroup` leaves (+ group rows), numbered 1, 1.1, 1.2… */
export function appendixRows(groups: number, perGroup: number, pointsPerLeaf = 2): Row[] {
  const rows: Row[] = [];
  for (let g = 1; g <= groups; g++) {
    rows.push([String(g), `Nhóm chỉ số ${g}`, perGroup * pointsPerLeaf, '', '', '', '', '']);
    for (let i = 1; i <= perGroup; i++) {
      rows.push([
        `${g}.${i}`,
        `Chỉ số thành phần ${g}.${i} về ứng dụng công nghệ thông tin`,
        pointsPerLeaf,
        `Hướng dẫn chấm ${g}.${i}`,
        'Văn bản',
        'Báo cáo',
        'Sở TTTT',
        i % 2 ? 'yesno' : 'manual 0.5',
      ]);
    }
  }
  return rows;
}
