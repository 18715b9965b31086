// Import speed of an index-set workbook: a 500-node appendix (20 groups × 24 items) read from .xlsx,
// checked by the schema and validateFramework (readFrameworkFile: the whole import minus the insert),
// against a baseline of exceljs merely loading the same workbook, measured in the same run.
// Prints one JSON line per measure: {name, meanMs, p95Ms, baselineName, baselineMeanMs, ratio}.
// Target: ≤ 1 s per import. Run: npx tsx bench/framework-import.bench.ts [runs]
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import type { FrameworkDefinition, FrameworkNode } from '../src/core/framework/index.ts';
import { readFrameworkFile } from '../src/exchange/frameworks/read-framework-file.ts';
import { writeFrameworkWorkbook } from '../src/exchange/frameworks/write-framework-workbook.ts';

function buildSet(groups: number, perGroup: number): FrameworkDefinition {
  const nodes: FrameworkNode[] = [];
  for (let g = 1; g <= groups; g++) {
    const children: FrameworkNode[] = [];
    for (let i = 1; i <= perGroup; i++) {
      children.push({
        code: `${g}.${i}`,
        title: `Chỉ số thành phần ${g}.${i}: tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng`,
        maxPoints: 2,
        method:
          i % 3 === 0
            ? { kind: 'yesno' }
            : i % 3 === 1
              ? { kind: 'ratio', zeroDenominator: 'zero' }
              : {
                  kind: 'steps',
                  input: 'number',
                  thresholds: [
                    { atLeast: 4, points: 2 },
                    { atLeast: 2, points: 1 },
                  ],
                },
        guidance: 'Đếm số văn bản ban hành trong kỳ báo cáo; tính theo hướng dẫn của Sở Thông tin và Truyền thông.',
        evidence: 'Danh mục văn bản, đường dẫn',
        dataSource: 'Báo cáo của đơn vị',
        verifyingUnit: 'Sở Nội vụ',
      });
    }
    nodes.push({ code: String(g), title: `Nhóm chỉ số ${g}`, maxPoints: perGroup * 2, children });
  }
  return {
    code: 'bench-500',
    name: 'Bộ chỉ số đo tốc độ',
    decision: { number: '1/QĐ-UBND', issuer: 'UBND tỉnh' },
    appliesTo: { unitTypes: ['commune'] },
    nodes,
  };
}

async function measure(runs: number, f: () => Promise<unknown>): Promise<{ mean: number; p95: number }> {
  for (let i = 0; i < 3; i++) await f(); // warm-up (JIT)
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await f();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return {
    mean: times.reduce((s, t) => s + t, 0) / times.length,
    p95: times[Math.min(times.length - 1, Math.floor(times.length * 0.95))]!,
  };
}

const runs = Number(process.argv[2] ?? 20);
const def = buildSet(20, 24);
const buf = await writeFrameworkWorkbook(def);
const check = await readFrameworkFile(buf);
if (!check.ok) throw new Error(`bench workbook does not import: ${JSON.stringify(check.problems.slice(0, 3))}`);

const baseline = await measure(runs, async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
});
const importing = await measure(runs, () => readFrameworkFile(buf));

const round = (x: number) => Math.round(x * 1000) / 1000;
console.log(
  JSON.stringify({
    name: 'framework-import-xlsx-500-nodes',
    meanMs: round(importing.mean),
    p95Ms: round(importing.p95),
    baselineName: 'exceljs-load-same-workbook',
    baselineMeanMs: round(baseline.mean),
    ratio: Math.round((importing.mean / baseline.mean) * 100) / 100,
    nodes: 500,
    bytes: buf.length,
    targetMs: 1000,
  }),
);
