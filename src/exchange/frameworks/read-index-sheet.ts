// Reads the index sheet of an appendix workbook into FrameworkNodes: locates the header row by folded
// text, then reads row by row — blank lines skipped, a "Tổng cộng" row skipped, rows continuing a
// criterion (merged STT/title from the row above, or blank STT and title) appended to its texts — and
// builds the tree from the STT column (stt-hierarchy.ts). Every problem names its row.
import type ExcelJS from 'exceljs';
import { parseMethodNotation, type FrameworkNode } from '../../core/framework/index.ts';
import { foldVietnamese } from '../../core/text/vietnamese.ts';
import { fileError, type FileProblem } from './file-problem.ts';
import type { FrameworkFileProblemCode } from '../../core/framework/index.ts';
import { parsePoints, readCell, type CellRead } from './sheet-cells.ts';
import { SttTree } from './stt-hierarchy.ts';
import {
  COLUMNS,
  type ColumnKey,
  evidenceRuleOfWord,
  MAX_NODES,
  MAX_SHEET_ROWS,
  NO_WORDS,
  YES_WORDS,
  foldHeader,
} from './workbook-layout.ts';

export interface IndexSheetResult {
  nodes: FrameworkNode[];
  /** Row of each node's line, for locating later (schema, validation) problems. */
  rowOf: Map<FrameworkNode, number>;
  headerRow: number;
  problems: FileProblem[];
}

type Columns = Record<ColumnKey, number>;

const TEXT_FIELDS = ['guidance', 'evidence', 'dataSource', 'verifyingUnit'] as const;
const TOTAL_WORDS = ['tong', 'tong cong', 'tong diem', 'tong so', 'cong', 'tong so diem', 'tong diem toi da'];

/** The header row among the first 40: the one naming STT, the title and the points columns. */
export function locateHeader(sheet: ExcelJS.Worksheet): { row: number; columns: Columns } | null {
  const last = Math.min(sheet.rowCount, 40);
  for (let r = 1; r <= last; r++) {
    const columns = Object.fromEntries(COLUMNS.map((c) => [c.key, -1])) as Columns;
    const width = Math.min(sheet.getRow(r).cellCount, 60);
    for (let c = 1; c <= width; c++) {
      const folded = foldHeader(readCell(sheet, r, c).text);
      if (!folded) continue;
      const spec = COLUMNS.find((s) => columns[s.key] < 0 && s.variants.includes(folded));
      if (spec) columns[spec.key] = c;
    }
    if (COLUMNS.every((s) => !s.required || columns[s.key] > 0)) return { row: r, columns };
  }
  return null;
}

interface Pending {
  node: FrameworkNode;
  row: number;
  pointsGiven: boolean;
  children: Pending[];
}

