// Issue 15 §3: an index set marks an item as measured automatically from a named source; the editor, the
// Excel layout ("Đo tự động từ nguồn") and the published methodology carry it. The decision's permission to
// declare an item not applicable ("Cho phép không áp dụng") travels the same way — and neither is lost by
// the canonical form every write goes through.
import { describe, expect, it } from 'vitest';
import { validateFramework, type FrameworkDefinition } from '../../../src/core/framework/index.ts';
import { normalizeDefinition } from '../../../src/exchange/frameworks/normalize-definition.ts';
import { readFrameworkFile } from '../../../src/exchange/frameworks/read-framework-file.ts';
import { writeFrameworkWorkbook } from '../../../src/exchange/frameworks/write-framework-workbook.ts';

const PORTAL_766 = 'Cổng Dịch vụ công quốc gia — Chỉ số 766';

const def: FrameworkDefinition = {
  code: 'do-tu-dong',
  name: 'Bộ chỉ số thử chỉ số đo tự động',
  decision: { number: '1299/QĐ-UBND', issuer: 'UBND tỉnh Khánh Hòa' },
  appliesTo: { unitTypes: ['commune'] },
  nodes: [
    {
      code: '1',
      title: 'Chính quyền số',
      maxPoints: 30,
      children: [
        {
          code: '1.1',
          title: 'Mức độ hài lòng',
          maxPoints: 18,
          method: { kind: 'manual' },
          automaticSource: PORTAL_766,
        },
        {
          code: '1.2',
          title: 'Trường học có kết nối',
          maxPoints: 12,
          method: { kind: 'yesno' },
          notApplicableAllowed: true,
        },
      ],
    },
  ],
};

describe('an item measured automatically', () => {
  it('keeps its source and the not-applicable permission through the canonical form', () => {
    const leaves = normalizeDefinition(def).nodes[0]!.children!;
    expect(leaves[0]!.automaticSource).toBe(PORTAL_766);
    expect(leaves[1]!.notApplicableAllowed).toBe(true);
  });

  it('survives export → import of the Excel layout', async () => {
    const back = await readFrameworkFile(await writeFrameworkWorkbook(def));
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    const leaves = back.definition.nodes[0]!.children!;
    expect(leaves.map((n) => [n.code, n.automaticSource ?? null, n.notApplicableAllowed ?? null])).toEqual([
      ['1.1', PORTAL_766, null],
      ['1.2', null, true],
    ]);
  });

  it('only a leaf may be measured automatically (a group scores the sum of its children)', () => {
    const grouped: FrameworkDefinition = { ...def, nodes: [{ ...def.nodes[0]!, automaticSource: PORTAL_766 }] };
    expect(validateFramework(grouped).errors.map((e) => e.code)).toContain('GROUP_AUTOMATIC');
    expect(validateFramework(def).errors).toEqual([]);
  });
});
