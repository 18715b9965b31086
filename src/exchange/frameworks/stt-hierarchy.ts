// Derives node codes and the tree from the STT column of a real appendix, where numbering is written
// for people, not machines. Rules:
//  - the label is cleaned: "1." → "1", "a)" / "(a)" → "a", "1.2." → "1.2";
//  - a roman numeral (I, II, IV…) opens a section at the top level; code = the numeral;
//  - a plain number is a main indicator: at the top level, or inside the open section as "<section>.<n>"
//    (so numbering that restarts in every section stays unique);
//  - a dotted label "1.2" / "1.2.3" is a child of the node labelled "1" / "1.2" (the latest row with that
//    label, so it follows a section's renumbering); code = parent's code + "." + last segment;
//  - a single lowercase letter ("a)", "b.") is a child of the nearest numbered node above it;
//  - anything else is reported with its row.
// When the sheet has our "Cấp" (level) column filled (our own exports), the level decides the parent
// and the STT is the code verbatim, so export → import is exact even for codes that do not follow
// their parent's prefix.

export type SttKind = 'roman' | 'number' | 'dotted' | 'letter' | 'explicit';

export interface Placed<T> {
  item: T;
  code: string;
  kind: SttKind;
  depth: number;
}

export type PlaceResult<T> =
  | { ok: true; code: string; parent: Placed<T> | null; placed: Placed<T> }
  | { ok: false; message: string };

const ROMAN = /^[IVXLC]+$/;

export function cleanStt(raw: string): string {
  let s = raw.trim().replace(/\s+/g, '');
  const paren = /^\((.+)\)$/.exec(s);
  if (paren) s = paren[1]!;
  return s.replace(/[.)]+$/, '');
}

export class SttTree<T> {
  private stack: Placed<T>[] = [];
  private byLabel = new Map<string, Placed<T>>();

  /** Explicit level (1 = top): parent is the latest node one level up. */
  placeAtLevel(item: T, code: string, level: number): PlaceResult<T> {
    if (!Number.isInteger(level) || level < 1)
      return { ok: false, message: `Cấp "${level}" phải là số nguyên từ 1 trở lên.` };
    if (level > this.stack.length + 1) {
      return {
        ok: false,
        message: `Cấp ${level} nhưng phía trên không có chỉ số cấp ${level - 1} nào để làm chỉ số cha.`,
      };
    }
    this.stack.length = level - 1;
    return this.push(item, code, 'explicit', code);
  }

  place(item: T, rawStt: string): PlaceResult<T> {
    const label = cleanStt(rawStt);
    if (label === '') return { ok: false, message: `STT "${rawStt}" không đúng dạng.` };
    if (ROMAN.test(label)) {
      this.stack.length = 0;
      return this.push(item, label, 'roman', label);
    }
    if (/^\d{1,4}$/.test(label)) {
      const section = this.stack[0]?.kind === 'roman' ? this.stack[0] : null;
      this.stack.length = section ? 1 : 0;
      return this.push(item, section ? `${section.code}.${Number(label)}` : String(Number(label)), 'number', label);
    }
    if (/^[0-9A-Za-z]{1,6}(\.[0-9A-Za-z]{1,6})+$/.test(label)) {
      const cut = label.lastIndexOf('.');
      const parentLabel = label.slice(0, cut);
      const parent = this.byLabel.get(parentLabel);
      if (!parent) {
        return {
          ok: false,
          message: `STT "${rawStt}": không tìm thấy chỉ số cha "${parentLabel}" ở các dòng phía trên (đánh số bị ngắt quãng hoặc dòng đặt sai thứ tự).`,
        };
      }
      const at = this.stack.indexOf(parent);
      if (at < 0) {
        return {
          ok: false,
          message: `STT "${rawStt}": chỉ số cha "${parentLabel}" đã khép lại ở phía trên; các chỉ số con phải nằm ngay dưới chỉ số cha.`,
        };
      }
      this.stack.length = at + 1;
      return this.push(item, `${parent.code}.${label.slice(cut + 1)}`, 'dotted', label);
    }
    if (/^[a-z]$/.test(label)) {
      while (this.stack.length > 0 && this.stack[this.stack.length - 1]!.kind === 'letter') this.stack.pop();
      const parent = this.stack[this.stack.length - 1];
      if (!parent) return { ok: false, message: `STT "${rawStt}": mục chữ cái phải nằm dưới một chỉ số có số thứ tự.` };
      return this.push(item, `${parent.code}.${label}`, 'letter', label);
    }
    if (label === 'đ')
      return {
        ok: false,
        message: 'STT "đ": mã tiêu chí chỉ dùng chữ cái không dấu; hãy đánh lại các mục chữ cái (a, b, c, d, e…).',
      };
    return { ok: false, message: `STT "${rawStt}" không đúng dạng (ví dụ hợp lệ: I, 1, 1.2, 1.2.3, a)).` };
  }

  private push(item: T, code: string, kind: SttKind, label: string): PlaceResult<T> {
    const parent = this.stack[this.stack.length - 1] ?? null;
    const placed: Placed<T> = { item, code, kind, depth: this.stack.length + 1 };
    this.stack.push(placed);
    this.byLabel.set(label, placed);
    if (label !== code) this.byLabel.set(code, placed);
    return { ok: true, code, parent, placed };
  }
}
