// Open data as CSV: UTF-8 with a BOM (so spreadsheet programs read Vietnamese correctly), one row per
// unit × item with Vietnamese headers, RFC 4180 quoting, dot decimals (machine-readable). Produced as
// chunks so 400,000 rows stream without being held in memory. Text that a spreadsheet would read as a
// formula is written inert (formula-injection.ts); numbers stay numbers.
import { isRankedKind } from '../../core/campaign/ranking-applies.ts';
import { submissionStatusVi } from '../../core/campaign/submission-status.ts';
import { neutralizeFormula } from '../formula-injection.ts';
import { type ExportCampaign, breathe } from './types.ts';

export const OPEN_DATA_HEADERS = [
  'Kỳ đánh giá',
  'Năm',
  'Nhóm',
  'Mã đơn vị',
  'Tên đơn vị',
  'Mã chỉ số',
  'Tên chỉ số',
  'Điểm tối đa',
  'Điểm tự chấm',
  'Điểm thẩm định',
  'Không áp dụng',
  'Chỉ số thay thế',
  'Tổng điểm thẩm định',
  'Tỷ lệ %',
  'Xếp loại',
  'Xếp hạng',
  'Tình trạng nộp báo cáo',
] as const;

function cell(v: string | number | boolean | null): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'Có' : 'Không';
  const text = neutralizeFormula(v);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export async function* openDataCsv(c: ExportCampaign, batchRows = 2000): AsyncGenerator<string> {
  // A progress round carries no band and no rank (ranking-applies.ts): the columns stay, empty.
  const ranked = isRankedKind(c.kind);
  let buf = `\uFEFF${OPEN_DATA_HEADERS.map(cell).join(',')}\r\n`;
  let n = 0;
  for (const g of c.groups) {
    for (const u of g.units) {
      for (const i of u.items) {
        const node = g.nodes.get(i.code);
        buf += `${[
          c.name,
          c.year,
          g.group.name,
          u.unit.code,
          u.unit.name,
          i.code,
          node?.title ?? '',
          node?.maxPoints ?? null,
          i.self,
          i.final,
          i.notApplicable,
          i.replacementCode,
          u.finalAfterPenalty,
          u.percent,
          ranked ? (u.band?.label ?? '') : '',
          ranked ? u.rank : null,
          submissionStatusVi(u),
        ]
          .map(cell)
          .join(',')}\r\n`;
        if (++n % batchRows === 0) {
          yield buf;
          buf = '';
          await breathe();
        }
      }
    }
  }
  if (buf) yield buf;
}
