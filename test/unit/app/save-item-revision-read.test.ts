// A save asks the database for the form's revision only when its process could carry the form's presented
// items over the save (docs/decisions/0029, amendment): a save without evidence links of a form the process
// holds or remembers loading. Every other save reads its context as before decision 0029, two lookups fewer.
import { describe, expect, it } from 'vitest';
import { saveItemReadWithSession } from '../../../src/app/assessments/save-item.ts';
import { FormItemsCache } from '../../../src/app/presenters/form-items-cache.ts';
import { PreSerializedJson } from '../../../src/app/presenters/pre-serialized-json.ts';

const id = '0b6e4f0e-6a43-4c36-9d8e-3f1f3c0c7a11';
const params = { id, code: '1.1' };
const body = { inputs: { yes: true }, version: 1 };
const presented = {
  items: new PreSerializedJson(Buffer.from('[]')),
  progress: { answered: 0, complete: 0, selfTotal: 0, selfApplicableMax: 0 },
  selfScores: new Map(),
};
const statementOf = (cache: FormItemsCache | undefined, b: unknown = body) =>
  saveItemReadWithSession(cache, params, b)!.statement.name;

describe('the save reads the form’s revision', () => {
  it('not for a form this process neither holds nor has seen loaded', () => {
    expect(statementOf(new FormItemsCache(1 << 20))).toBe('session_with_item_save_context');
  });

  it('for a form loaded once here (the next load would keep it) or held here', () => {
    const seen = new FormItemsCache(1 << 20);
    seen.admit(id, '3:false:true');
    expect(statementOf(seen)).toBe('session_with_item_save_context_revision');
    const held = new FormItemsCache(1 << 20);
    held.set(id, '3:false:true', {}, presented);
    expect(statementOf(held)).toBe('session_with_item_save_context_revision');
  });

  it('not for a save that replaces its evidence links (it drops the form), nor without the cache', () => {
    const held = new FormItemsCache(1 << 20);
    held.set(id, '3:false:true', {}, presented);
    expect(statementOf(held, { ...body, evidenceIds: [] })).toBe('session_with_item_save_context');
    expect(statementOf(undefined)).toBe('session_with_item_save_context');
    const off = new FormItemsCache(0);
    off.admit(id, '3:false:true');
    expect(statementOf(off)).toBe('session_with_item_save_context');
  });

  it('not once the process has forgotten the form (changed here by another write)', () => {
    const cache = new FormItemsCache(1 << 20);
    cache.set(id, '3:false:true', {}, presented);
    cache.forget(id);
    expect(statementOf(cache)).toBe('session_with_item_save_context');
  });
});
