// The official appendix layout shared by the reader and the writer: the columns of the index sheet
// (with the header variants real appendices use) and the labels of the metadata sheet "Thông tin".
// Matching is on folded text (no diacritics, lower case, punctuation and "(…)" notes removed).
import { foldVietnamese } from '../../core/text/vietnamese.ts';

export const INDEX_SHEET_NAME = 'Bộ chỉ số';
export const INFO_SHEET_NAME = 'Thông tin';

export type ColumnKey =
  | 'stt'
  | 'title'
  | 'maxPoints'
  | 'guidance'
  | 'evidence'
  | 'dataSource'
  | 'verifyingUnit'
  | 'method'
  | 'evidenceRequired'
  | 'evidenceRule'
  | 'domain'
  | 'notApplicableAllowed'
  | 'automaticSource'
  | 'level';

export interface ColumnSpec {
  key: ColumnKey;
  /** Header the writer uses. */
  header: string;
  /** Folded variants the reader accepts. */
  variants: string[];
  required: boolean;
  width: number;
}

/** In writing order. The last five are ours (not in decisions) and optional on import. */
export const COLUMNS: ColumnSpec[] = [
  {
    key: 'stt',
    header: 'STT',
    variants: ['stt', 'tt', 'so tt', 'so thu tu', 'ma', 'ma so', 'ma chi so', 'ma tieu chi'],
    required: true,
    width: 9,
  },
  {
    key: 'title',
    header: 'Chỉ số / Chỉ số thành phần',
    variants: [
      'chi so chi so thanh phan',
      'chi so',
      'ten chi so',
      'chi so thanh phan',
      'tieu chi',
      'ten tieu chi',
      'noi dung',
      'noi dung chi so',
      'noi dung danh gia',
      'chi tieu',
      'tieu chi chi so',
    ],
    required: true,
    width: 46,
  },
  {
    key: 'maxPoints',
    header: 'Điểm tối đa',
    variants: ['diem toi da', 'diem', 'thang diem', 'diem chuan', 'so diem toi da', 'diem so toi da'],
    required: true,
    width: 10,
  },
  {
    key: 'guidance',
    header: 'Cách xác định và tính điểm',
    variants: [
      'cach xac dinh va tinh diem',
      'cach xac dinh',
      'cach tinh diem',
      'cach xac dinh tinh diem',
      'huong dan cham diem',
      'huong dan tinh diem',
      'huong dan xac dinh va tinh diem',
      'phuong thuc xac dinh va tinh diem',
    ],
    required: false,
    width: 40,
  },
  {
    key: 'evidence',
    header: 'Tài liệu kiểm chứng',
    variants: [
      'tai lieu kiem chung',
      'tai lieu minh chung',
      'minh chung',
      'ho so minh chung',
      'tai lieu kiem chung minh chung',
    ],
    required: false,
    width: 28,
  },
  {
    key: 'dataSource',
    header: 'Nguồn thu thập dữ liệu',
    variants: ['nguon thu thap du lieu', 'nguon du lieu', 'nguon thu thap', 'nguon so lieu'],
    required: false,
    width: 20,
  },
  {
    key: 'verifyingUnit',
    header: 'Đơn vị phối hợp xác minh',
    variants: [
      'don vi phoi hop xac minh',
      'don vi xac minh',
      'don vi phoi hop',
      'co quan phoi hop xac minh',
      'co quan xac minh',
    ],
    required: false,
    width: 20,
  },
  {
    key: 'method',
    header: 'Phương pháp tính điểm',
    variants: ['phuong phap tinh diem', 'phuong phap cham diem', 'phuong phap', 'ky hieu phuong phap'],
    required: false,
    width: 30,
  },
  {
    key: 'evidenceRequired',
    header: 'Bắt buộc minh chứng',
    variants: ['bat buoc minh chung', 'bat buoc tai lieu kiem chung'],
    required: false,
    width: 11,
  },
  {
    key: 'evidenceRule',
    header: 'Yêu cầu tài liệu kiểm chứng',
    variants: ['yeu cau tai lieu kiem chung', 'yeu cau minh chung'],
    required: false,
    width: 18,
  },
  {
    key: 'domain',
    header: 'Lĩnh vực thẩm định',
    variants: ['linh vuc tham dinh', 'linh vuc'],
    required: false,
    width: 14,
  },
  {
    key: 'notApplicableAllowed',
    header: 'Cho phép không áp dụng',
    variants: ['cho phep khong ap dung', 'duoc khai khong ap dung'],
    required: false,
    width: 11,
  },
  {
    key: 'automaticSource',
    header: 'Đo tự động từ nguồn',
    variants: ['do tu dong tu nguon', 'do tu dong', 'nguon do tu dong', 'chi so do tu dong'],
    required: false,
    width: 22,
  },
  { key: 'level', header: 'Cấp', variants: ['cap', 'cap chi so'], required: false, width: 6 },
];

