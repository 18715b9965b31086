// Ready profiles a DX office starts a data source from.
//
// 766: the index of service quality for citizens and businesses (Quyết định 766/QĐ-TTg, 23/6/2022), published
// on the national public-service portal per department and per commune, by month, quarter and year: six
// groups totalling 100 points. Field names follow the portal's reporting API as documented by the public
// repository duynghiaqn/Crawler-766 (tools/crawl_gl.py: POST
// https://dichvucong.gov.vn/api/v1/reporting/evaluation/service-results with {timeType, year, month|quarter,
// rootDepartmentId, pageSize, currentPage}; data/discovery/…/response.json: records under data.evaluation,
// each with departmentId, departmentCode ("H27" a province, "H27.12" one of its units), departmentName,
// totalScore, ratio and groupScores {CKMB, TDGQ, CLGQ, TTTT, MDHL, MDSH}). That repository's README also
// calls the online-service group ONLINE (its per-group endpoint); the service-results records say CLGQ.
//
// Generic: any JSON API (a path to the records array) or CSV file served over HTTPS; the office names the
// identifier column and maps each column to an item.
import type { FieldMapping } from './mapping.ts';
import type { PeriodKind } from './period.ts';

export type SourceFormat = 'json' | 'csv';
export type SourceMethod = 'GET' | 'POST';
export type SourceSchedule = 'manual' | 'daily' | 'monthly';
export const SOURCE_SCHEDULES: readonly SourceSchedule[] = ['manual', 'daily', 'monthly'];
export type ProfileCode = '766' | 'generic';

export interface ProfileField {
  field: string;
  label: string;
  max: number;
}

export interface SourceProfile {
  code: ProfileCode;
  name: string;
  owningSystem: string;
  method: SourceMethod;
  urlTemplate: string;
  bodyTemplate: string | null;
  format: SourceFormat;
  recordsPath: string;
  unitIdField: string;
  unitNameField: string | null;
  periodKind: PeriodKind;
  /** The fields a DX office maps to items, with their maxima (the range a value is checked against). */
  fields: readonly ProfileField[];
}

/** The six groups of the 766 index and their maxima (Quyết định 766/QĐ-TTg): 100 points in all. */
export const INDEX_766_GROUPS: readonly ProfileField[] = [
  { field: 'groupScores.CKMB', label: 'Công khai, minh bạch', max: 18 },
  { field: 'groupScores.TDGQ', label: 'Tiến độ giải quyết', max: 20 },
  { field: 'groupScores.CLGQ', label: 'Dịch vụ trực tuyến', max: 12 },
  { field: 'groupScores.TTTT', label: 'Thanh toán trực tuyến', max: 10 },
  { field: 'groupScores.MDHL', label: 'Mức độ hài lòng', max: 18 },
  { field: 'groupScores.MDSH', label: 'Số hóa hồ sơ', max: 22 },
];

export const PROFILE_766: SourceProfile = {
  code: '766',
  name: 'Chỉ số phục vụ người dân, doanh nghiệp (766)',
  owningSystem: 'Cổng Dịch vụ công quốc gia',
  method: 'POST',
  urlTemplate: 'https://dichvucong.gov.vn/api/v1/reporting/evaluation/service-results',
  bodyTemplate:
    '{"timeType": {timeType}, "year": {year}, "quarter": {quarter}, "month": {month}, "pageSize": 500, "currentPage": {page}}',
  format: 'json',
  recordsPath: 'data.evaluation',
  unitIdField: 'departmentCode',
  unitNameField: 'departmentName',
  periodKind: 'month',
  fields: [...INDEX_766_GROUPS, { field: 'totalScore', label: 'Tổng điểm', max: 100 }],
};

export const PROFILE_GENERIC: SourceProfile = {
  code: 'generic',
  name: 'Nguồn JSON/CSV',
  owningSystem: '',
  method: 'GET',
  urlTemplate: 'https://',
  bodyTemplate: null,
  format: 'json',
  recordsPath: 'data',
  unitIdField: 'unitCode',
  unitNameField: null,
  periodKind: 'month',
  fields: [],
};

export const PROFILES: Record<ProfileCode, SourceProfile> = { '766': PROFILE_766, generic: PROFILE_GENERIC };

/** Field mappings with the profile's ranges filled in (0 … max) where the office gave none. */
export function withProfileRanges(profile: ProfileCode, fields: readonly FieldMapping[]): FieldMapping[] {
  const known = new Map(PROFILES[profile].fields.map((f) => [f.field, f]));
  return fields.map((f) => {
    const p = known.get(f.field);
    return p ? { ...f, min: f.min ?? 0, max: f.max ?? p.max, label: f.label ?? p.label } : f;
  });
}
