// Looks inside a zip container before exceljs loads it, from the central directory only (no
// decompression): tells a workbook from a Word/PowerPoint file or a damaged zip with a precise
// message, and refuses a file whose declared uncompressed size would exhaust memory (a 20 MB upload
// can inflate to gigabytes). exceljs holds the whole workbook in memory, so this is the guard.
import { looksLikeZip } from '../tabular.ts';

export const MAX_UNCOMPRESSED_BYTES = 120 * 1024 * 1024;
export const MAX_ZIP_ENTRIES = 5000;

export type XlsxInspection = { ok: true; entries: number; uncompressedBytes: number } | { ok: false; message: string; tooLarge?: boolean };

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;

interface ZipEntry {
  name: string;
  uncompressed: number;
}

function readCentralDirectory(buf: Buffer): ZipEntry[] | null {
  // The end-of-central-directory record is within the last 22 + 65,535 (comment) bytes.
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= stop; i--) {
    if (buf.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  let offset = buf.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (offset + 46 > buf.length || buf.readUInt32LE(offset) !== CENTRAL_SIGNATURE) return null;
    const uncompressed = buf.readUInt32LE(offset + 24);
    const nameLength = buf.readUInt16LE(offset + 28);
    const extraLength = buf.readUInt16LE(offset + 30);
    const commentLength = buf.readUInt16LE(offset + 32);
    if (offset + 46 + nameLength > buf.length) return null;
    // 0xFFFFFFFF means the real size is in a zip64 extra field: far beyond any index set, count it as huge.
    entries.push({ name: buf.toString('utf8', offset + 46, offset + 46 + nameLength), uncompressed: uncompressed === 0xffffffff ? Infinity : uncompressed });
    offset += 46 + nameLength + extraLength + commentLength;
    if (entries.length > MAX_ZIP_ENTRIES) break;
  }
  return entries;
}

export function inspectXlsx(buf: Buffer): XlsxInspection {
  if (buf.length === 0) return { ok: false, message: 'Tệp rỗng (0 byte).' };
  if (!looksLikeZip(buf)) return { ok: false, message: 'Tệp không phải bảng tính Excel (.xlsx): nội dung không có cấu trúc của tệp .xlsx.' };
  const entries = readCentralDirectory(buf);
  if (!entries) return { ok: false, message: 'Tệp .xlsx bị hỏng: không đọc được cấu trúc nén (tệp tải lên không trọn vẹn hoặc đã bị sửa).' };
  if (entries.length > MAX_ZIP_ENTRIES) return { ok: false, message: `Tệp có quá nhiều thành phần (trên ${MAX_ZIP_ENTRIES}).`, tooLarge: true };
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('xl/workbook.xml')) {
    if (names.has('word/document.xml')) return { ok: false, message: 'Tệp là văn bản Word (.docx) được đổi tên, không phải bảng tính Excel (.xlsx). Hãy mở phụ lục trong Excel và lưu dạng .xlsx.' };
    if (names.has('ppt/presentation.xml')) return { ok: false, message: 'Tệp là bản trình chiếu PowerPoint (.pptx), không phải bảng tính Excel (.xlsx).' };
    if (names.has('content.xml')) return { ok: false, message: 'Tệp là tài liệu OpenDocument (.ods/.odt); hãy lưu lại dạng Excel (.xlsx).' };
    return { ok: false, message: 'Tệp nén (.zip) không phải bảng tính Excel (.xlsx): thiếu thành phần xl/workbook.xml.' };
  }
  const total = entries.reduce((s, e) => s + e.uncompressed, 0);
  if (total > MAX_UNCOMPRESSED_BYTES) {
    return { ok: false, tooLarge: true, message: `Bảng tính quá lớn khi giải nén (trên ${Math.round(MAX_UNCOMPRESSED_BYTES / 1024 / 1024)} MB); một bộ chỉ số không cần nhiều dữ liệu như vậy. Hãy bỏ các trang tính, hình ảnh không liên quan.` };
  }
  return { ok: true, entries: entries.length, uncompressedBytes: total };
}
