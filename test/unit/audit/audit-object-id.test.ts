// An audit entry's object id, read one way by every reader of the log (labels, an item's index-set words).
import { describe, expect, it } from 'vitest';
import { auditObjectRef } from '../../../src/core/audit/object-id.ts';

const ID = '0b7c1f5e-8a43-4d43-9f5e-3b1d2c4e5f60';

describe('audit object id', () => {
  it('a record: its id, no item', () => expect(auditObjectRef(ID)).toEqual({ id: ID, code: null }));
  it('an item of an assessment: the assessment id and the item code, dots and all', () =>
    expect(auditObjectRef(`${ID}:1.2.3`)).toEqual({ id: ID, code: '1.2.3' }));
  it('a code with a colon keeps it', () => expect(auditObjectRef(`${ID}:a:b`)).toEqual({ id: ID, code: 'a:b' }));
  it('an empty code is no code', () => expect(auditObjectRef(`${ID}:`)).toEqual({ id: ID, code: null }));
  it('what is not a UUID is nothing to look up ("global", a key id)', () => {
    expect(auditObjectRef('global')).toEqual({ id: null, code: null });
    expect(auditObjectRef('key-2026:x')).toEqual({ id: null, code: 'x' });
  });
});
