// Reads the set's metadata (code, name, decision, unit types, declared counts, informational fields,
// rules) from the "Thông tin" sheet — label in column A, value in column B (an informational field:
// key, label, unit in B, C, D) — or, for a real appendix without that sheet, from the lines above the
// header: "Label: value" cells or label/value cell pairs, and the usual "(Kèm theo Quyết định số …
// ngày dd/mm/yyyy của …)" line. Returns a partial document; the schema reports what is missing.
import type ExcelJS from 'exceljs';
import { isUnitType, type UnitType } from '../../core/org/unit-types.ts';
import { foldVietnamese } from '../../core/text/vietnamese.ts';
import { parseUnitType } from '../org-units/parse-units-table.ts';
import { fileError, type FileProblem } from './file-problem.ts';
import type { FrameworkFileProblemCode } from '../../core/framework/index.ts';
import { readCell } from './sheet-cells.ts';
import { type MetaKey, NO_WORDS, YES_WORDS, evidenceRuleOfWord, metaKeyOf } from './workbook-layout.ts';

export interface MetadataResult {
  /** Document fields without `nodes`; values as read (the schema checks them). */
  doc: Record<string, unknown>;
  /** Row where each top-level field (code, name, decision, …) was read, for locating schema problems. */
  rowOf: Map<string, number>;
  problems: FileProblem[];
}

const FIELD_OF: Partial<Record<MetaKey, string>> = {
  code: 'code',
  name: 'name',
  description: 'description',
  notes: 'notes',
  illustrative: 'illustrative',
  decisionNumber: 'decision',
  decisionDate: 'decision',
  issuer: 'decision',
  decisionTitle: 'decision',
  articles: 'decision',
  unitTypes: 'appliesTo',
  groupName: 'appliesTo',
  mainIndicators: 'declared',
  subIndicators: 'declared',
  totalPoints: 'declared',
  infoField: 'infoFields',
  evidenceRule: 'evidenceRule',
  rules: 'rules',
};

/** "07/11/2023", "7/11/2023", "2023-11-07" or a date cell → "2023-11-07"; null when unreadable. */
export function parseDate(text: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (iso) return text;
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (vn) return `${vn[3]}-${vn[2]!.padStart(2, '0')}-${vn[1]!.padStart(2, '0')}`;
  return null;
}

export function parseUnitTypes(text: string): { types: UnitType[]; unknown: string[] } {
  const types: UnitType[] = [];
  const unknown: string[] = [];
  for (const part of text
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    const t = isUnitType(part) ? part : parseUnitType(part);
    if (t) types.push(t);
    else unknown.push(part);
  }
  return { types, unknown };
}

class MetadataBuilder {
  doc: Record<string, unknown> = {};
  rowOf = new Map<string, number>();
  problems: FileProblem[] = [];
  constructor(private sheet: string) {}

  private err(
    row: number,
    message: string,
    rule: FrameworkFileProblemCode,
    params: Record<string, string | number> = {},
  ) {
    this.problems.push(fileError(message, { sheet: this.sheet, row, rule, params }));
  }
  private sub(field: string): Record<string, unknown> {
    return (this.doc[field] ??= {}) as Record<string, unknown>;
  }

