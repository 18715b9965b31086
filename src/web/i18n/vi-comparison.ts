// Vietnamese sentences of the comparability rule (src/core/results/comparability.ts): the API sends a
// reason code and its parameters, the client writes the sentence. English in en-comparison.ts.
export const viComparison = {
  'cmp.notComparable': 'Không so sánh được',
  'cmp.rankNotComparable': 'Không so sánh thứ hạng',
  'cmp.side.current': 'kỳ này',
  'cmp.side.previous': 'kỳ trước',
  'cmp.reason.progress_round': '{side} là đợt báo cáo tiến độ, không xếp hạng',
  'cmp.reason.no_result': '{side} không có kết quả của đơn vị (cũng không có của các đơn vị tiền thân)',
  'cmp.reason.not_submitted': 'đơn vị không nộp tự đánh giá ở {side}',
  'cmp.reason.not_rankable': 'kết quả của đơn vị ở {side} không được xếp hạng',
  'cmp.reason.different_index_set': 'hai kỳ dùng bộ chỉ số khác nhau và chưa có bảng đối chiếu được xác nhận',
  'cmp.reason.no_mapping': 'chỉ số chính không có trong bảng đối chiếu',
  'cmp.reason.ambiguous_mapping': 'nhiều chỉ số cũ ứng với chỉ số này, không tự cộng gộp',
  'cmp.reason.missing_in_previous': 'kỳ trước không có số liệu của chỉ số này',
  'cmp.reason.no_applicable_max': 'chỉ số này kỳ trước không áp dụng',
  'cmp.reason.from_predecessors': 'số liệu kỳ trước suy ra từ các đơn vị tiền thân: chỉ so sánh tỷ lệ điểm chung',
  'cmp.reason.not_ranked': 'đơn vị không có thứ hạng ở {side}',
  'cmp.reason.index_set_changed': 'hai kỳ dùng hai phiên bản bộ chỉ số, thứ hạng không so sánh được',
  'cmp.reason.different_group':
    'nhóm xếp hạng gồm các đơn vị khác nhau ({currentUnits} đơn vị kỳ này, {previousUnits} đơn vị kỳ trước)',
  'cmp.units': '{n} đơn vị',
  'cmp.vsLastYear': 'So với {name}: {delta} điểm phần trăm',
  'cmp.rankMove': 'hạng {rank}',
} as const;
