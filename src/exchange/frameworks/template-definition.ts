// The index-set import template: the appendix workbook of a small set that shows every way of scoring
// (one example per method) and imports back as it is. Served by GET /frameworks/import-template beside
// the import button, so a DX office sees the expected sheets and columns with filled-in examples.
import type { FrameworkDefinition } from '../../core/framework/index.ts';

export const TEMPLATE_DEFINITION: FrameworkDefinition = {
  code: 'mau-bo-chi-so',
  name: 'Mẫu bộ chỉ số (ví dụ — thay bằng bộ chỉ số của quyết định)',
  decision: { number: 'Số hiệu quyết định', issuer: 'Cơ quan ban hành' },
  appliesTo: { unitTypes: ['commune'] },
  illustrative: true,
  nodes: [
    {
      code: '1',
      title: 'Nhận thức số',
      maxPoints: 30,
      children: [
        {
          code: '1.1',
          title: 'Lãnh đạo đơn vị tham gia các chương trình chuyển đổi số (chấm trực tiếp)',
          maxPoints: 10,
          method: { kind: 'manual', step: 0.5 },
        },
        {
          code: '1.2',
          title: 'Ban hành kế hoạch chuyển đổi số năm (có/không)',
          maxPoints: 10,
          method: { kind: 'yesno' },
        },
        {
          code: '1.3',
          title: 'Mức độ tuyên truyền về chuyển đổi số (chọn mức)',
          maxPoints: 10,
          method: {
            kind: 'choice',
            options: [
              { value: 'cao', label: 'Thường xuyên', fraction: 1 },
              { value: 'vua', label: 'Có', points: 5 },
              { value: 'thap', label: 'Chưa', points: 0 },
            ],
          },
        },
      ],
    },
    {
      code: '2',
      title: 'Hoạt động chính quyền số',
      maxPoints: 70,
      children: [
        {
          code: '2.1',
          title: 'Tỷ lệ hồ sơ thủ tục hành chính nộp trực tuyến (tỷ lệ)',
          maxPoints: 40,
          method: {
            kind: 'ratio',
            numeratorLabel: 'Số hồ sơ nộp trực tuyến',
            denominatorLabel: 'Tổng số hồ sơ',
            zeroDenominator: 'not_applicable',
          },
        },
        {
          code: '2.2',
          title: 'Số cuộc họp trực tuyến trong năm (theo mức)',
          maxPoints: 30,
          method: {
            kind: 'steps',
            input: 'number',
            valueLabel: 'Số cuộc họp',
            thresholds: [
              { atLeast: 12, fraction: 1 },
              { atLeast: 4, points: 15 },
            ],
          },
        },
      ],
    },
  ],
};
