// What a file really is, from its bytes: the declared name and MIME type are never trusted (an .exe
// renamed .pdf starts with "MZ" and is refused). Accepted: PDF, DOC/XLS (OLE2 compound files, told apart
// by their directory), DOCX/XLSX/PPTX/ODT/ODS/ODP (ZIP packages, told apart by their entries), JPG, PNG
// and plain ZIP; active-content.ts then refuses those that carry macros or programs. Works on
// random-access bytes so it is pure enough to test on in-memory buffers.
import { oleStreamNames } from './sniff-ole.ts';
import { zipEntryNames, zipStoredEntryText } from './sniff-zip.ts';

export interface ByteSource {
  size: number;
  read(offset: number, length: number): Promise<Buffer>;
}

export interface DetectedType {
  mimeType: string;
  /** The usual extension, to name downloads whose stored name lacks one. */
  extension: string;
}

export const MIME = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
  jpg: 'image/jpeg',
  png: 'image/png',
  zip: 'application/zip',
} as const;

/** Types a browser may show inline (preview) without risk of running content. */
export const PREVIEWABLE = new Set<string>([MIME.pdf, MIME.jpg, MIME.png]);

const EXTENSION_OF: Record<string, string> = Object.fromEntries(Object.entries(MIME).map(([ext, mime]) => [mime, ext]));

/** The usual extension of an accepted type ("pdf"); "bin" for anything else. */
export const extensionOf = (mimeType: string): string => EXTENSION_OF[mimeType] ?? 'bin';

const startsWith = (head: Buffer, bytes: number[]) => bytes.every((b, i) => head[i] === b);

export function bufferByteSource(buf: Buffer): ByteSource {
  return { size: buf.length, read: async (offset, length) => buf.subarray(offset, offset + length) };
}

/** The detected type, or null when the content is not an accepted kind. */
export async function sniffContentType(src: ByteSource): Promise<DetectedType | null> {
  const mime = await sniffMime(src);
  return mime ? { mimeType: mime, extension: EXTENSION_OF[mime]! } : null;
}

async function sniffMime(src: ByteSource): Promise<string | null> {
  const head = await src.read(0, 16);
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return MIME.pdf;
  if (startsWith(head, [0xff, 0xd8, 0xff])) return MIME.jpg;
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return MIME.png;
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return oleKind(src);
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) return zipKind(src);
  return null;
}

/** A compound file is a Word document if it has a "WordDocument" stream, a workbook if "Workbook"/"Book";
 *  anything else in that container (installers, presentations, mail) is refused. */
async function oleKind(src: ByteSource): Promise<string | null> {
  const names = await oleStreamNames(src);
  if (names.includes('WordDocument')) return MIME.doc;
  if (names.includes('Workbook') || names.includes('Book')) return MIME.xls;
  return null;
}

async function zipKind(src: ByteSource): Promise<string> {
  const names = await zipEntryNames(src);
  if (names.includes('mimetype')) {
    const declared = (await zipStoredEntryText(src, 'mimetype'))?.trim();
    if (declared === MIME.odt) return MIME.odt;
    if (declared === MIME.ods) return MIME.ods;
    if (declared === MIME.odp) return MIME.odp;
  }
  if (names.includes('[Content_Types].xml')) {
    if (names.some((n) => n.startsWith('word/'))) return MIME.docx;
    if (names.some((n) => n.startsWith('xl/'))) return MIME.xlsx;
    if (names.some((n) => n.startsWith('ppt/'))) return MIME.pptx;
  }
  return MIME.zip;
}
