// Download names that run code (issue 11, finding 12): the kept and downloaded name ends with the
// extension of the type the bytes are; bidirectional and control characters never reach a name; Office
// files with macros, Java archives and zips of programs are refused at upload with 415, nothing kept.
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evidenceDocuments, storedFiles } from '../../src/db/schema/evidence.ts';
import { createEvidenceTestApp, type EvidenceTestApp } from '../support/evidence-app.ts';
import * as f from '../support/sample-files.ts';

let t: EvidenceTestApp;
const url = () => `/api/v1/units/${t.unit('C1')}/evidence`;
const rows = async () => ({
  files: Number((await t.database.db.select({ n: count() }).from(storedFiles))[0]!.n),
  docs: Number((await t.database.db.select({ n: count() }).from(evidenceDocuments))[0]!.n),
});

beforeAll(async () => {
  t = await createEvidenceTestApp();
});
afterAll(() => t.close());

async function upload(name: string, content: Buffer) {
  return (await t.as('rep_c1')).upload(url(), name, content);
}

/** The name a browser saves the download under (RFC 5987 filename*). */
async function downloadedName(id: string): Promise<string> {
  const res = await (await t.as('rep_c1')).get(`/api/v1/evidence/${id}/download`);
  expect(res.statusCode).toBe(200);
  const header = String(res.headers['content-disposition']);
  return decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(header)![1]!);
}

describe('the name a file is kept and downloaded under', () => {
  it.each([
    ['bien-ban.hta', 'bien-ban.hta.pdf', f.pdf()],
    ['hop-dong.jar', 'hop-dong.jar.pdf', f.pdf()],
    ['Quyết định 12.2024', 'Quyết định 12.2024.pdf', f.pdf()],
    ['anh-hien-truong.JPEG', 'anh-hien-truong.JPEG', f.jpg()],
    ['Báo cáo.PDF', 'Báo cáo.PDF', f.pdf()],
    ['so-lieu.xlsx', 'so-lieu.xlsx.docx', f.docx()],
    ['bao-cao', 'bao-cao.pdf', f.pdf()],
  ])('%s → kept and downloaded as %s (the type of its bytes)', async (name, expected, content) => {
    const res = await upload(name, content);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().fileName).toBe(expected);
    expect(await downloadedName(res.json().id)).toBe(expected);
  });

  it('right-to-left overrides, isolates, marks and control characters are stripped', async () => {
    const res = await upload(
      'hop-dong\u202Efdp.exe\u2066\u2067\u2068\u2069\u200E\u200F\u202A\u202B\u202C\u202D\u0085\u0007',
      f.pdf(),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json().fileName).toBe('hop-dongfdp.exe.pdf');
    const dl = await (await t.as('rep_c1')).get(`/api/v1/evidence/${res.json().id}/download`);
    expect(String(dl.headers['content-disposition'])).not.toMatch(/%E2%80%AE|%E2%81%A[6-9]|%C2%85/i);
  });

  it('a name stored before this rule (with an override, without the type) is made safe at download', async () => {
    const res = await upload('cu.pdf', f.pdf('cũ'));
    await t.database.db
      .update(evidenceDocuments)
      .set({ fileName: 'bien-ban\u202Egpj.hta' })
      .where(eq(evidenceDocuments.id, res.json().id));
    expect(await downloadedName(res.json().id)).toBe('bien-bangpj.hta.pdf');
  });
});

describe('files that carry code are refused at upload', () => {
  const ooxml = (part: string, extra: Record<string, string>) =>
    f.zip({ '[Content_Types].xml': '<Types/>', [`${part}/x.xml`]: '<x/>', ...extra });
  it.each([
    ['a .docm (word/vbaProject.bin)', 'ke-hoach.docm', ooxml('word', { 'word/vbaProject.bin': 'VBA' }), /có macro/],
    [
      'a .docx renamed, with a VBA project',
      'ke-hoach.docx',
      ooxml('word', { 'word/vbaProject.bin': 'VBA' }),
      /có macro/,
    ],
    [
      'an .xlsm (xl/vbaProject.bin)',
      'so-lieu.xlsm',
      ooxml('xl', { 'xl/workbook.xml': '<w/>', 'xl/vbaProject.bin': 'VBA' }),
      /có macro/,
    ],
    [
      'an .xlsx with Excel 4.0 macro sheets',
      'so-lieu.xlsx',
      ooxml('xl', { 'xl/workbook.xml': '<w/>', 'xl/macrosheets/sheet1.xml': '<m/>' }),
      /có macro/,
    ],
    ['a .pptm (ppt/vbaProject.bin)', 'trinh-chieu.pptm', ooxml('ppt', { 'ppt/vbaProject.bin': 'VBA' }), /có macro/],
    [
      'a .doc with a VBA project (OLE "Macros")',
      'cong-van.doc',
      f.ole(['WordDocument', 'Macros', '1Table']),
      /có macro/,
    ],
    [
      'an .xls with a VBA project (OLE "_VBA_PROJECT_CUR")',
      'bang.xls',
      f.ole(['Workbook', '_VBA_PROJECT_CUR']),
      /có macro/,
    ],
    [
      'an .odt with Basic macros',
      'van-ban.odt',
      f.zip({
        mimetype: 'application/vnd.oasis.opendocument.text',
        'content.xml': '<c/>',
        'Basic/Standard/Module1.xml': '<m/>',
      }),
      /có macro/,
    ],
    ['a .jar', 'cong-cu.jar', f.zip({ 'META-INF/MANIFEST.MF': 'Main-Class: A', 'A.class': 'cafebabe' }), /Java/],
    [
      'a .jar renamed .zip',
      'tai-lieu.zip',
      f.zip({ 'META-INF/MANIFEST.MF': 'Main-Class: A', 'A.class': 'cafebabe' }),
      /Java/,
    ],
    ['a zip holding an .exe', 'ho-so.zip', f.zip({ 'bao-cao.pdf': f.pdf(), 'cai-dat.exe': f.exe() }), /"cai-dat\.exe"/],
    ['a zip holding an .hta', 'ho-so.zip', f.zip({ 'xem.hta': '<script>1</script>' }), /"xem\.hta"/],
    ['a zip holding a .docm', 'ho-so.zip', f.zip({ 'thu-muc/ke-hoach.docm': 'PK' }), /"ke-hoach\.docm"/],
    [
      'an HTML application named .hta',
      'bien-ban.hta',
      Buffer.from('<html><script>new ActiveXObject("WScript.Shell")</script>'),
      /không được chấp nhận/,
    ],
  ])('%s → 415 with a clear message, nothing kept', async (_what, name, content, message) => {
    const before = await rows();
    const res = await upload(name, content);
    expect(res.statusCode, res.body).toBe(415);
    expect(res.json().error.code).toBe('UNSUPPORTED_FILE');
    expect(res.json().error.message).toMatch(message);
    expect(await rows()).toEqual(before);
  });

  it('documents without code are still accepted: a .pptx, an .xlsx, a zip of PDFs', async () => {
    for (const [name, content, mime] of [
      [
        'trinh-chieu.pptx',
        f.zip({ '[Content_Types].xml': '<Types/>', 'ppt/presentation.xml': '<p/>' }),
        'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      ],
      ['so-lieu.xlsx', f.xlsx(), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['ho-so.zip', f.plainZip(), 'application/zip'],
    ] as const) {
      const res = await upload(name, content);
      expect(res.statusCode, `${name}: ${res.body}`).toBe(201);
      expect(res.json()).toMatchObject({ fileName: name, mimeType: mime });
    }
  });
});
