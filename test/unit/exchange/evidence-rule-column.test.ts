// Issue 13 §3: the Excel layout of an index set carries each item's evidence rule in its own column
// ("Yêu cầu tài liệu kiểm chứng": "Bắt buộc" | "Tài liệu hoặc giải trình" | "Không yêu cầu"), so a set
// exported and imported again keeps it; a word the layout does not know is a problem naming the row.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { FrameworkDefinition } from '../../../src/core/framework/index.ts';
import { readFrameworkFile } from '../../../src/exchange/frameworks/read-framework-file.ts';
import { writeFrameworkWorkbook } from '../../../src/exchange/frameworks/write-framework-workbook.ts';

const def: FrameworkDefinition = {
  code: 'cot-bang-chung',
  name: 'Bộ chỉ số thử cột yêu cầu tài liệu',
  decision: { number: '2878/QĐ-UBND', issuer: 'UBND tỉnh Hà Tĩnh' },
  appliesTo: { unitTypes: ['commune'] },
  nodes: [
    {
      code: '1',
      title: 'Nhận thức số',
      maxPoints: 30,
      children: [
        { code: '1.1', title: 'Ban chỉ đạo', maxPoints: 10, method: { kind: 'yesno' }, evidenceRule: 'required' },
        {
          code: '1.2',
          title: 'Kế hoạch',
          maxPoints: 10,
          method: { kind: 'yesno' },
          evidenceRule: 'evidence_or_explanation',
        },
        { code: '1.3', title: 'Tuyên truyền', maxPoints: 10, method: { kind: 'yesno' }, evidenceRule: 'none' },
      ],
    },
  ],
};

describe('the evidence rule column', () => {
  it('survives export → import for each of the three rules', async () => {
    const back = await readFrameworkFile(await writeFrameworkWorkbook(def));
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    const leaves = back.definition.nodes[0]!.children!;
    expect(leaves.map((n) => [n.code, n.evidenceRule])).toEqual([
      ['1.1', 'required'],
      ['1.2', 'evidence_or_explanation'],
      ['1.3', 'none'],
    ]);
  });

  it('an unknown word is refused, naming the column', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeFrameworkWorkbook(def)) as unknown as ArrayBuffer);
    const ws = wb.worksheets.find((w) => w.name === 'Bộ chỉ số')!;
    let col = 0;
    ws.eachRow((row) =>
      row.eachCell((cell, c) => {
        if (cell.value === 'Yêu cầu tài liệu kiểm chứng') col = c;
      }),
    );
    ws.eachRow((row) => {
      if (row.getCell(col).value === 'Bắt buộc') row.getCell(col).value = 'Tùy ý';
    });
    const back = await readFrameworkFile(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(back.ok).toBe(false);
    if (!back.ok)
      expect(back.problems.map((p) => p.message).join(' ')).toContain('Cột "Yêu cầu tài liệu kiểm chứng" chỉ nhận');
  });
});

describe('the set’s own evidence rule (sheet "Thông tin")', () => {
  it('survives export → import, as the decision’s default for items without their own', async () => {
    const back = await readFrameworkFile(
      await writeFrameworkWorkbook({ ...def, evidenceRule: 'evidence_or_explanation' }),
    );
    expect(back.ok).toBe(true);
    if (back.ok) expect(back.definition.evidenceRule).toBe('evidence_or_explanation');
  });

  it('an unknown word on the line "Yêu cầu tài liệu kiểm chứng" is refused, naming the sheet', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeFrameworkWorkbook({ ...def, evidenceRule: 'required' })) as unknown as ArrayBuffer);
    const info = wb.worksheets.find((w) => w.name === 'Thông tin')!;
    info.eachRow((row) => {
      if (row.getCell(1).value === 'Yêu cầu tài liệu kiểm chứng') row.getCell(2).value = 'Tùy ý';
    });
    const back = await readFrameworkFile(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(back.ok).toBe(false);
    if (!back.ok)
      expect(
        back.problems.some((p) => p.message.includes('Yêu cầu tài liệu kiểm chứng') && p.sheet === 'Thông tin'),
      ).toBe(true);
  });
});
