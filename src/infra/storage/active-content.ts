// Evidence is read by council members on their own machines, so a document that can run code is refused
// at upload (415), whatever its name: Office files with VBA macros (.docm/.xlsm/.pptm, or .doc/.xls with
// a VBA project), Excel 4.0 macro sheets, OpenDocument files with Basic or scripts, Java archives, and
// zip archives holding programs or macro-enabled files. Read from the package's directory only (entry
// names, OLE storage names): cheap, and bounded like the sniffing it follows.
import { UNSAFE_NAME_CHARS } from './file-names.ts';
import { oleStreamNames } from './sniff-ole.ts';
import { MIME, type ByteSource } from './sniff.ts';
import { zipEntryNames } from './sniff-zip.ts';

const MACROS =
  'Tệp Office có macro (VBA hoặc macro Excel 4.0) hoặc mã lệnh không được nhận làm tài liệu kiểm chứng, vì macro có thể chạy trên máy người mở. Hãy lưu lại dạng không có macro (.docx, .xlsx, .pptx) hoặc PDF rồi tải lên.';
const JAVA = 'Tệp là chương trình Java (.jar), không phải tài liệu; không được nhận làm tài liệu kiểm chứng.';

/** Storages of a VBA project in an OLE2 document (Word: "Macros", Excel: "_VBA_PROJECT_CUR"). */
const OLE_MACRO_STORAGES = new Set(['Macros', '_VBA_PROJECT_CUR', 'VBA', '_VBA_PROJECT']);

/** Programs, scripts, shortcuts, disk images and macro-enabled Office files, by extension. */
const RUNNABLE =
  /\.(exe|com|scr|pif|bat|cmd|hta|jar|jnlp|msi|msp|msix|appx|appxbundle|vbs|vbe|js|jse|wsf|wsh|ps1|psm1|psd1|lnk|url|scf|reg|cpl|dll|sys|application|appref-ms|gadget|iso|img|vhd|vhdx|docm|dotm|xlsm|xltm|xlsb|xlam|xla|pptm|potm|ppam|ppsm|sldm)$/i;

const ZIP_TYPES = new Set<string>([MIME.docx, MIME.xlsx, MIME.pptx, MIME.odt, MIME.ods, MIME.odp, MIME.zip]);
const ODF_TYPES = new Set<string>([MIME.odt, MIME.ods, MIME.odp]);

/** Why a file of the sniffed type is refused as carrying code (a Vietnamese sentence), or null. */
export async function activeContentReason(src: ByteSource, mimeType: string): Promise<string | null> {
  if (mimeType === MIME.doc || mimeType === MIME.xls) {
    return (await oleStreamNames(src)).some((n) => OLE_MACRO_STORAGES.has(n)) ? MACROS : null;
  }
  if (!ZIP_TYPES.has(mimeType)) return null;
  const names = await zipEntryNames(src);
  if (names.some((n) => /(^|\/)vbaProject\.bin$/i.test(n) || /^xl\/macrosheets\//i.test(n))) return MACROS;
  if (ODF_TYPES.has(mimeType) && names.some((n) => /^(Basic|Scripts)\//.test(n))) return MACROS;
  if (mimeType === MIME.zip && names.includes('META-INF/MANIFEST.MF')) return JAVA;
  const runnable = names.find((n) => RUNNABLE.test(n));
  if (runnable) {
    const shown = runnable.split('/').pop()!.replace(UNSAFE_NAME_CHARS, '').slice(0, 80);
    return `Tệp nén chứa "${shown}" là chương trình, lối tắt hoặc tệp Office có macro; không được nhận. Hãy chỉ nén các tài liệu (PDF, Word, Excel, ảnh).`;
  }
  return null;
}
