// What users type about a document (số hiệu, ngày, trích yếu, cơ quan ban hành) and the file name the
// browser sent, made safe and canonical: NFC, no path, dates accepted as dd/mm/yyyy or yyyy-mm-dd.
import { z } from 'zod';
import { UNSAFE_NAME_CHARS, nameWithTypeExtension } from '../../infra/storage/file-names.ts';

const optionalText = (max: number) =>
  z
    .string()
    .max(max, `Tối đa ${max} ký tự`)
    .transform((s) => s.normalize('NFC').trim())
    .transform((s) => (s === '' ? null : s))
    .nullish();

/** dd/mm/yyyy (as Vietnamese documents are dated) or ISO yyyy-mm-dd → ISO; an impossible day is refused. */
export function parseDocDate(value: string): string | null {
  const v = value.trim();
  const vi = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  const [y, m, d] = vi
    ? [Number(vi[3]), Number(vi[2]), Number(vi[1])]
    : iso
      ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
      : [];
  if (y === undefined || m === undefined || d === undefined) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || y < 1900 || y > 2200)
    return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const docDateSchema = z
  .string()
  .transform((s, ctx) => {
    if (s.trim() === '') return null;
    const iso = parseDocDate(s);
    if (!iso)
      ctx.addIssue({
        code: 'custom',
        message: 'Ngày văn bản phải có dạng dd/mm/yyyy (ví dụ 05/03/2025) và là ngày có thật',
      });
    return iso;
  })
  .nullish();

export const evidenceMetaSchema = z.object({
  docNumber: optionalText(100),
  docDate: docDateSchema,
  summary: optionalText(2000),
  issuer: optionalText(300),
});

export type EvidenceMeta = z.infer<typeof evidenceMetaSchema>;

export const evidenceUrlSchema = z
  .string()
  .trim()
  .max(2000, 'Đường dẫn quá dài')
  .refine((s) => {
    try {
      const u = new URL(s);
      return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
    } catch {
      return false;
    }
  }, 'Đường dẫn phải là địa chỉ http:// hoặc https:// hợp lệ');

const MAX_NAME = 200;

/** The browser's file name as we keep it: NFC, last path segment only ("../../Quyết định số 12.pdf" →
 *  "Quyết định số 12.pdf"), no control or bidirectional characters, no leading dots, at most 200
 *  characters (keeping the extension). Vietnamese letters are kept as they are. */
export function sanitizeFileName(raw: string, fallback = 'tai-lieu'): string {
  const last = raw.normalize('NFC').replace(UNSAFE_NAME_CHARS, '').split(/[\\/]/).pop() ?? '';
  let name = last.replace(/^[.\s]+/, '').trim();
  if ([...name].length > MAX_NAME) {
    const dot = name.lastIndexOf('.');
    const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
    name =
      [...name.slice(0, name.length - ext.length)]
        .slice(0, MAX_NAME - ext.length)
        .join('')
        .trim() + ext;
  }
  return name || fallback;
}

/** The name an uploaded file is kept, listed and downloaded under: sanitised, and ending with the
 *  extension of the type its bytes are (nameWithTypeExtension: "bien-ban.hta" holding a PDF →
 *  "bien-ban.hta.pdf"). */
export function evidenceFileName(raw: string | null, mimeType: string): string {
  const clean = sanitizeFileName(raw ?? '', '');
  return sanitizeFileName(nameWithTypeExtension(clean || 'tai-lieu', mimeType));
}
