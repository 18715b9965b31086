// The self-assessment form (biểu tự đánh giá, chấm điểm) as exchanged on paper and in .xlsx: unit header
// fields, then STT | Chỉ số | Điểm tối đa | Phương pháp xác định và cách cho điểm | Điểm tự chấm |
// Giải trình kết quả. Two more columns make a filled-in form importable: "Số liệu" (the method's inputs
// as "a=30; b=40", visible: that is what a unit fills offline) and "Phiên bản" (hidden: the item version
// the export saw, so a change made online since then is reported instead of overwritten). A hidden sheet
// names the assessment the form belongs to.

export const FORM_SHEET_NAME = 'Tự đánh giá';
export const META_SHEET_NAME = 'ThuocDo';

export const FORM_COLUMNS = [
  { key: 'stt', header: 'STT', width: 8 },
  { key: 'title', header: 'Chỉ số', width: 46 },
  { key: 'maxPoints', header: 'Điểm tối đa', width: 10 },
  { key: 'method', header: 'Phương pháp xác định và cách cho điểm', width: 48 },
  { key: 'selfScore', header: 'Điểm tự chấm', width: 11 },
  { key: 'explanation', header: 'Giải trình kết quả', width: 44 },
  { key: 'inputs', header: 'Số liệu', width: 26 },
  { key: 'version', header: 'Phiên bản', width: 9 },
] as const;

export type FormColumnKey = (typeof FORM_COLUMNS)[number]['key'];

/** Folded header labels the reader accepts for each column. */
export const FORM_COLUMN_LABELS: Record<FormColumnKey, { labels: readonly string[]; required: boolean }> = {
  stt: { labels: ['stt', 'ma chi so'], required: true },
  title: { labels: ['chi so', 'ten chi so'], required: false },
  maxPoints: { labels: ['diem toi da'], required: false },
  method: { labels: ['phuong phap xac dinh va cach cho diem'], required: false },
  selfScore: { labels: ['diem tu cham'], required: true },
  explanation: { labels: ['giai trinh ket qua', 'giai trinh'], required: true },
  inputs: { labels: ['so lieu'], required: true },
  version: { labels: ['phien ban'], required: true },
};

export const HEADER_FIELDS = ['Tên đơn vị', 'Kỳ đánh giá', 'Thời gian số liệu', 'Người lập', 'Ngày xuất'] as const;

/** Meta sheet keys (column A) and values (column B). */
export const META_KEYS = { assessmentId: 'assessmentId', unitCode: 'unitCode', exportedAt: 'exportedAt' } as const;