/** Folded header text: "Điểm\ntối đa (điểm)" → "diem toi da". */
export function foldHeader(text: string): string {
  return foldVietnamese(text.replace(/\([^)]*\)/g, ' ').replace(/[/,.;:*–-]+/g, ' '));
}

export type MetaKey =
  | 'code'
  | 'name'
  | 'decisionNumber'
  | 'decisionDate'
  | 'issuer'
  | 'decisionTitle'
  | 'articles'
  | 'unitTypes'
  | 'groupName'
  | 'description'
  | 'notes'
  | 'illustrative'
  | 'mainIndicators'
  | 'subIndicators'
  | 'totalPoints'
  | 'infoField'
  | 'evidenceRule'
  | 'rules';

/** Labels of the "Thông tin" sheet (column A), in writing order; the reader also accepts the variants. */
export const META_LABELS: { key: MetaKey; label: string; variants: string[] }[] = [
  { key: 'code', label: 'Mã bộ chỉ số', variants: ['ma bo chi so'] },
  { key: 'name', label: 'Tên bộ chỉ số', variants: ['ten bo chi so', 'ten'] },
  { key: 'decisionNumber', label: 'Số quyết định', variants: ['so quyet dinh', 'quyet dinh so'] },
  { key: 'decisionDate', label: 'Ngày quyết định', variants: ['ngay quyet dinh', 'ngay ban hanh', 'ngay'] },
  { key: 'issuer', label: 'Cơ quan ban hành', variants: ['co quan ban hanh', 'noi ban hanh'] },
  { key: 'decisionTitle', label: 'Trích yếu quyết định', variants: ['trich yeu quyet dinh', 'trich yeu'] },
  { key: 'articles', label: 'Điều khoản', variants: ['dieu khoan', 'can cu dieu khoan'] },
  { key: 'unitTypes', label: 'Đối tượng áp dụng', variants: ['doi tuong ap dung', 'doi tuong', 'loai don vi ap dung'] },
  { key: 'groupName', label: 'Tên nhóm đối tượng', variants: ['ten nhom doi tuong', 'nhom doi tuong'] },
  { key: 'description', label: 'Mô tả', variants: ['mo ta'] },
  { key: 'notes', label: 'Ghi chú', variants: ['ghi chu'] },
  { key: 'illustrative', label: 'Bộ chỉ số minh họa', variants: ['bo chi so minh hoa', 'minh hoa'] },
  { key: 'mainIndicators', label: 'Số chỉ số chính (công bố)', variants: ['so chi so chinh'] },
  { key: 'subIndicators', label: 'Số chỉ số thành phần (công bố)', variants: ['so chi so thanh phan'] },
  { key: 'totalPoints', label: 'Tổng điểm (công bố)', variants: ['tong diem', 'tong diem toi da'] },
  { key: 'infoField', label: 'Trường thông tin chung', variants: ['truong thong tin chung'] },
  {
    key: 'evidenceRule',
    label: 'Yêu cầu tài liệu kiểm chứng',
    variants: ['yeu cau tai lieu kiem chung', 'yeu cau minh chung'],
  },
  { key: 'rules', label: 'Quy tắc đánh giá (JSON)', variants: ['quy tac danh gia'] },
];

export function metaKeyOf(label: string): MetaKey | null {
  const folded = foldHeader(label);
  return META_LABELS.find((m) => m.variants.includes(folded))?.key ?? null;
}

export const YES_WORDS = ['co', 'x', 'yes', 'true', '1', 'dung'];
export const NO_WORDS = ['khong', 'no', 'false', '0', 'sai'];

export { MAX_FRAMEWORK_NODES as MAX_NODES } from '../../core/framework/index.ts';
/** Rows of the index sheet read at most (nodes + headers, blank lines, notes). */
export const MAX_SHEET_ROWS = 8000;

/** The evidence rule's cell words (issue 13 §3): written as the first, read as any (folded). */
export const EVIDENCE_RULE_WORDS = {
  required: ['Bắt buộc', 'bat buoc'],
  evidence_or_explanation: [
    'Tài liệu hoặc giải trình',
    'tai lieu hoac giai trinh',
    'minh chung hoac giai trinh',
    'tai lieu kiem chung hoac giai trinh',
  ],
  none: ['Không yêu cầu', 'khong yeu cau', 'khong'],
} as const;

/** The evidence rule a cell names ("Bắt buộc", "tai lieu hoac giai trinh", …), or null for a word the layout does not know. */
export function evidenceRuleOfWord(text: string): keyof typeof EVIDENCE_RULE_WORDS | null {
  const folded = foldVietnamese(text);
  return (
    (Object.keys(EVIDENCE_RULE_WORDS) as (keyof typeof EVIDENCE_RULE_WORDS)[]).find((k) =>
      EVIDENCE_RULE_WORDS[k].some((w) => foldVietnamese(w) === folded),
    ) ?? null
  );
}
