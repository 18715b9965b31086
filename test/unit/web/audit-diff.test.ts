// The audit log's before → after in people's words: each field under its Vietnamese label, a setting under
// its parent's, an item by its code, an id as the name it refers to (or left out), dates dd/mm/yyyy, codes in
// their labels, an empty value "—" — never a stored field name, a UUID or the word null.
import { describe, expect, it } from 'vitest';
import { type AuditWords, diffRows } from '../../../src/web/pages/audit/audit-words.ts';
import { UNIT_TYPE_LABELS } from '../../../src/core/org/unit-types.ts';
import { CAMPAIGN_STATUS_LABELS } from '../../../src/core/campaign/index.ts';
import { testAuditWords } from '../../support/audit-words.ts';

const UNIT = '11111111-2222-4333-8444-555555555555';
const KEY = '99999999-2222-4333-8444-555555555555';

const words = (over: Partial<AuditWords> = {}) =>
  testAuditWords({ names: { [UNIT]: 'Sở Nội vụ' }, dateTime: (iso) => `time ${iso.slice(0, 10)}`, ...over });

describe('audit diff rows', () => {
  it("a bulk accept's entry: one row per item, under its code, the score before and after", () => {
    expect(diffRows({ '1.1': null, '1.2': 5 }, { '1.1': 7.5, '1.2': 5 }, words())).toEqual([
      { field: 'Chỉ số 1.1', before: '—', after: '7,5', changed: true },
      { field: 'Chỉ số 1.2', before: '5', after: '5', changed: false },
    ]);
  });

  it("an appraisal: the fields under their labels, the reason's code in words", () => {
    const rows = diffRows(
      { selfScore: 8, finalScore: null, finalReason: null },
      { selfScore: 8, finalScore: 6, finalReason: 'insufficient_evidence' },
      words(),
    );
    expect(rows).toEqual([
      { field: 'Điểm tự chấm', before: '8', after: '8', changed: false },
      { field: 'Điểm thẩm định', before: '—', after: '6', changed: true },
      { field: 'Lý do điều chỉnh', before: '—', after: 'Tài liệu kiểm chứng chưa đủ', changed: true },
    ]);
  });

  it('an id is the name it refers to; an id nobody can name is left out, row and all', () => {
    const rows = diffRows(null, { toUnitId: UNIT, delegationId: KEY, powers: ['approve', 'publish'] }, words());
    expect(rows).toEqual([
      { field: 'Cơ quan được ủy quyền', before: '', after: 'Sở Nội vụ', changed: true },
      { field: 'Quyền được ủy', before: '', after: 'Phê duyệt, Công bố', changed: true },
    ]);
    expect(JSON.stringify(rows)).not.toContain(KEY);
  });

  it("a status means what it means on the entry's object: a campaign's, an assessment's, an index set's", () => {
    expect(
      diffRows({ status: 'open' }, { status: 'self_assessment_closed' }, words({ objectType: 'campaign' })),
    ).toEqual([
      {
        field: 'Trạng thái',
        before: CAMPAIGN_STATUS_LABELS.open,
        after: CAMPAIGN_STATUS_LABELS.self_assessment_closed,
        changed: true,
      },
    ]);
    expect(
      diffRows({ status: 'draft' }, { status: 'submitted' }, words({ objectType: 'assessment' }))[0],
    ).toMatchObject({
      before: 'Đang nhập',
      after: 'Đã nộp',
    });
    expect(diffRows(null, { status: 'published' }, words({ objectType: 'framework' }))[0]?.after).toBe('Đã ban hành');
  });

  it("a campaign's rules: each setting under its parent's label, its code in words", () => {
    const rows = diffRows(
      { rules: { lateSubmission: { toleranceDays: 3, beyondTolerance: 'refuse' }, rankBy: 'percent' } },
      { rules: { lateSubmission: { toleranceDays: 5, beyondTolerance: 'refuse' }, rankBy: 'points' } },
      words({ objectType: 'campaign' }),
    );
    expect(rows).toEqual([
      { field: 'Quy tắc › Nộp muộn › Số ngày được nộp muộn', before: '3', after: '5', changed: true },
      {
        field: 'Quy tắc › Nộp muộn › Nộp muộn quá thời hạn cho phép',
        before: 'Không tiếp nhận',
        after: 'Không tiếp nhận',
        changed: false,
      },
      {
        field: 'Quy tắc › Xếp hạng theo',
        before: 'Tỷ lệ % so với tổng điểm tối đa áp dụng',
        after: 'Tổng điểm đạt được',
        changed: true,
      },
    ]);
  });

  it('dates as dd/mm/yyyy, yes and no in words, a unit type and a role by their labels', () => {
    const rows = diffRows(
      null,
      {
        decisionDate: '2026-11-17',
        approvedAt: '2026-11-17T03:00:00.000Z',
        subtree: false,
        type: 'commune',
        role: 'viewer',
      },
      words({ objectType: 'org_unit' }),
    );
    expect(rows.map((r) => [r.field, r.after])).toEqual([
      ['Ngày quyết định', '17/11/2026'],
      ['Thời điểm phê duyệt', 'time 2026-11-17'],
      ['Cả các đơn vị trực thuộc', 'Không'],
      ['Loại đơn vị', UNIT_TYPE_LABELS.commune],
      ['Vai trò', 'Người xem'],
    ]);
  });

  it('a list of records: a bullet each, its fields "label: value" on one line; the bookkeeping fields never shown', () => {
    const rows = diffRows(
      null,
      { rescored: [{ code: '1.1', before: 2, after: 3 }], path: `/${UNIT}/x`, nameFolded: 'so noi vu' },
      words(),
    );
    expect(rows).toEqual([
      { field: 'Chỉ số được chấm lại', before: '', after: '• Mã: 1.1; Trước: 2; Sau: 3', changed: true },
    ]);
  });

  it("a very long value (an index set's whole definition) is cut, with how much was left", () => {
    const nodes = Array.from({ length: 60 }, (_, i) => ({ code: String(i + 1) }));
    const [row] = diffRows(null, { definition: { nodes } }, words({ objectType: 'framework' }));
    expect(row?.field).toBe('Nội dung bộ chỉ số › Các chỉ số');
    const lines = row!.after.split('\n');
    expect(lines).toHaveLength(41);
    expect(lines[40]).toBe('… và 20 dòng nữa');
  });

  it('a field the dictionary does not know still shows, under its stored name; nothing at all → no rows', () => {
    expect(diffRows(null, { somethingNew: 'x' }, words())).toEqual([
      { field: 'somethingNew', before: '', after: 'x', changed: true },
    ]);
    expect(diffRows(null, null, words())).toEqual([]);
  });

  it("an item's inputs in the index set's words (its numerator, an option's label); the standard ones in the log's", () => {
    const w = words({
      fields: { 'input:a': 'Hồ sơ trực tuyến', 'choice:dung_han': 'Ban hành đúng hạn', 'info:population': 'Dân số' },
    });
    expect(diffRows(null, { inputs: { a: 96, b: 120, choice: 'dung_han' } }, w)).toEqual([
      { field: 'Số liệu › Hồ sơ trực tuyến', before: '', after: '96', changed: true },
      { field: 'Số liệu › Mẫu số', before: '', after: '120', changed: true },
      { field: 'Số liệu › Mức đạt được', before: '', after: 'Ban hành đúng hạn', changed: true },
    ]);
    expect(
      diffRows(
        { info: { population: 1000 } },
        { info: { population: 1200 } },
        words({ ...w, objectType: 'assessment' }),
      ),
    ).toEqual([{ field: 'Thông tin chung › Dân số', before: '1.000', after: '1.200', changed: true }]);
  });

  it('an index set\'s items as the decision lists them; its bands as "Tốt: từ 90%"', () => {
    const [nodes, bands] = diffRows(
      null,
      {
        definition: {
          nodes: [
            {
              code: '1',
              title: 'Nhận thức số',
              maxPoints: 20,
              children: [{ code: '1.1', title: 'Kế hoạch', maxPoints: 5 }],
            },
          ],
        },
        rules: { bands: [{ code: 'tot', label: 'Tốt', minPercent: 90 }] },
      },
      words({ objectType: 'framework' }),
    );
    expect(nodes?.after).toBe('1. Nhận thức số (20)\n  1.1. Kế hoạch (5)');
    expect(bands).toMatchObject({ field: 'Quy tắc › Các mức xếp loại', after: 'Tốt: từ 90%' });
  });
});
