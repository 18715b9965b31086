// Content sniffing: the type comes from the bytes, never from the name.
import { describe, expect, it } from 'vitest';
import { MIME, bufferByteSource, sniffContentType } from '../../../src/infra/storage/sniff.ts';
import * as f from '../../support/sample-files.ts';

const sniff = async (buf: Buffer) => (await sniffContentType(bufferByteSource(buf)))?.mimeType ?? null;

describe('sniffContentType', () => {
  it.each([
    ['PDF', f.pdf(), MIME.pdf],
    ['PNG', f.png(), MIME.png],
    ['JPG', f.jpg(), MIME.jpg],
    ['DOCX', f.docx(), MIME.docx],
    ['XLSX', f.xlsx(), MIME.xlsx],
    ['ODT', f.odt(), MIME.odt],
    ['ODS', f.ods(), MIME.ods],
    ['PPTX', f.zip({ '[Content_Types].xml': '<Types/>', 'ppt/presentation.xml': '<p/>' }), MIME.pptx],
    ['ODP', f.zip({ mimetype: 'application/vnd.oasis.opendocument.presentation', 'content.xml': '<c/>' }), MIME.odp],
    ['plain ZIP', f.plainZip(), MIME.zip],
    ['DOC (OLE2 with WordDocument)', f.doc(), MIME.doc],
    ['XLS (OLE2 with Workbook)', f.xls(), MIME.xls],
  ])('recognises %s', async (_name, buf, mime) => {
    expect(await sniff(buf)).toBe(mime);
  });

  it.each([
    ['an .exe (MZ header)', f.exe()],
    ['an MSI installer (OLE2 without a document stream)', f.msi()],
    ['plain text', Buffer.from('Quyết định số 12')],
    ['HTML pretending to be a PDF', Buffer.from('<html><script>alert(1)</script>')],
    ['a PDF signature not at the start', Buffer.concat([Buffer.from('xx'), f.pdf()])],
    ['an empty buffer', Buffer.alloc(0)],
    ['a truncated PNG signature', Buffer.from([0x89, 0x50, 0x4e])],
  ])('refuses %s', async (_name, buf) => {
    expect(await sniff(buf)).toBeNull();
  });

  it('finds the OOXML markers from the local headers even when the central directory is damaged', async () => {
    const buf = f.docx();
    expect(await sniff(buf.subarray(0, buf.length - 22))).toBe(MIME.docx);
  });

  it('finds the markers in the central directory when they are not among the first entries', async () => {
    const entries: Record<string, string> = {};
    for (let i = 0; i < 80; i++) entries[`customXml/item${i}.xml`] = '<x/>';
    entries['[Content_Types].xml'] = '<Types/>';
    entries['xl/workbook.xml'] = '<workbook/>';
    expect(await sniff(f.zip(entries))).toBe(MIME.xlsx);
  });

  it('does not take a mimetype entry claiming ODF text for anything but that exact value', async () => {
    expect(await sniff(f.zip({ mimetype: 'application/x-msdownload' }))).toBe(MIME.zip);
  });

  it('survives garbage after an OLE2 or ZIP signature (refuses, never throws)', async () => {
    const oleGarbage = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(600, 0xff)]);
    expect(await sniff(oleGarbage)).toBeNull();
    const zipGarbage = Buffer.concat([Buffer.from('504b0304', 'hex'), Buffer.alloc(40, 0xff)]);
    expect(await sniff(zipGarbage)).toBe(MIME.zip);
  });
});