export function readIndexSheet(sheet: ExcelJS.Worksheet, header: { row: number; columns: Columns }): IndexSheetResult {
  const sheetName = sheet.name;
  const problems: FileProblem[] = [];
  // Each problem with its rule code and parameters (core/framework FRAMEWORK_FILE_PROBLEM_CODES).
  const err = (
    row: number,
    rule: FrameworkFileProblemCode,
    params: Record<string, string | number>,
    message: string,
    code?: string,
  ) => problems.push(fileError(message, { sheet: sheetName, row, ...(code ? { code } : {}), rule, params }));
  const tree = new SttTree<Pending>();
  const roots: Pending[] = [];
  const codeRow = new Map<string, { row: number; numeric: boolean }>();
  let last: Pending | null = null;
  let count = 0;
  const cols = header.columns;

  const lastRow = sheet.rowCount;
  if (lastRow - header.row > MAX_SHEET_ROWS) {
    err(
      lastRow,
      'SHEET_TOO_MANY_ROWS',
      { rows: lastRow - header.row, max: MAX_SHEET_ROWS },
      `Trang tính có ${lastRow - header.row} dòng dưới tiêu đề, vượt giới hạn ${MAX_SHEET_ROWS} dòng. Hãy xóa các dòng thừa.`,
    );
    return { nodes: [], rowOf: new Map(), headerRow: header.row, problems };
  }

  for (let r = header.row + 1; r <= lastRow; r++) {
    const cell = (k: ColumnKey): CellRead => readCell(sheet, r, cols[k]);
    const read = Object.fromEntries(COLUMNS.map((c) => [c.key, cell(c.key)])) as Record<ColumnKey, CellRead>;
    for (const spec of COLUMNS) {
      if (read[spec.key].uncalculated)
        err(
          r,
          'FORMULA_NOT_CALCULATED',
          { column: spec.header },
          `Cột "${spec.header}" có công thức chưa được tính (không có giá trị lưu sẵn); hãy mở tệp bằng Excel và lưu lại.`,
        );
    }
    const stt = read.stt.text;
    const title = read.title.text;
    const texts = TEXT_FIELDS.map((k) => read[k].text);
    const anyOther = texts.some(Boolean) || read.maxPoints.text !== '' || read.method.text !== '';
    if (!stt && !title && !anyOther) continue; // blank line (or the rest of a merged block)

    const continues = (read.stt.mergedFromAbove || !stt) && (read.title.mergedFromAbove || !title);
    if (continues) {
      if (!last) {
        err(r, 'ROW_WITHOUT_ITEM', {}, 'Dòng có nội dung nhưng không thuộc chỉ số nào (thiếu STT và tên chỉ số).');
        continue;
      }
      if (read.maxPoints.text || read.method.text) {
        err(
          r,
          'CONTINUATION_WITH_POINTS',
          { node: last.node.code },
          `Dòng tiếp nối của chỉ số ${last.node.code} không được ghi điểm hoặc phương pháp tính điểm riêng; hãy gộp vào dòng của chỉ số.`,
          last.node.code,
        );
      }
      TEXT_FIELDS.forEach((k, i) => {
        const t = texts[i]!;
        if (t) last!.node[k] = last!.node[k] ? `${last!.node[k]}\n${t}` : t;
      });
      continue;
    }
    if (!stt) {
      const folded = foldVietnamese(title).replace(/[:.]+$/, '');
      if (TOTAL_WORDS.includes(folded) || folded.startsWith('ghi chu') || folded.startsWith('luu y')) continue;
      err(r, 'STT_MISSING', { title: title.slice(0, 80) }, `Thiếu STT cho "${title.slice(0, 80)}".`);
      continue;
    }
    if (/^[-+•–*]$/.test(stt.trim())) {
      // A bullet line lists content of the criterion above, not a criterion of its own.
      if (last && !read.maxPoints.text && !read.method.text) {
        last.node.guidance = [last.node.guidance, `${stt.trim()} ${title}`.trim(), ...texts.filter(Boolean)]
          .filter(Boolean)
          .join('\n');
      } else
        err(
          r,
          'BULLET_WITH_POINTS',
          { title: title.slice(0, 60) },
          `Dòng gạch đầu dòng "${title.slice(0, 60)}" có điểm riêng; hãy đánh số cho nó (ví dụ 1.1, a)).`,
        );
      continue;
    }
    if (++count > MAX_NODES) {
      err(r, 'TOO_MANY_ITEMS', { max: MAX_NODES }, `Bộ chỉ số có quá ${MAX_NODES} chỉ số; không thể nhập.`);
      break;
    }

    const node: FrameworkNode = { code: '', title, maxPoints: 0 };
    const pending: Pending = { node, row: r, pointsGiven: false, children: [] };
    const levelText = read.level.text;
    const placed = levelText ? tree.placeAtLevel(pending, stt.trim(), Number(levelText)) : tree.place(pending, stt);
    if (!placed.ok) {
      err(r, 'STT_NOT_PLACED', { stt: stt.trim().slice(0, 40) }, placed.message);
      continue;
    }
    node.code = placed.code;
    const seen = codeRow.get(placed.code);
    if (seen) {
      const hint =
        seen.numeric || read.stt.number !== null
          ? ' (ô STT kiểu số làm "1.10" thành "1.1": hãy định dạng cột STT là văn bản)'
          : '';
      err(
        r,
        'STT_DUPLICATE',
        { node: placed.code, firstRow: seen.row },
        `Mã ${placed.code} bị trùng với dòng ${seen.row}${hint}.`,
        placed.code,
      );
      continue;
    }
    codeRow.set(placed.code, { row: r, numeric: read.stt.number !== null });
    (placed.parent ? placed.parent.item.children : roots).push(pending);
    last = pending;

    if (!title) err(r, 'TITLE_MISSING', {}, 'Thiếu tên chỉ số.', node.code);
    const points = parsePoints(read.maxPoints);
    if (points === null) pending.pointsGiven = false;
    else if (Number.isNaN(points))
      err(
        r,
        'MAX_POINTS_NOT_NUMBER',
        { value: read.maxPoints.text.slice(0, 40) },
        `Điểm tối đa "${read.maxPoints.text.slice(0, 40)}" không phải là số.`,
        node.code,
      );
    else if (points < 0)
      err(r, 'MAX_POINTS_NEGATIVE', { value: points }, `Điểm tối đa không được âm (${points}).`, node.code);
    else {
      node.maxPoints = points;
      pending.pointsGiven = true;
    }
    TEXT_FIELDS.forEach((k, i) => {
      if (texts[i]) node[k] = texts[i]!;
    });
    if (read.method.text) {
      const parsed = parseMethodNotation(read.method.text);
      if (parsed.ok) node.method = parsed.method;
      else
        err(
          r,
          'METHOD_NOTATION_INVALID',
          { text: read.method.text.slice(0, 60), position: parsed.position },
          `Phương pháp tính điểm "${read.method.text.slice(0, 60)}": ${parsed.message}`,
          node.code,
        );
    }
    const req = foldVietnamese(read.evidenceRequired.text);
    if (req) {
      if (YES_WORDS.includes(req)) node.evidenceRequired = true;
      else if (NO_WORDS.includes(req)) node.evidenceRequired = false;
      else
        err(
          r,
          'YES_NO_EXPECTED',
          { column: 'Bắt buộc minh chứng', value: read.evidenceRequired.text.slice(0, 30) },
          `Cột "Bắt buộc minh chứng" chỉ nhận "Có" hoặc "Không" (nhận "${read.evidenceRequired.text.slice(0, 30)}").`,
          node.code,
        );
    }
    const ruleText = foldVietnamese(read.evidenceRule.text);
    if (ruleText) {
      const rule = evidenceRuleOfWord(ruleText);
      if (rule) node.evidenceRule = rule;
      else
        err(
          r,
          'EVIDENCE_RULE_UNKNOWN',
          { value: read.evidenceRule.text.slice(0, 30) },
          `Cột "Yêu cầu tài liệu kiểm chứng" chỉ nhận "Bắt buộc", "Tài liệu hoặc giải trình" hoặc "Không yêu cầu" (nhận "${read.evidenceRule.text.slice(0, 30)}").`,
          node.code,
        );
    }
    if (read.domain.text) node.domain = read.domain.text;
    const na = foldVietnamese(read.notApplicableAllowed.text);
    if (na) {
      if (YES_WORDS.includes(na)) node.notApplicableAllowed = true;
      else if (NO_WORDS.includes(na)) node.notApplicableAllowed = false;
      else
        err(
          r,
          'YES_NO_EXPECTED',
          { column: 'Cho phép không áp dụng', value: read.notApplicableAllowed.text.slice(0, 30) },
          `Cột "Cho phép không áp dụng" chỉ nhận "Có" hoặc "Không" (nhận "${read.notApplicableAllowed.text.slice(0, 30)}").`,
          node.code,
        );
    }
    if (read.automaticSource.text) node.automaticSource = read.automaticSource.text;
  }

  const rowOf = new Map<FrameworkNode, number>();
  const finish = (list: Pending[]): FrameworkNode[] =>
    list.map((p) => {
      rowOf.set(p.node, p.row);
      if (p.children.length > 0) {
        p.node.children = finish(p.children);
        // A group row without points (a section heading) is worth the sum of its children.
        if (!p.pointsGiven)
          p.node.maxPoints = p.node.children.reduce((s, c) => s + Math.round(c.maxPoints * 100), 0) / 100;
      } else if (!p.pointsGiven && !problems.some((x) => x.row === p.row)) {
        err(p.row, 'MAX_POINTS_MISSING', {}, 'Thiếu điểm tối đa.', p.node.code);
      }
      return p.node;
    });
  const nodes = finish(roots);
  if (nodes.length === 0 && problems.length === 0)
    err(header.row, 'NO_ITEMS', {}, 'Bảng không có chỉ số nào dưới dòng tiêu đề.');
  return { nodes, rowOf, headerRow: header.row, problems };
}
