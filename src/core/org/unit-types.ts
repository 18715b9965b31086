// Kinds of organisational unit. The hierarchy itself is data (parent links), not code: a province of the
// old three-level model (tỉnh → huyện → xã) and one of the two-level model (tỉnh → xã, since 7/2025) are
// both just trees of these.

export const UNIT_TYPES = [
  'province',
  'department',
  'central_agency',
  'district',
  'commune',
  'public_service_unit',
  'other',
] as const;

export type UnitType = (typeof UNIT_TYPES)[number];

/** Vietnamese labels, as the decisions write them. */
export const UNIT_TYPE_LABELS: Record<UnitType, string> = {
  province: 'Tỉnh/Thành phố',
  department: 'Sở, ban, ngành',
  central_agency: 'Cơ quan Trung ương đóng trên địa bàn',
  district: 'Huyện/Thị xã/Thành phố thuộc tỉnh',
  commune: 'Xã/Phường/Thị trấn/Đặc khu',
  public_service_unit: 'Đơn vị sự nghiệp',
  other: 'Khác',
};

export function isUnitType(value: string): value is UnitType {
  return (UNIT_TYPES as readonly string[]).includes(value);
}

/** Unit codes: ASCII letters, digits, '.', '_' and '-', starting with a letter or digit, at most 64. */
export const UNIT_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
