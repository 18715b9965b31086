import { describe, expect, it } from 'vitest';
import { compareCodes, foldVietnamese, formatDateVi, formatNumberVi } from '../../../src/core/text/vietnamese.ts';

describe('foldVietnamese', () => {
  it('drops diacritics and case', () => {
    expect(foldVietnamese('Hà Tĩnh')).toBe('ha tinh');
    expect(foldVietnamese('Xã Đức Đồng')).toBe('xa duc dong');
  });
  it('turns đ/Đ into d', () => {
    expect(foldVietnamese('Đức')).toBe('duc');
    expect(foldVietnamese('đường')).toBe('duong');
  });
  it('gives the same result for NFD and NFC input', () => {
    const nfd = 'Hà Tĩnh'.normalize('NFD');
    expect(nfd).not.toBe('Hà Tĩnh');
    expect(foldVietnamese(nfd)).toBe('ha tinh');
  });
  it('collapses and trims whitespace', () => {
    expect(foldVietnamese('  Hương   Sơn ')).toBe('huong son');
  });
});

describe('compareCodes', () => {
  const sorted = (codes: string[]) => [...codes].sort(compareCodes);
  it('orders numeric runs as numbers: 1.2 < 1.10 < 2', () => {
    expect(sorted(['2', '1.10', '1.2'])).toEqual(['1.2', '1.10', '2']);
  });
  it('orders province codes naturally: HT.H.2 < HT.H.10', () => {
    expect(compareCodes('HT.H.2', 'HT.H.10')).toBeLessThan(0);
    expect(sorted(['HT.H.10', 'HT.H.2', 'HT.H.1'])).toEqual(['HT.H.1', 'HT.H.2', 'HT.H.10']);
  });
  it('is zero only for equal codes', () => {
    expect(compareCodes('A.1', 'A.1')).toBe(0);
    expect(compareCodes('A.01', 'A.1')).not.toBe(0);
  });
});

describe('formatDateVi', () => {
  it('writes an ISO date as dd/mm/yyyy without shifting the day', () => {
    expect(formatDateVi('2025-07-01')).toBe('01/07/2025');
  });
  it('writes an instant in Vietnam time (UTC+7)', () => {
    expect(formatDateVi(new Date('2025-06-30T17:30:00Z'))).toBe('01/07/2025');
    expect(formatDateVi(new Date('2025-06-30T16:59:00Z'))).toBe('30/06/2025');
  });
});

describe('formatNumberVi', () => {
  it('groups thousands with a dot and uses a decimal comma', () => {
    expect(formatNumberVi(1234.5)).toBe('1.234,5');
    expect(formatNumberVi(1234567)).toBe('1.234.567');
  });
  it('keeps at most the requested decimals', () => {
    expect(formatNumberVi(0.126)).toBe('0,13');
    expect(formatNumberVi(2.5, 0)).toMatch(/^[23]$/);
  });
});
