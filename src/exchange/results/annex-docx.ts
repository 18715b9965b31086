// The decision annex (phụ lục kèm theo quyết định công bố) as .docx: the administrative-document header
// (issuing body on the left; national motto "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do -
// Hạnh phúc" on the right), the title, a ranking table per group, and the signature block of the
// competent authority ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" when a vice chair signs on the chair's behalf).
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { submissionStatusVi } from '../../core/campaign/submission-status.ts';
import { issuingBodyHeading, issuingBodyInSentence, placeAndDate } from '../../core/text/administrative-names.ts';
import { PROGRESS_HEADERS, isProgressReport, progressCells, progressTitle } from './progress-table.ts';
import { rankingHeaders, scaleColumnValue } from './ranking-xlsx.ts';
import { type ResultScale, formatScaledVi } from '../../core/results/scale.ts';

const indexVi = (v: number | null) => formatScaledVi('index', v);
import { type ExportCampaign, bandLabel, viNumber } from './types.ts';
import { rankTextVi, sharedRanks } from '../../core/results/ties.ts';

export interface AnnexOptions {
  /** e.g. "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH"; defaults to the owner's People's Committee (core/text/administrative-names.ts). */
  issuingBody?: string;
  /** Decision the annex is attached to ("Kèm theo Quyết định số … ngày …"). */
  decisionNumber?: string | null;
  decisionDate?: string | null;
  /** Signer's name; the block prints "(Đã ký)" above it. */
  signerName?: string | null;
  /**
   * The signer's position from the approval record, one line per line of the block (e.g. "KT. CHỦ TỊCH\n
   * PHÓ CHỦ TỊCH", or "CHỦ TỊCH"). Without one (approvals recorded before it was asked): `onBehalf`.
   */
  signerPosition?: string | null;
  /** True (default) when a vice chair signs for the chair: "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH". */
  onBehalf?: boolean;
}

const FONT = 'Times New Roman';
const run = (text: string, o: { bold?: boolean; italics?: boolean; size?: number } = {}) =>
  new TextRun({ text, font: FONT, size: (o.size ?? 13) * 2, bold: o.bold, italics: o.italics });
const para = (
  children: TextRun[],
  align: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.CENTER,
  after = 0,
) => new Paragraph({ children, alignment: align, spacing: { after } });
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

const ddmmyyyy = (iso: string) => iso.split('-').reverse().join('/');

function twoColumns(left: Paragraph[], right: Paragraph[], leftPct = 40): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          new TableCell({ children: left, width: { size: leftPct, type: WidthType.PERCENTAGE } }),
          new TableCell({ children: right, width: { size: 100 - leftPct, type: WidthType.PERCENTAGE } }),
        ],
      }),
    ],
  });
}

const WIDTHS = [8, 28, 10, 10, 9, 10, 9, 16];
const PROGRESS_WIDTHS = [6, 24, 9, 9, 9, 9, 10, 9, 15];

/** A progress round's table: completion and comparisons, no band, no rank (progress-table.ts). */
function progressTable(g: ExportCampaign['groups'][number]): Table {
  const cell = (text: string, i: number, bold = false) =>
    new TableCell({
      width: { size: PROGRESS_WIDTHS[i]!, type: WidthType.PERCENTAGE },
      children: [para([run(text, { bold, size: 11 })], i === 1 && !bold ? AlignmentType.LEFT : AlignmentType.CENTER)],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: PROGRESS_HEADERS.map((h, i) => cell(h, i, true)) }),
      ...g.units.map(
        (u, k) =>
          new TableRow({
            cantSplit: true,
            children: progressCells(u, k + 1).map((v, i) =>
              cell(typeof v === 'number' && i > 0 ? viNumber(v) : v === null ? '—' : String(v), i),
            ),
          }),
      ),
    ],
  });
}

