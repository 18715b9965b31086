// Nghị định 30/2020/NĐ-CP: the People's Committee heads its documents with its full name in capitals.
import { describe, expect, it } from 'vitest';
import {
  issuingBodyHeading,
  issuingBodyInSentence,
  placeAndDate,
} from '../../../src/core/text/administrative-names.ts';

describe('issuing bodies as administrative documents name them', () => {
  it("a locality is headed by its People's Committee", () => {
    expect(issuingBodyHeading('Tỉnh Hà Tĩnh')).toBe('ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH');
    expect(issuingBodyHeading('UBND huyện Cẩm Xuyên')).toBe('ỦY BAN NHÂN DÂN HUYỆN CẨM XUYÊN');
    expect(issuingBodyHeading('Phường Thành Sen')).toBe('ỦY BAN NHÂN DÂN PHƯỜNG THÀNH SEN');
    expect(issuingBodyInSentence('Tỉnh Hà Tĩnh')).toBe('Ủy ban nhân dân tỉnh Hà Tĩnh');
  });
  it('another body keeps its own name', () => {
    expect(issuingBodyHeading('Sở Khoa học và Công nghệ')).toBe('SỞ KHOA HỌC VÀ CÔNG NGHỆ');
    expect(issuingBodyInSentence('Sở Khoa học và Công nghệ')).toBe('Sở Khoa học và Công nghệ');
  });
  it('place and date', () => {
    expect(placeAndDate('Tỉnh Hà Tĩnh', '2025-12-05')).toBe('Hà Tĩnh, ngày 05 tháng 12 năm 2025');
    expect(placeAndDate('Tỉnh Hà Tĩnh', '2026-02-14')).toBe('Hà Tĩnh, ngày 14 tháng 02 năm 2026');
    expect(placeAndDate('Tỉnh Hà Tĩnh', '2026-03-09')).toBe('Hà Tĩnh, ngày 09 tháng 3 năm 2026');
  });
});
