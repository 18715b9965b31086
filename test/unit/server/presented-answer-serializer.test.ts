// The item save answers without its zod serializer (presented-answer-serializer.ts): what presentItem and
// presentScore build must be what the contract's item schema gives back, byte for byte — for every scoring
// method of the presets, with inputs complete, partly missing and absent (issues with and without the input
// they concern), and an item first saved or saved again.
import { describe, expect, it } from 'vitest';
import { leaves, scoreItem } from '../../../src/core/framework/index.ts';
import { presentItem, presentScore } from '../../../src/app/presenters/assessment-item.ts';
import { itemSchema } from '../../../src/contract/assessments.ts';
import { loadPresetFiles } from '../../../src/exchange/frameworks/presets.ts';
import { demoEntry } from '../../../src/seed/demo-item-inputs.ts';
import { presentedAnswerSerializer } from '../../../src/server/http/presented-answer-serializer.ts';

const serialize = presentedAnswerSerializer({
  schema: itemSchema,
  method: 'PUT',
  url: '/assessments/:id/items/:code',
  httpStatus: '200',
} as never);

const presets = await loadPresetFiles();
// A node whose max is broken scores with an issue that names no input.
const nodes = presets.flatMap((p) => leaves(p.definition).map((l) => l.node));
nodes.push({ ...nodes[0]!, code: '9.9', maxPoints: -1 });

function answers() {
  return nodes.flatMap((node, n) => {
    const full = demoEntry(node, n).inputs as Record<string, number | boolean | string | null>;
    const firstKey = Object.keys(full)[0];
    const partial = firstKey === undefined ? {} : { [firstKey]: full[firstKey]! };
    return [full, partial, {}].map((inputs, k) => ({
      ...presentItem({
        code: node.code,
        row:
          k === 2
            ? null
            : {
                inputs,
                selfScore: k === 0 ? 1.5 : null,
                explanation: 'Theo báo cáo số 12/BC-UBND "quý IV"\n<b>',
                version: k + 1,
                reopened: k === 1,
                updatedAt: new Date('2026-11-10T03:00:00.123Z'),
                updatedBy: '0b7c1f5e-8a43-4d43-9f5e-3b1d2c4e5f60',
                updatedByName: 'Nguyễn Thị Bình',
              },
        evidenceIds: k === 0 ? ['6f1c0e2a-1b2c-4d5e-8f90-a1b2c3d4e5f6'] : [],
        supplied: k === 1 ? { inputs: { a: 1 }, source: 'pull', suppliedAt: '2026-11-01T00:00:00.000Z' } : null,
        assessmentLocked: k === 1,
        campaignOpen: true,
      }),
      score: presentScore(scoreItem(node, inputs)),
    }));
  });
}

describe('item save answer serializer', () => {
  it('every presented answer is what the item schema gives back: same keys, order and values', () => {
    const all = answers();
    expect(all.length).toBeGreaterThan(300);
    expect(all.some((a) => a.score.issues.some((i) => 'input' in i))).toBe(true);
    expect(all.some((a) => a.score.issues.some((i) => !('input' in i)))).toBe(true);
    for (const answer of all) expect(serialize(answer)).toBe(JSON.stringify(itemSchema.parse(answer)));
  });

  it('hands what is not a plain object to the zod serializer', () => {
    expect(() => serialize([1, 2])).toThrow();
  });
});
