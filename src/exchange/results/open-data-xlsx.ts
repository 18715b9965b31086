// Open data as .xlsx: one sheet per group, one row per unit × item (the CSV's columns less the campaign
// and group, which the sheet already says), written with exceljs's STREAMING writer straight into the
// response so memory stays flat whatever the campaign's size.
import type { Writable } from 'node:stream';
import { excelJs } from '../spreadsheet/exceljs-module.ts';
import { safeRow } from '../formula-injection.ts';
import { isRankedKind } from '../../core/campaign/ranking-applies.ts';
import { submissionStatusVi } from '../../core/campaign/submission-status.ts';
import { OPEN_DATA_HEADERS } from './open-data-csv.ts';
import { type ExportCampaign, breathe, sheetNameFor } from './types.ts';

const COLUMNS = OPEN_DATA_HEADERS.slice(3);
const WIDTHS = [22, 40, 10, 60, 10, 12, 14, 12, 14, 16, 10, 14, 10, 34];

export async function writeOpenDataXlsx(c: ExportCampaign, stream: Writable): Promise<void> {
  // A progress round carries no band and no rank (ranking-applies.ts): the columns stay, empty.
  const ranked = isRankedKind(c.kind);
  const wb = new (await excelJs()).stream.xlsx.WorkbookWriter({ stream, useStyles: false, useSharedStrings: false });
  wb.creator = 'Thước Đo';
  const used = new Set<string>();
  for (const g of c.groups) {
    const ws = wb.addWorksheet(sheetNameFor(g.group.name, used), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = COLUMNS.map((header, i) => ({ header, width: WIDTHS[i] ?? 14 }));
    ws.getRow(1).commit();
    let n = 0;
    for (const u of g.units) {
      for (const i of u.items) {
        const node = g.nodes.get(i.code);
        ws.addRow(
          safeRow([
            u.unit.code,
            u.unit.name,
            i.code,
            node?.title ?? '',
            node?.maxPoints ?? null,
            i.self,
            i.final,
            i.notApplicable ? 'Có' : 'Không',
            i.replacementCode ?? '',
            u.finalAfterPenalty,
            u.percent,
            ranked ? (u.band?.label ?? '') : '',
            ranked ? u.rank : null,
            submissionStatusVi(u),
          ]),
        ).commit();
        if (++n % 2000 === 0) await breathe();
      }
    }
    ws.commit();
  }
  await wb.commit();
}
