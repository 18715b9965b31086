// A form's presented items carried over one item's save (decision 0029) are exactly what presenting the
// form's rows after that save gives: the same bytes, the same progress figures, the same self-scores —
// whichever item was saved (the first, one in the middle, the last), once or several times in a row.
import { describe, expect, it } from 'vitest';
import type { AssessmentContext, FormRows, ItemWithExtras } from '../../../src/db/queries/assessments.ts';
import { indexDefinition } from '../../../src/db/queries/framework-definitions.ts';
import { entriesOf, presentFormItems } from '../../../src/app/presenters/assessment.ts';
import { presentItem } from '../../../src/app/presenters/assessment-item.ts';
import { keptFormItems, patchedFormItems } from '../../../src/app/presenters/form-items-patch.ts';
import { COMPACT_FRAMEWORK } from '../../support/campaign-fixture.ts';

const def = indexDefinition('f', 'published', COMPACT_FRAMEWORK);
const ctx = { assessment: { status: 'draft' }, campaign: { status: 'open' } } as unknown as Pick<
  AssessmentContext,
  'assessment' | 'campaign'
>;
const at = new Date('2026-11-10T03:00:00Z');

function row(code: string, inputs: ItemWithExtras['inputs'], selfScore: number | null, version = 1): ItemWithExtras {
  return {
    assessmentId: 'a',
    code,
    inputs,
    selfScore,
    explanation: `Giải trình ${code} — bản ${version}`,
    version,
    reopened: false,
    updatedBy: 'u',
    updatedAt: at,
    updatedByName: 'Nguyễn Văn Nhập',
    evidenceIds: version % 2 ? ['00000000-0000-4000-8000-000000000001'] : [],
  } as ItemWithExtras;
}

const supplied: FormRows['supplied'] = new Map([
  ['2.1', { inputs: { a: 36, b: 40 }, source: 'Hệ thống một cửa', suppliedAt: '2026-11-09T02:00:00.000Z' }],
]);

/** The form presented from its rows, and as kept by the cache. */
const presentedFrom = (items: ItemWithExtras[]) => presentFormItems(def, ctx, { items, supplied }, null);

/** The rows with one item saved: its new row in place of the old (or added). */
function withSaved(items: ItemWithExtras[], saved: ItemWithExtras) {
  return [...items.filter((i) => i.code !== saved.code), saved];
}

function patchOf(saved: ItemWithExtras) {
  return {
    item: presentItem({
      code: saved.code,
      row: saved,
      evidenceIds: saved.evidenceIds,
      supplied: supplied.get(saved.code) ?? null,
      assessmentLocked: false,
      campaignOpen: true,
    }),
    entry: entriesOf([saved]).get(saved.code)!,
  };
}

describe('the presented items carried over a save', () => {
  const start = [row('1.2', { yes: true }, 10), row('2.1', { a: 30, b: 40 }, 7.5), row('2.2', { value: 3 }, 5)];

  it('kept: the same bytes as the items stringified whole', () => {
    const view = presentedFrom(start);
    const kept = keptFormItems(view, entriesOf(start));
    expect(kept.items.bytes.toString()).toBe(JSON.stringify(view.items));
  });

  it.each([
    ['the first item, never saved before', row('1.1', {}, 7.25)],
    [
      'an item in the middle, its JSON longer',
      { ...row('2.1', { a: 39, b: 40 }, 9.75, 2), explanation: 'x'.repeat(500) },
    ],
    ['an item in the middle, its JSON shorter', { ...row('2.2', { value: 0 }, 0, 2), explanation: '' }],
    ['the last item', row('2.4', { so_diem: 4 }, 10)],
  ])('%s: what the rows after the save present', (_, saved) => {
    const kept = keptFormItems(presentedFrom(start), entriesOf(start));
    const after = withSaved(start, saved as ItemWithExtras);
    const expected = presentedFrom(after);
    const carried = patchedFormItems(kept, def.definition, patchOf(saved as ItemWithExtras))!;
    expect(carried.items.bytes.toString()).toBe(JSON.stringify(expected.items));
    expect(carried.progress).toEqual(expected.progress);
    expect(carried.selfScores).toEqual(expected.selfScores);
  });

  it('several saves in a row, each over the last: still what the rows present', () => {
    let rows = start;
    let kept = keptFormItems(presentedFrom(rows), entriesOf(rows));
    const saves = [
      row('1.3', { choice: 'vua' }, 10),
      { ...row('1.2', { yes: false }, 0, 2), explanation: 'Chưa ban hành kế hoạch; dự kiến quý I/2027.' },
      row('2.3', { a: 9, b: 10 }, 10),
      row('1.3', { choice: 'cao' }, 20, 2),
      row('1.1', {}, 2.5),
    ];
    for (const saved of saves) {
      rows = withSaved(rows, saved);
      kept = patchedFormItems(kept, def.definition, patchOf(saved))!;
      const expected = presentedFrom(rows);
      expect(kept.items.bytes.toString()).toBe(JSON.stringify(expected.items));
      expect(kept.progress).toEqual(expected.progress);
    }
  });

  it("the items' parts of the progress kept across saves, whether or not a load read the figures between them", () => {
    const saves = [
      row('1.3', { choice: 'vua' }, 10),
      row('2.1', { a: 12, b: 40 }, 3),
      { ...row('1.2', { yes: false }, 0, 2), explanation: '' },
      row('1.3', { choice: 'cao' }, 20, 2),
      row('2.1', { a: 40, b: 40 }, 10, 2),
    ];
    for (const readEvery of [1, 2, saves.length]) {
      let rows = start;
      let kept = keptFormItems(presentedFrom(rows), entriesOf(rows));
      saves.forEach((saved, n) => {
        rows = withSaved(rows, saved);
        const read = n > 0 && n % readEvery === 0;
        kept = patchedFormItems(kept, def.definition, patchOf(saved))!;
        // Read just before this save: every part kept but the saved item's, the one scored again.
        if (read) expect([...def.leaves.keys()].filter((_, at) => !kept.layout!.parts[at])).toEqual([saved.code]);
        if ((n + 1) % readEvery === 0) expect(kept.progress).toEqual(presentedFrom(rows).progress);
      });
      expect(kept.progress).toEqual(presentedFrom(rows).progress);
    }
  });

  it('not carried: kept without a layout, or an item that is not a leaf of the set', () => {
    const view = presentedFrom(start);
    const kept = keptFormItems(view, entriesOf(start));
    expect(patchedFormItems({ ...kept, layout: undefined }, def.definition, patchOf(row('1.1', {}, 5)))).toBe(
      undefined,
    );
    expect(patchedFormItems(kept, def.definition, patchOf(row('9.9', {}, 5)))).toBe(undefined);
  });
});
