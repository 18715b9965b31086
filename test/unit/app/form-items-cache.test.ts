// The forms' items kept per process (docs/decisions/0018): served only at the same revision, state and
// index-set version; bounded in bytes (three per byte of the items' JSON: it, and the last answer built around it), the least
// recently used dropped first; carried over a save of this process only from the key it was kept at (decision 0029).
import { describe, expect, it } from 'vitest';
import { FormItemsCache, formItemsKey } from '../../../src/app/presenters/form-items-cache.ts';
import { PreSerializedJson } from '../../../src/app/presenters/pre-serialized-json.ts';

const KB = 1024;
const presented = (bytes: number) => ({
  items: new PreSerializedJson(Buffer.alloc(bytes, 0x20)),
  progress: { answered: 1, complete: 1, selfTotal: 2, selfApplicableMax: 10 },
  selfScores: new Map([['1.1', 2]]),
});
const definition = { nodes: [] };
const form = (formRev: number | null, status = 'draft', campaign = 'open') => ({
  formRev,
  ctx: { assessment: { status }, campaign: { status: campaign } },
});

describe('formItemsKey', () => {
  it('a form never written (no revision yet) is not kept', () => {
    expect(formItemsKey(form(null))).toBeNull();
  });

  it('the same revision submitted, or in a campaign no longer open, is another key (items locked)', () => {
    const keys = [form(3), form(3, 'submitted'), form(3, 'draft', 'under_appraisal'), form(4)].map(formItemsKey);
    expect(new Set(keys).size).toBe(4);
  });
});

describe('FormItemsCache', () => {
  it('answers only for the key and the definition object it was given', () => {
    const cache = new FormItemsCache(1024 * KB);
    const p = presented(10 * KB);
    cache.set('a', '3:false:true', definition, p);
    expect(cache.get('a', '3:false:true', definition)).toBe(p);
    expect(cache.get('a', '3:false:true', { nodes: [] })).toBeUndefined();
    expect(cache.get('b', '3:false:true', definition)).toBeUndefined();
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 2 });
    expect(cache.has('a')).toBe(false); // asked at another key: stale, dropped
    cache.set('a', '3:false:true', definition, p);
    expect(cache.get('a', '4:false:true', definition)).toBeUndefined();
    expect(cache.stats()).toMatchObject({ entries: 0, bytes: 0, misses: 3 });
  });

  it('a newer revision replaces the older one (one entry per form)', () => {
    const cache = new FormItemsCache(1024 * KB);
    cache.set('a', '3:false:true', definition, presented(10 * KB));
    const newer = presented(12 * KB);
    cache.set('a', '4:false:true', definition, newer);
    expect(cache.stats()).toMatchObject({ entries: 1, bytes: 3 * 12 * KB + 24 * KB });
    expect(cache.get('a', '4:false:true', definition)).toBe(newer);
  });

  it('over its budget, drops the least recently used first; a form larger than the budget is not kept', () => {
    const cache = new FormItemsCache(300 * KB);
    for (const id of ['a', 'b', 'c']) cache.set(id, '1:false:true', definition, presented(22 * KB));
    expect(cache.get('a', '1:false:true', definition)).toBeDefined(); // a is now the most recent
    cache.set('d', '1:false:true', definition, presented(22 * KB));
    expect([...'abcd'].map((id) => cache.has(id))).toEqual([true, false, true, true]);
    expect(cache.stats().bytes).toBeLessThanOrEqual(300 * KB);
    cache.set('e', '1:false:true', definition, presented(100 * KB));
    expect(cache.has('e')).toBe(false);
  });

  it('admits a form at a key only when it was loaded at that key before (a load then a save keeps nothing)', () => {
    const cache = new FormItemsCache(1024 * KB);
    expect(cache.admit('a', '3:false:true')).toBe(false);
    expect(cache.admit('a', '4:false:true')).toBe(false); // saved in between: another revision
    expect(cache.admit('a', '4:false:true')).toBe(true);
    cache.forget('b');
    expect(cache.admit('b', '1:false:true')).toBe(false);
    cache.forget('b');
    expect(cache.admit('b', '1:false:true')).toBe(false); // forgotten: seen anew
    expect(new FormItemsCache(0).admit('c', '1:false:true')).toBe(false);
  });

  it('carried over a save only from the key and definition it is held at; anything else held is dropped', () => {
    const cache = new FormItemsCache(1024 * KB);
    const carried = presented(10 * KB);
    cache.set('a', '3:false:true', definition, presented(10 * KB));
    const move = (fromKey: string | null, toKey: string | null, def: object = definition) =>
      cache.carryOver('a', { fromKey, toKey, definition: def }, () => carried);
    expect(move('3:false:true', '4:false:true')).toBe(true);
    expect(cache.get('a', '4:false:true', definition)).toBe(carried);
    expect(cache.stats().carried).toBe(1);
    expect(move('3:false:true', '4:false:true')).toBe(false); // held at 4 now: another save came first
    expect(cache.has('a')).toBe(false);
    cache.set('a', '4:false:true', definition, presented(10 * KB));
    expect(move('4:false:true', '5:false:true', { nodes: [] })).toBe(false); // another definition object
    expect(cache.has('a')).toBe(false);
    cache.set('a', '5:false:true', definition, presented(10 * KB));
    expect(cache.carryOver('a', { fromKey: '5:false:true', toKey: '6:false:true', definition }, () => undefined)).toBe(
      false,
    );
    expect(cache.has('a')).toBe(false);
    expect(move('6:false:true', '7:false:true')).toBe(false); // nothing held: nothing kept
    expect(cache.has('a')).toBe(false);
  });

  it('loaded once, then saved by this process: the next load is its second at that key, and keeps the items', () => {
    const cache = new FormItemsCache(1024 * KB);
    expect(cache.admit('a', '3:false:true')).toBe(false);
    cache.carryOver('a', { fromKey: '3:false:true', toKey: '4:false:true', definition }, () => undefined);
    expect(cache.admit('a', '4:false:true')).toBe(true);
    expect(cache.admit('b', '3:false:true')).toBe(false);
    cache.carryOver('b', { fromKey: '2:false:true', toKey: '4:false:true', definition }, () => undefined);
    expect(cache.admit('b', '4:false:true')).toBe(false); // seen at another key than the save started from
  });

  it('a form the process changed is forgotten (its next load reads state and rows at once)', () => {
    const cache = new FormItemsCache(1024 * KB);
    cache.set('a', '3:false:true', definition, presented(10 * KB));
    cache.forget('a');
    expect(cache.stats()).toMatchObject({ entries: 0, bytes: 0 });
  });

  it('a budget of 0 keeps nothing (FORM_CACHE_MB=0)', () => {
    const cache = new FormItemsCache(0);
    cache.set('a', '1:false:true', definition, presented(1));
    expect(cache.has('a')).toBe(false);
  });
});