  set(key: MetaKey, row: number, value: string, extra: string[] = []): void {
    const field = FIELD_OF[key]!;
    if (!this.rowOf.has(field)) this.rowOf.set(field, row);
    const number = (int: boolean): number | undefined => {
      const n = Number(value.replace(/\s/g, '').replace(',', '.'));
      if (value.trim() === '' || !Number.isFinite(n) || (int && !Number.isInteger(n))) {
        this.err(
          row,
          `Giá trị "${value.slice(0, 40)}" phải là ${int ? 'số nguyên' : 'số'}.`,
          int ? 'INTEGER_EXPECTED' : 'NUMBER_EXPECTED',
          { value: value.slice(0, 40) },
        );
        return undefined;
      }
      return n;
    };
    switch (key) {
      case 'code':
      case 'name':
      case 'description':
      case 'notes':
        this.doc[key] = value;
        return;
      case 'decisionNumber':
        this.sub('decision').number = value;
        return;
      case 'issuer':
        this.sub('decision').issuer = value;
        return;
      case 'decisionTitle':
        this.sub('decision').title = value;
        return;
      case 'articles':
        this.sub('decision').articles = value;
        return;
      case 'decisionDate': {
        const d = parseDate(value);
        if (d) this.sub('decision').date = d;
        else
          this.err(row, `Ngày quyết định "${value.slice(0, 30)}" phải có dạng dd/mm/yyyy.`, 'DATE_INVALID', {
            value: value.slice(0, 30),
          });
        return;
      }
      case 'unitTypes': {
        const { types, unknown } = parseUnitTypes(value);
        if (unknown.length > 0)
          this.err(
            row,
            `Đối tượng áp dụng không nhận ra: ${unknown.map((u) => `"${u.slice(0, 40)}"`).join(', ')} (ví dụ: Sở, ban, ngành; Huyện/Thị xã/Thành phố thuộc tỉnh; Xã/Phường/Thị trấn/Đặc khu).`,
            'UNIT_TYPES_UNKNOWN',
            { values: unknown.map((u) => `"${u.slice(0, 40)}"`).join(', ') },
          );
        this.sub('appliesTo').unitTypes = types;
        return;
      }
      case 'groupName':
        this.sub('appliesTo').groupName = value;
        return;
      case 'illustrative': {
        const f = foldVietnamese(value);
        if (YES_WORDS.includes(f)) this.doc.illustrative = true;
        else if (NO_WORDS.includes(f)) this.doc.illustrative = false;
        else
          this.err(row, `"Bộ chỉ số minh họa" chỉ nhận "Có" hoặc "Không".`, 'YES_NO_EXPECTED', {
            column: 'Bộ chỉ số minh họa',
            value: value.slice(0, 30),
          });
        return;
      }
      case 'mainIndicators':
      case 'subIndicators': {
        const n = number(true);
        if (n !== undefined) this.sub('declared')[key] = n;
        return;
      }
      case 'totalPoints': {
        const n = number(false);
        if (n !== undefined) this.sub('declared').totalPoints = n;
        return;
      }
      case 'infoField': {
        const [label = '', unit = ''] = extra;
        const list = (this.doc.infoFields ??= []) as Record<string, unknown>[];
        list.push({ key: value, label, ...(unit ? { unit } : {}) });
        return;
      }
      case 'evidenceRule': {
        // The set's default (000 Điều 8.4.a): items without their own rule follow it.
        const rule = evidenceRuleOfWord(value);
        if (rule) this.doc.evidenceRule = rule;
        else
          this.err(
            row,
            `"Yêu cầu tài liệu kiểm chứng" chỉ nhận "Bắt buộc", "Tài liệu hoặc giải trình" hoặc "Không yêu cầu" (nhận "${value.slice(0, 30)}").`,
            'EVIDENCE_RULE_UNKNOWN',
            { value: value.slice(0, 30) },
          );
        return;
      }
      case 'rules':
        try {
          this.doc.rules = JSON.parse(value);
        } catch (e) {
          this.err(row, `Quy tắc đánh giá (JSON) không đọc được: ${(e as Error).message}.`, 'RULES_JSON_INVALID');
        }
        return;
    }
  }
}

/** The "Thông tin" sheet: label | value [| more values]. */
export function readInfoSheet(sheet: ExcelJS.Worksheet): MetadataResult {
  const b = new MetadataBuilder(sheet.name);
  const last = Math.min(sheet.rowCount, 500);
  for (let r = 1; r <= last; r++) {
    const label = readCell(sheet, r, 1).text;
    if (!label) continue;
    const key = metaKeyOf(label);
    if (!key) continue; // a title line or a note
    const value = readCell(sheet, r, 2).text;
    if (value === '') continue;
    b.set(key, r, value, [readCell(sheet, r, 3).text, readCell(sheet, r, 4).text]);
  }
  return b;
}

/** Lines above the header of a real appendix. */
export function readMetadataAboveHeader(sheet: ExcelJS.Worksheet, headerRow: number): MetadataResult {
  const b = new MetadataBuilder(sheet.name);
  for (let r = 1; r < headerRow; r++) {
    const width = Math.min(sheet.getRow(r).cellCount, 30);
    for (let c = 1; c <= width; c++) {
      const text = readCell(sheet, r, c).text;
      if (!text) continue;
      const decision =
        /quyết định số\s*([^\s,]+)\s*(?:ngày\s*(\d{1,2}[/.-]\d{1,2}[/.-]\d{4}))?\s*(?:của\s*(.+?))?\s*\)?$/iu.exec(
          text,
        );
      if (decision) {
        b.set('decisionNumber', r, decision[1]!);
        if (decision[2]) b.set('decisionDate', r, decision[2]);
        if (decision[3]) b.set('issuer', r, decision[3].trim());
        continue;
      }
      const colon = text.indexOf(':');
      const pairKey = metaKeyOf(text);
      if (pairKey) {
        const value = readCell(sheet, r, c + 1).text;
        if (value) b.set(pairKey, r, value);
        c++;
      } else if (colon > 0) {
        const key = metaKeyOf(text.slice(0, colon));
        const value = text.slice(colon + 1).trim();
        if (key && value) b.set(key, r, value);
      }
    }
  }
  return b;
}
