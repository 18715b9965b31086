// auditCanonical writes an entry's members itself (no copy, no key sort per entry) and hashAuditEntry hashes
// in one shot: they must give the very text and hash the former definitions gave, or stored hashes would not verify.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/core/audit/canonical-json.ts';
import { type AuditContent, auditCanonical, hashAuditEntry } from '../../../src/db/audit/write-audit.ts';

const former = (content: AuditContent) => canonicalJson({ ...content, at: content.at.toISOString() });

const base: AuditContent = {
  at: new Date('2026-12-04T14:00:03.217Z'),
  actorId: '7c2517d8-018a-4e2d-b405-d0bc10a55bd3',
  actorName: 'Chủ tịch "Hội đồng"',
  action: 'appraisal.item.accept',
  objectType: 'assessment_item',
  objectId: 'a0b1c2d3-0000-4000-8000-000000000001:1.1',
  unitId: '3e25eb68-119f-4149-8904-20b8685e52fd',
  before: { selfScore: 5, version: 0 },
  after: { selfScore: 5, finalScore: 4.75, finalReason: null, notApplicable: false, version: 1, note: 'dòng\nmới' },
  reason: 'Lý do \\ có ký tự \u0001 điều khiển',
};

describe('auditCanonical', () => {
  it('is canonicalJson of the content, byte for byte', () => {
    expect(auditCanonical(base)).toBe(former(base));
    const nulls: AuditContent = { ...base, actorId: null, unitId: null, before: null, after: null, reason: null };
    expect(auditCanonical(nulls)).toBe(former(nulls));
    const nested: AuditContent = { ...base, before: [1, { b: 2, a: [null, 'x'] }], after: 'chuỗi \ud800 lẻ' };
    expect(auditCanonical(nested)).toBe(former(nested));
  });

  it('leaves out an undefined member, as canonicalJson does', () => {
    const partial = { ...base, before: undefined, reason: undefined } as unknown as AuditContent;
    expect(auditCanonical(partial)).toBe(former(partial));
  });
});

describe('hashAuditEntry', () => {
  it('is sha256 of the predecessor, a newline and the canonical text, as stored hashes were made', () => {
    const prev = 'ab'.repeat(32);
    for (const content of [base, { ...base, after: 'chuỗi \ud800 lẻ', reason: '😀 biểu tượng' }]) {
      const text = canonicalJson({ ...content, at: content.at.toISOString() });
      expect(hashAuditEntry(prev, content)).toBe(
        createHash('sha256').update(prev).update('\n').update(text).digest('hex'),
      );
    }
  });
});
