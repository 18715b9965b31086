// The form's answer skips zod for its items (form-serializer.ts): the items presentItem builds must be what
// the contract's item schema gives back, byte for byte, and the spliced answer what the route's zod
// serializer would have sent.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type ItemViewInput, presentItem } from '../../../src/app/presenters/assessment-item.ts';
import { itemSchema } from '../../../src/contract/assessments.ts';
import { formAnswerSerializer } from '../../../src/server/routes/assessments/form-serializer.ts';

const saved: NonNullable<ItemViewInput['row']> = {
  inputs: { b: 40, a: 30, '2': 'hai', yes: true, none: null },
  selfScore: 7.5,
  explanation: 'Lãnh đạo "tự" đánh giá\n<b>',
  version: 3,
  reopened: true,
  updatedAt: new Date('2026-11-10T03:00:00.123Z'),
  updatedBy: '0b7c1f5e-8a43-4d43-9f5e-3b1d2c4e5f60',
  updatedByName: 'Nguyễn Văn A',
};
const items = [
  presentItem({ code: '1.1', row: null, evidenceIds: [], supplied: null, assessmentLocked: false, campaignOpen: true }),
  presentItem({
    code: '1.2',
    row: saved,
    evidenceIds: ['e1', 'e2'],
    supplied: { inputs: { x: 1 }, source: 'pull', suppliedAt: '2026-11-01T00:00:00.000Z' },
    assessmentLocked: true,
    campaignOpen: true,
  }),
  presentItem({
    code: '2.1',
    row: { ...saved, reopened: false, updatedBy: null, selfScore: null },
    evidenceIds: [],
    supplied: null,
    assessmentLocked: true,
    campaignOpen: false,
  }),
];

describe('form answer serializer', () => {
  it('each presented item is already what the item schema gives back (same keys, order, values)', () => {
    for (const item of items) expect(JSON.stringify(item)).toBe(JSON.stringify(itemSchema.parse(item)));
  });

  it('splices the definition and the items into the zod-serialized rest: the same bytes', () => {
    const schema = z.object({
      id: z.string(),
      framework: z.unknown(),
      items: z.array(itemSchema),
      info: z.record(z.string(), z.number().nullable()),
      rowVersion: z.number(),
    });
    const serialize = formAnswerSerializer({ schema, method: 'GET', url: '/x', httpStatus: '200' } as never);
    const framework = { nodes: [{ code: '1', title: 'Chỉ số "một"' }], evidenceRule: 'any' };
    const answer = { id: 'a', framework, items, info: { x: 1 }, rowVersion: 4, extra: 'stripped' };
    const expected = JSON.stringify(schema.parse(answer));
    const first = serialize(answer) as unknown as Buffer;
    expect(Buffer.isBuffer(first)).toBe(true);
    expect(first.toString('utf8')).toBe(expected);
    expect((serialize(answer) as unknown as Buffer).toString('utf8')).toBe(expected); // the cached definition
  });
});
