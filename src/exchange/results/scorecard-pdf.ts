// A unit's scorecard as PDF (pdfkit): A4, DejaVu Sans embedded — the standard PDF fonts have no
// Vietnamese glyphs — a heading with unit, campaign, totals, band and rank, then every node with max,
// self, final, delta and reason (and the objection's status when the unit objected); the table header is
// repeated on each new page.
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { type Scorecard, fmt, scorecardHeader } from './scorecard-model.ts';
import { issuingBodyHeading } from '../../core/text/administrative-names.ts';

const require = createRequire(import.meta.url);
const FONT_DIR = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const REGULAR = path.join(FONT_DIR, 'DejaVuSans.ttf');
const BOLD = path.join(FONT_DIR, 'DejaVuSans-Bold.ttf');

// Column x offsets and widths (points) inside the 40-pt margins of an A4 page (595 pt wide): 515 in all.
const COLS = [
  { title: 'Mã', w: 42 },
  { title: 'Chỉ số', w: 205 },
  { title: 'Tối đa', w: 42 },
  { title: 'Tự chấm', w: 46 },
  { title: 'Thẩm định', w: 50 },
  { title: 'Chênh lệch', w: 48 },
  { title: 'Lý do', w: 82 },
];
// When the unit objected to some item: a "Kiến nghị" column, the indicator's title narrower.
const COLS_WITH_OBJECTIONS = [
  { title: 'Mã', w: 36 },
  { title: 'Chỉ số', w: 150 },
  { title: 'Tối đa', w: 38 },
  { title: 'Tự chấm', w: 42 },
  { title: 'Thẩm định', w: 46 },
  { title: 'Chênh lệch', w: 45 },
  { title: 'Lý do', w: 80 },
  { title: 'Kiến nghị', w: 78 },
];
const LEFT = 40;
const BOTTOM = 842 - 50;

export function writeScorecardPdf(s: Scorecard): Promise<Buffer> {
  const cols = s.hasObjections ? COLS_WITH_OBJECTIONS : COLS;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 40, left: LEFT, right: 40, bottom: 40 },
    info: { Title: `Phiếu kết quả — ${s.row.unit.name}`, Creator: 'Thước Đo' },
  });
  doc.registerFont('regular', REGULAR);
  doc.registerFont('bold', BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  // The issuing body heads the sheet (Nghị định 30/2020: "ỦY BAN NHÂN DÂN TỈNH …"), then the title.
  doc.font('bold').fontSize(10.5).text(issuingBodyHeading(s.campaign.ownerName), { align: 'center' });
  doc.moveDown(0.4);
  doc
    .font('bold')
    .fontSize(13)
    .text(`PHIẾU KẾT QUẢ ĐÁNH GIÁ CHỈ SỐ CHUYỂN ĐỔI SỐ NĂM ${s.campaign.year}`, { align: 'center' });
  doc.moveDown(0.5);
  doc.font('regular').fontSize(9.5);
  for (const line of scorecardHeader(s)) doc.text(line);
  doc.moveDown(0.6);

  const cells = (values: string[], font: 'regular' | 'bold') => {
    doc.font(font).fontSize(8);
    const heights = values.map((v, i) => doc.heightOfString(v, { width: cols[i]!.w - 4 }));
    const h = Math.max(...heights) + 4;
    if (doc.y + h > BOTTOM) {
      doc.addPage();
      header();
      doc.font(font).fontSize(8);
    }
    const y = doc.y;
    let x = LEFT;
    values.forEach((v, i) => {
      doc.rect(x, y, cols[i]!.w, h).lineWidth(0.4).stroke('#888888');
      doc
        .fillColor('#000000')
        .text(v, x + 2, y + 2, { width: cols[i]!.w - 4, align: i >= 2 && i <= 5 ? 'right' : 'left' });
      x += cols[i]!.w;
    });
    doc.x = LEFT;
    doc.y = y + h;
  };
  const header = () =>
    cells(
      cols.map((c) => c.title),
      'bold',
    );
  header();
  for (const l of s.lines) {
    cells(
      [
        l.code,
        `${' '.repeat(l.depth * 2)}${l.title}`,
        fmt(l.max),
        l.self === null && !l.isItem ? '' : fmt(l.self),
        l.final === null && !l.isItem ? '' : fmt(l.final),
        l.delta === null && !l.isItem ? '' : fmt(l.delta),
        l.reason,
        ...(s.hasObjections ? [l.objection] : []),
      ],
      l.isItem ? 'regular' : 'bold',
    );
  }
  doc.moveDown(1);
  doc
    .font('regular')
    .fontSize(8)
    .text('Điểm thẩm định là điểm do Hội đồng thẩm định quyết định; chênh lệch = điểm thẩm định − điểm tự chấm.', LEFT);
  doc.end();
  return done;
}
