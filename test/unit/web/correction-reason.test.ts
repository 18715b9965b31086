// Issue 14 §1: "make sure the office sees 'n kiến nghị được chấp nhận — cần công bố đính chính' and that the
// correction reason defaults to naming them" — the default reason names each unit and item upheld after the
// latest publication, and nothing else.
import { describe, expect, it } from 'vitest';
import type { CampaignObjections, ObjectionView } from '../../../src/contract/objections.ts';
import { vi, type MessageKey } from '../../../src/web/i18n/vi.ts';
import {
  correctionReasonOf,
  upheldAwaitingCorrection,
} from '../../../src/web/pages/appraisal/admin/correctionReason.ts';

const t = (key: MessageKey, params: Record<string, string | number> = {}) =>
  vi[key].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k]));
const o = (id: string, unit: string, code: string, status: ObjectionView['status']): ObjectionView => ({
  id,
  assessmentId: 'a',
  campaignId: 'c',
  unit: { id: unit, code: unit, name: unit },
  code,
  text: 'x',
  evidence: [],
  scoreBefore: 5,
  status,
  filedBy: { id: 'u', fullName: 'U' },
  filedAt: '2026-11-10T03:00:00.000Z',
  answer: 'y',
  scoreAfter: status === 'upheld' ? 7 : null,
  answeredBy: null,
  answeredAt: null,
  mayAnswer: false,
});

describe('the default reason of a corrected publication', () => {
  const data: CampaignObjections = {
    items: [
      o('1', 'Xã Cẩm Bình', '1.1', 'upheld'),
      o('2', 'Xã Cẩm Bình', '2.1', 'rejected'),
      o('3', 'Xã Cẩm Hà', '2.2', 'upheld'),
    ],
    correctionDue: ['3', '1'],
    publishedAt: '2026-11-11T03:00:00.000Z',
  };
  it('names each upheld objection awaiting a correction, in list order', () => {
    expect(upheldAwaitingCorrection(data).map((x) => x.id)).toEqual(['1', '3']);
    expect(correctionReasonOf(t, data)).toBe(
      'Đính chính theo 2 kiến nghị được chấp nhận: Xã Cẩm Bình – chỉ số 1.1; Xã Cẩm Hà – chỉ số 2.2',
    );
    expect(t('obj.correctionDue', { n: 2 })).toBe('2 kiến nghị được chấp nhận — cần công bố đính chính');
  });
  it('nothing due → no default (the office writes its own reason)', () => {
    expect(correctionReasonOf(t, { ...data, correctionDue: [] })).toBe('');
    expect(correctionReasonOf(t, undefined)).toBe('');
  });
});
