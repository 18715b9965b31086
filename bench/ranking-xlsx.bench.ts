// Official ranking .xlsx for a 4,000-unit group (100 items each, from a snapshot view): time and RSS
// rise while the STREAMING writer sends the workbook to a discarding sink. Baseline from the same run:
// exceljs's streaming writer with 4,000 plain rows of the same seven columns (no styles, no title rows).
// Also measured: the open-data workbook (one row per unit × item: 400,000 rows), the heavy streaming case.
// Run: npx tsx bench/ranking-xlsx.bench.ts [runs]
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { writeOpenDataXlsx } from '../src/exchange/results/open-data-xlsx.ts';
import { writeRankingXlsx } from '../src/exchange/results/ranking-xlsx.ts';
import { buildSnapshotView, exportCampaignOf } from '../src/app/publication/snapshot-view.ts';
import { report, timeRuns } from './lib/stats.ts';
import { syntheticPayload } from './lib/synthetic-results.ts';

const runs = Number(process.argv[2] ?? 5);
const campaign = exportCampaignOf(buildSnapshotView('bench', syntheticPayload(4000)));
const sink = () => {
  let bytes = 0;
  const w = new Writable({
    write(chunk: Buffer, _enc, cb) {
      bytes += chunk.length;
      cb();
    },
  });
  return { w, bytes: () => bytes };
};

/** Runs fn, sampling every 20 ms; the peak rise of RSS and of the JS heap over their values at the start (MB). */
async function rssRise(fn: () => Promise<unknown>): Promise<string> {
  global.gc?.();
  const m0 = process.memoryUsage();
  let rss = m0.rss;
  let heap = m0.heapUsed;
  const sample = () => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  };
  const timer = setInterval(sample, 20);
  await fn();
  clearInterval(timer);
  sample();
  return `RSS +${((rss - m0.rss) / 1e6).toFixed(0)} MB, heap +${((heap - m0.heapUsed) / 1e6).toFixed(0)} MB`;
}

async function ranking() {
  const s = sink();
  await writeRankingXlsx(campaign, s.w);
  return s.bytes();
}
async function plain() {
  const s = sink();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: s.w, useStyles: false, useSharedStrings: false });
  const ws = wb.addWorksheet('Nhóm');
  for (const u of campaign.groups[0]!.units)
    ws.addRow([u.rank, u.unit.name, u.selfTotal, u.finalAfterPenalty, u.percent, u.band?.label ?? '', u.rank]).commit();
  ws.commit();
  await wb.commit();
  return s.bytes();
}
async function openData() {
  const s = sink();
  await writeOpenDataXlsx(campaign, s.w);
  return s.bytes();
}

// RSS on the first run of each (nothing warmed up yet), then timing.
const plainRss = await rssRise(plain);
const rankingRss = await rssRise(ranking);
const r = await timeRuns(runs, ranking);
const b = await timeRuns(runs, plain);
report({
  name: 'ranking .xlsx 4,000 units (streaming, styled, print setup)',
  meanMs: r.meanMs,
  p95Ms: r.p95Ms,
  baselineName: 'exceljs streaming, 4,000 plain rows',
  baselineMeanMs: b.meanMs,
  targetMs: 5000,
  note: `${rankingRss} (baseline ${plainRss})`,
});
const openRss = await rssRise(openData);
const o = await timeRuns(Math.min(runs, 2), openData);
report({
  name: 'open-data .xlsx 4,000 × 100 = 400,000 rows (streaming)',
  meanMs: o.meanMs,
  p95Ms: o.p95Ms,
  baselineName: 'exceljs streaming, 4,000 plain rows',
  baselineMeanMs: b.meanMs,
  note: openRss,
});
