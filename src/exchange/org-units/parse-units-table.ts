// The organisation import sheet: Mã đơn vị | Tên đơn vị | Loại | Mã đơn vị cấp trên (+ optional dates).
// Turns table rows into validated unit records or a row-by-row list of problems in Vietnamese.
import { UNIT_CODE_PATTERN, UNIT_TYPES, UNIT_TYPE_LABELS, type UnitType } from '../../core/org/unit-types.ts';
import { foldVietnamese, toNfc } from '../../core/text/vietnamese.ts';
import type { UnitImportProblemCode, UserImportProblemCode } from '../../core/imports/index.ts';

import { type TableRow, locateColumns } from '../tabular.ts';

export interface UnitRecord {
  row: number;
  code: string;
  name: string;
  type: UnitType;
  parentCode: string | null;
}

export interface RowProblem {
  row: number;
  column: string;
  /** Stable code (core/imports) and its parameters, worded by the staff app; `message` is Vietnamese. */
  code: UnitImportProblemCode | UserImportProblemCode;
  params?: Record<string, string | number>;
  message: string;
}

export const UNIT_SHEET_COLUMNS = {
  code: { labels: ['ma don vi', 'ma'], required: true },
  name: { labels: ['ten don vi', 'ten'], required: true },
  type: { labels: ['loai', 'loai don vi'], required: true },
  parentCode: { labels: ['ma don vi cap tren', 'ma cap tren', 'don vi cap tren'], required: true },
} as const;

export const UNIT_SHEET_HEADERS = ['Mã đơn vị', 'Tên đơn vị', 'Loại', 'Mã đơn vị cấp trên'];

const TYPE_WORDS: Record<string, UnitType> = {
  tinh: 'province',
  'thanh pho truc thuoc trung uong': 'province',
  so: 'department',
  ban: 'department',
  nganh: 'department',
  'so, ban, nganh': 'department',
  'so ban nganh': 'department',
  'co quan trung uong': 'central_agency',
  huyen: 'district',
  'thi xa': 'district',
  'thanh pho thuoc tinh': 'district',
  quan: 'district',
  xa: 'commune',
  phuong: 'commune',
  'thi tran': 'commune',
  'dac khu': 'commune',
  'don vi su nghiep': 'public_service_unit',
  khac: 'other',
};
for (const t of UNIT_TYPES) {
  TYPE_WORDS[t] = t;
  TYPE_WORDS[foldVietnamese(UNIT_TYPE_LABELS[t])] = t;
}

export function parseUnitType(text: string): UnitType | null {
  return TYPE_WORDS[foldVietnamese(text)] ?? null;
}

/** `codesInFile`: every code a row carries, valid or not, so that the checks against the database (run on
 *  the valid rows in the same report) do not call a parent missing when its own row has a problem. */
export function parseUnitsTable(rows: TableRow[]): {
  records: UnitRecord[];
  problems: RowProblem[];
  codesInFile: Set<string>;
  headerFound: boolean;
} {
  const located = locateColumns(rows, UNIT_SHEET_COLUMNS, foldVietnamese);
  const codesInFile = new Set<string>();
  if (!located) {
    return {
      codesInFile,
      headerFound: false,
      records: [],
      problems: [
        {
          row: rows[0]?.row ?? 1,
          column: '',
          code: 'HEADER_NOT_FOUND',
          params: { columns: UNIT_SHEET_HEADERS.join(' | ') },
          message: `Không tìm thấy dòng tiêu đề với các cột: ${UNIT_SHEET_HEADERS.join(' | ')}.`,
        },
      ],
    };
  }
  const { headerIndex, index } = located;
  const records: UnitRecord[] = [];
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  for (const { row, cells } of rows.slice(headerIndex + 1)) {
    const cell = (i: number) => (i >= 0 ? (cells[i] ?? '') : '');
    const code = cell(index.code).trim();
    const name = toNfc(cell(index.name));
    const typeText = cell(index.type);
    const parentCode = cell(index.parentCode).trim() || null;
    if (!code && !name && !typeText && !parentCode) continue;
    if (code) codesInFile.add(code);
    const before = problems.length;
    if (!code) problems.push({ row, column: 'Mã đơn vị', code: 'REQUIRED', message: 'Thiếu mã đơn vị.' });
    else if (!UNIT_CODE_PATTERN.test(code))
      problems.push({
        row,
        column: 'Mã đơn vị',
        code: 'UNIT_CODE_INVALID',
        params: { value: code.slice(0, 80) },
        message: `Mã "${code.slice(0, 80)}" không hợp lệ (chỉ chữ không dấu, số, . _ -; tối đa 64 ký tự).`,
      });
    else if (seen.has(code))
      problems.push({
        row,
        column: 'Mã đơn vị',
        code: 'DUPLICATE_IN_FILE',
        params: { value: code, firstRow: seen.get(code)! },
        message: `Mã "${code}" bị trùng với dòng ${seen.get(code)}.`,
      });
    if (!name) problems.push({ row, column: 'Tên đơn vị', code: 'REQUIRED', message: 'Thiếu tên đơn vị.' });
    else if (name.length > 300)
      problems.push({
        row,
        column: 'Tên đơn vị',
        code: 'TOO_LONG',
        params: { length: name.length, max: 300 },
        message: `Tên đơn vị dài ${name.length} ký tự, tối đa 300.`,
      });
    const type = parseUnitType(typeText);
    if (!type)
      problems.push({
        row,
        column: 'Loại',
        code: 'UNIT_TYPE_UNKNOWN',
        params: { value: typeText.slice(0, 80) },
        message: `Loại "${typeText.slice(0, 80)}" không hợp lệ (ví dụ: Sở, Huyện, Xã, Phường, Đơn vị sự nghiệp).`,
      });
    if (parentCode && parentCode === code)
      problems.push({
        row,
        column: 'Mã đơn vị cấp trên',
        code: 'PARENT_IS_SELF',
        message: 'Đơn vị không thể là cấp trên của chính nó.',
      });
    if (code && !seen.has(code)) seen.set(code, row);
    if (problems.length === before) records.push({ row, code, name, type: type!, parentCode });
  }
  if (records.length === 0 && problems.length === 0)
    problems.push({
      row: rows[headerIndex]!.row,
      column: '',
      code: 'NO_DATA_ROWS',
      message: 'Bảng không có dòng dữ liệu nào.',
    });
  return { records, problems, codesInFile, headerFound: true };
}
