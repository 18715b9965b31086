// Long lists skip zod for their items (presented-items-serializer.ts): each presenter must build what the
// contract's schema gives back, byte for byte, and the answer must be what the route's zod serializer sends.
import { describe, expect, it } from 'vitest';
import { presentOrgUnit } from '../../../src/app/presenters/org-unit.ts';
import { orgUnitListSchema, orgUnitSchema } from '../../../src/contract/org-units.ts';
import type { ScopedActor } from '../../../src/db/queries/org-units.ts';
import { presentedItemsSerializer } from '../../../src/server/http/presented-items-serializer.ts';

const root = '0b7c1f5e-8a43-4d43-9f5e-3b1d2c4e5f60';
const child = '1c8d2a6f-9b54-4e54-8a6f-4c2e3d5f6a71';
const office: ScopedActor = {
  userId: 'u',
  grants: [{ role: 'dx_office', unitId: root, subtree: true, ancestry: [root] }],
  grantPaths: new Map([[root, `/${root}/`]]),
} as unknown as ScopedActor;
const units = [
  presentOrgUnit(
    {
      id: root,
      code: 'P',
      name: 'Tỉnh "Thử" nghiệm',
      type: 'province',
      parentId: null,
      path: `/${root}/`,
      activeFrom: null,
      activeTo: null,
      version: 3,
    },
    office,
    '2026-12-04',
  ),
  presentOrgUnit(
    {
      id: child,
      code: 'P.X.1',
      name: 'Xã Hòa Bình\n<b>',
      type: 'commune',
      parentId: root,
      path: `/${root}/${child}/`,
      activeFrom: '2025-07-01',
      activeTo: '2026-06-30',
      version: 1,
    },
    office,
    '2026-12-04',
  ),
];

describe('presented items serializer', () => {
  it('each presented unit is already what the unit schema gives back (same keys, order, values)', () => {
    for (const unit of units) expect(JSON.stringify(unit)).toBe(JSON.stringify(orgUnitSchema.parse(unit)));
  });

  it('the unit tree: the same bytes as the zod serializer, as one Buffer', () => {
    const serialize = presentedItemsSerializer({
      schema: orgUnitListSchema,
      method: 'GET',
      url: '/org-units',
      httpStatus: '200',
    } as never);
    const answer = { items: units, abilities: { create: false }, extra: 'stripped' };
    const bytes = serialize(answer) as unknown as Buffer;
    expect(Buffer.isBuffer(bytes)).toBe(true);
    expect(bytes.toString('utf8')).toBe(JSON.stringify(orgUnitListSchema.parse(answer)));
  });

  it('an answer zod refuses is still refused (the rest goes through zod)', () => {
    const serialize = presentedItemsSerializer({ schema: orgUnitListSchema } as never);
    expect(() => serialize({ items: units, abilities: { create: 'yes' } } as never)).toThrow();
  });
});