function rankingTable(g: ExportCampaign['groups'][number], scale: ResultScale | undefined): Table {
  const tied = sharedRanks(g.units.map((u) => u.rank)); // ties read "đồng hạng" (issue 14 §3)
  const cell = (text: string, i: number, bold = false) =>
    new TableCell({
      width: { size: WIDTHS[i]!, type: WidthType.PERCENTAGE },
      children: [para([run(text, { bold, size: 12 })], i === 1 && !bold ? AlignmentType.LEFT : AlignmentType.CENTER)],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: rankingHeaders(scale).map((h, i) => cell(h, i, true)) }),
      ...g.units.map(
        (u, k) =>
          new TableRow({
            cantSplit: true,
            children: [
              String(k + 1),
              u.unit.name,
              viNumber(u.selfTotal),
              viNumber(u.finalAfterPenalty),
              scale === 'index' ? indexVi(scaleColumnValue(u, scale)) : viNumber(u.percent),
              bandLabel(u),
              rankTextVi(u.rank, tied),
              submissionStatusVi(u),
            ].map((v, i) => cell(v, i)),
          }),
      ),
    ],
  });
}

export async function writeAnnexDocx(c: ExportCampaign, o: AnnexOptions = {}): Promise<Buffer> {
  const report = isProgressReport(c);
  const issuer = o.issuingBody ?? issuingBodyHeading(c.ownerName);
  const inSentence = issuingBodyInSentence(c.ownerName);
  const header = twoColumns(
    // "ỦY BAN NHÂN DÂN" on its own line, the locality below it, as ND 30 lays the heading out.
    issuer.startsWith('ỦY BAN NHÂN DÂN ')
      ? [
          para([run('ỦY BAN NHÂN DÂN', { bold: true, size: 12 })]),
          para([run(issuer.slice('ỦY BAN NHÂN DÂN '.length), { bold: true, size: 12 })]),
        ]
      : [para([run(issuer, { bold: true, size: 12 })])],
    [
      para([run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 12 })]),
      para([run('Độc lập - Tự do - Hạnh phúc', { bold: true })]),
      ...(o.decisionDate
        ? [para([run(placeAndDate(c.ownerName, o.decisionDate), { italics: true })], AlignmentType.CENTER, 0)]
        : []),
    ],
    38,
  );
  const attached = o.decisionNumber
    ? `(Kèm theo Quyết định số ${o.decisionNumber}${o.decisionDate ? ` ngày ${ddmmyyyy(o.decisionDate)}` : ''} của ${inSentence})`
    : `(Kèm theo Quyết định công bố kết quả của ${inSentence})`;
  const body: (Paragraph | Table)[] = [
    header,
    para([], AlignmentType.CENTER, 240),
    para([run('Phụ lục', { bold: true, size: 14 })]),
    para([
      run(report ? progressTitle(c.year) : `KẾT QUẢ ĐÁNH GIÁ, XẾP HẠNG MỨC ĐỘ CHUYỂN ĐỔI SỐ NĂM ${c.year}`, {
        bold: true,
        size: 14,
      }),
    ]),
    para([run(attached, { italics: true })], AlignmentType.CENTER, 240),
  ];
  c.groups.forEach((g, i) => {
    body.push(
      para(
        [run(`${String.fromCharCode(65 + (i % 26))}. ${g.group.name.toLocaleUpperCase('vi-VN')}`, { bold: true })],
        AlignmentType.LEFT,
        120,
      ),
    );
    body.push(report ? progressTable(g) : rankingTable(g, c.resultScale));
    body.push(para([], AlignmentType.CENTER, 200));
  });
  const onBehalf = o.onBehalf ?? true;
  const positionLines = o.signerPosition?.trim()
    ? o.signerPosition
        .split('\n')
        .map((l) => l.trim().toLocaleUpperCase('vi-VN'))
        .filter(Boolean)
    : onBehalf
      ? ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']
      : ['CHỦ TỊCH'];
  body.push(
    twoColumns(
      [para([])],
      [
        ...positionLines.map((l) => para([run(l, { bold: true })])),
        para([run('(Đã ký)', { italics: true })], AlignmentType.CENTER, 600),
        para([run(o.signerName ?? '', { bold: true })]),
      ],
      50,
    ),
  );
  const doc = new Document({
    creator: 'Thước Đo',
    title: report
      ? `Phụ lục báo cáo tiến độ chuyển đổi số năm ${c.year}`
      : `Phụ lục kết quả đánh giá chuyển đổi số năm ${c.year}`,
    sections: [
      {
        properties: {
          page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 } },
        },
        children: body,
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}
