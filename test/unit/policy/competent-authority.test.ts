// 000 Điều 8.1–8.2 and 9.3–9.4: the district's People's Committee appraises, classifies, approves and
// publishes its communes; the province its departments and districts. A wider role does not act in the
// competent authority's place unless that authority delegated the power, explicitly (issue 13 §2).
import { describe, expect, it } from 'vitest';
import {
  type Actor,
  type AppraisalContext,
  type Delegation,
  actsFor,
  canApprove,
  canPublish,
  delegationProblem,
  effectivePosition,
  itemAppraisalAbilities,
} from '../../../src/core/policy/index.ts';

const P = 'province';
const D1 = 'district-1';
const D2 = 'district-2';
const C1 = 'commune-1';

const actor = (role: Actor['grants'][number]['role'], unitId: string, subtree = true): Actor => ({
  userId: `${role}@${unitId}`,
  grants: [{ role, unitId, subtree }],
});
const provinceOffice = actor('dx_office', P);
const districtOffice = actor('dx_office', D1);
const otherDistrict = actor('dx_office', D2);
const provinceChair = actor('council_chair', P);
const admin = actor('system_admin', P);

const communeCtx = (delegations: Delegation[] = []): AppraisalContext => ({
  campaignStatus: 'under_appraisal',
  bodyKind: 'parent_unit',
  membership: null,
  unit: { id: C1, ancestry: [P, D1, C1] },
  parent: { id: D1, ancestry: [P, D1] },
  delegations,
});
const item = { code: '1.1' };
const toProvince = (powers: Delegation['powers'], revoked = false): Delegation => ({
  fromUnitId: D1,
  toUnitId: P,
  powers,
  revoked,
});

describe('the district appraises its communes (Điều 8.2)', () => {
  it('the district’s own DX office decides final scores on its communes', () => {
    expect(effectivePosition(districtOffice, communeCtx())).toBe('chair');
    expect(itemAppraisalAbilities(districtOffice, communeCtx(), item).appraise).toBe(true);
  });
  it('the province’s DX office and council chair, whose roles reach the district, only read', () => {
    for (const wider of [provinceOffice, provinceChair]) {
      const ab = itemAppraisalAbilities(wider, communeCtx(), item);
      expect(ab.appraise).toBe(false);
      expect(ab.propose).toBe(false);
    }
    expect(itemAppraisalAbilities(provinceOffice, communeCtx(), item).read).toBe(true);
  });
  it('another district does not appraise communes that are not its own', () => {
    expect(effectivePosition(otherDistrict, communeCtx())).toBeNull();
  });
  it('a system administrator is not an appraiser', () => {
    expect(effectivePosition(admin, communeCtx())).toBeNull();
  });
  it('under a recorded delegation of appraisal, the province acts for the district', () => {
    expect(effectivePosition(provinceOffice, communeCtx([toProvince(['appraise'])]))).toBe('chair');
  });
  it('a delegation of other powers, or a revoked one, does not let it appraise', () => {
    expect(effectivePosition(provinceOffice, communeCtx([toProvince(['approve', 'publish'])]))).toBeNull();
    expect(effectivePosition(provinceOffice, communeCtx([toProvince(['appraise'], true)]))).toBeNull();
  });
});

describe('the district approves and publishes its communes’ results (Điều 9.4); the province its own (Điều 9.3)', () => {
  it('each authority approves its part', () => {
    expect(canApprove(districtOffice, D1, 'under_appraisal')).toBe(true);
    expect(canApprove(provinceOffice, P, 'under_appraisal')).toBe(true);
  });
  it('the province does not approve for the district, nor the district for the province', () => {
    expect(canApprove(provinceOffice, D1, 'under_appraisal')).toBe(false);
    expect(canApprove(districtOffice, P, 'under_appraisal')).toBe(false);
    expect(canApprove(admin, D1, 'under_appraisal')).toBe(false);
  });
  it('approval happens during appraisal only', () => {
    expect(canApprove(districtOffice, D1, 'approved')).toBe(false);
  });
  it('the district publishes its part, even while the province’s groups are still being appraised', () => {
    expect(canPublish(districtOffice, D1, 'under_appraisal')).toBe(true);
    expect(canPublish(provinceOffice, D1, 'approved')).toBe(false);
  });
  it('a delegation of publication lets the province publish the district’s part, and says so', () => {
    const d = toProvince(['publish']);
    expect(canPublish(provinceOffice, D1, 'approved', [d])).toBe(true);
    expect(canApprove(provinceOffice, D1, 'under_appraisal', [d])).toBe(false);
    expect(actsFor(provinceOffice, ['dx_office'], D1, 'publish', [d]).via).toBe(d);
    expect(actsFor(districtOffice, ['dx_office'], D1, 'publish', [d]).via).toBeNull();
  });
});

describe('recording a delegation', () => {
  const group = { authorityUnitIds: [D1, D2, P], ownerUnitId: P, fromAncestry: [P, D1] };
  const req = { fromUnitId: D1, toUnitId: P, powers: ['publish'] as const, reason: 'Công bố chung', documentRef: null };
  it('the district records its own delegation to the province', () => {
    expect(delegationProblem(districtOffice, req, group)).toBeNull();
  });
  it('the province records it only citing the district’s document', () => {
    expect(delegationProblem(provinceOffice, req, group)).toBe('document_required');
    expect(delegationProblem(provinceOffice, { ...req, documentRef: 'Công văn số 12/UBND' }, group)).toBeNull();
  });
  it('another district cannot delegate in the district’s name', () => {
    expect(delegationProblem(otherDistrict, req, group)).toBe('not_allowed');
  });
  it('names a reason, at least one power, an authority of the group and a delegate above it', () => {
    expect(delegationProblem(districtOffice, { ...req, reason: ' ' }, group)).toBe('reason_required');
    expect(delegationProblem(districtOffice, { ...req, powers: [] }, group)).toBe('no_powers');
    expect(delegationProblem(districtOffice, { ...req, fromUnitId: C1 }, group)).toBe('not_an_authority');
    expect(delegationProblem(districtOffice, { ...req, toUnitId: D1 }, group)).toBe('same_unit');
    expect(delegationProblem(districtOffice, { ...req, toUnitId: D2 }, group)).toBe('delegate_out_of_line');
  });
});
