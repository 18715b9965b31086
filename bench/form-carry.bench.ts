// A save carried over the form's kept items, then the load that follows it (decision 0029), in memory:
// the deadline day's load is mostly of a form its own process has just saved, so its items come from the
// carried copy and its progress figures, stale in the database after the save, are computed from them.
// The figure: the carry (patchedFormItems: the item's JSON spliced in, each item's entry and part of the
// figures by its place) and the figures read once, scoring again only the saved item's part
// (progressOfItems over the kept parts, assessment-progress.ts). The baseline, in the same run and on the
// same saves: the same splice, with the figures computed from every item's entry (assessmentProgressOf,
// what a load computed before 12/2026: a hundred items scored for each load after a save).
// One 100-item set of the national fixture, every item saved with the fixture's inputs.
// Run: npx tsx bench/form-carry.bench.ts [saves]
import { performance } from 'node:perf_hooks';
import { assessmentProgressOf } from '../src/core/campaign/index.ts';
import { scoreItem } from '../src/core/framework/index.ts';
import type { ItemWithExtras } from '../src/db/queries/assessments.ts';
import { indexDefinition } from '../src/db/queries/framework-definitions.ts';
import { entriesOf, presentFormItems } from '../src/app/presenters/assessment.ts';
import { presentItem } from '../src/app/presenters/assessment-item.ts';
import type { PresentedFormItems } from '../src/app/presenters/form-items-cache.ts';
import { type SavedItemPatch, keptFormItems, patchedFormItems } from '../src/app/presenters/form-items-patch.ts';
import { fixtureInputs, nationalFramework } from '../src/fixture/national-framework.ts';
import { createRng } from '../src/fixture/random.ts';

const def = indexDefinition('bench', 'published', nationalFramework(100));
const ctx = { assessment: { status: 'draft' }, campaign: { status: 'open' } } as Parameters<typeof presentFormItems>[1];
const rng = createRng(20261207);
const at = new Date('2026-12-07T03:00:00Z');

function rowOf(code: string, version: number): ItemWithExtras {
  const node = def.leaves.get(code)!;
  const inputs = fixtureInputs(node, 0.7, rng, 40);
  return {
    assessmentId: '00000000-0000-4000-8000-000000000000',
    code,
    inputs,
    selfScore: scoreItem(node, inputs).points,
    explanation: `Cập nhật lần ${version} theo báo cáo của đơn vị`,
    version,
    reopened: false,
    updatedBy: '00000000-0000-4000-8000-000000000001',
    updatedAt: at,
    updatedByName: 'Nguyễn Văn Nhập',
    evidenceIds: [],
  } as unknown as ItemWithExtras;
}

const codes = [...def.leaves.keys()];
const rows = codes.map((code) => rowOf(code, 1));
const kept = keptFormItems(presentFormItems(def, ctx, { items: rows, supplied: new Map() }, null), entriesOf(rows));

/** The saves, made once: the same for the figure and the baseline. */
const saves: SavedItemPatch[] = Array.from({ length: 1000 }, (_, n) => {
  const row = rowOf(codes[Math.floor(rng.next() * codes.length)]!, 2 + n);
  const item = presentItem({
    code: row.code,
    row,
    evidenceIds: [],
    supplied: null,
    assessmentLocked: false,
    campaignOpen: true,
  });
  return { item, entry: entriesOf([row]).get(row.code)! };
});

let sink = 0;
/** Each save carried over the last, then its load's figures read; ms per save and load. */
function run(count: number, figuresOf: (carried: PresentedFormItems, entries: Map<string, unknown>) => number) {
  let form = kept;
  const entries = new Map(entriesOf(rows));
  const t0 = performance.now();
  for (let n = 0; n < count; n++) {
    const save = saves[n % saves.length]!;
    form = patchedFormItems(form, def.definition, save)!;
    entries.set(save.entry.code, save.entry);
    sink += figuresOf(form, entries);
  }
  return (performance.now() - t0) / count;
}

const carried = (form: PresentedFormItems) => form.progress.selfTotal;
const everyItem = (form: PresentedFormItems, entries: Map<string, unknown>) =>
  form.items.bytes.length +
  assessmentProgressOf(def.definition, entries as Parameters<typeof assessmentProgressOf>[1]).selfTotal;

const count = Number(process.argv[2] ?? 20000);
run(2000, carried); // warm-up (JIT)
run(2000, everyItem);
// Alternated twice, the best of each kept: the machine's drift falls on both alike.
const figures: number[] = [];
const baselines: number[] = [];
for (let round = 0; round < 2; round++) {
  figures.push(run(count, carried));
  baselines.push(run(count, everyItem));
}
const figure = Math.min(...figures);
const baseline = Math.min(...baselines);

const round = (x: number) => Math.round(x * 1e6) / 1e6;
console.log(
  JSON.stringify({
    name: 'a save carried over the kept items, then its load’s progress figures (100 items)',
    meanMs: round(figure),
    baselineName: 'the same carry, the figures computed from every item’s entry (before 12/2026)',
    baselineMeanMs: round(baseline),
    ratio: Math.round((figure / baseline) * 100) / 100,
    note: `${count} saves of random items of a ${codes.length}-item set, each carried over the last and its figures read; per save and load ${(figure * 1000).toFixed(1)} µs, before ${(baseline * 1000).toFixed(1)} µs`,
  }),
);
if (sink === Number.MIN_VALUE) console.log(''); // keep the results observable so nothing is optimised away
