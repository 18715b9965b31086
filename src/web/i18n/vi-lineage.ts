// Vietnamese strings of lineage (issue 15 §2): recording a merger, split or rename on a unit, its checks, and
// the derived ranking on the staff results page; merged into vi.ts. English in en-lineage.ts.
export const viLineage = {
  'lineage.action': 'Ghi nhận sáp nhập/chia tách',
  'lineage.title': 'Ghi nhận thay đổi đơn vị (sáp nhập, chia tách, đổi tên)',
  'lineage.kind': 'Loại thay đổi',
  'lineage.kind.merger': 'Hợp nhất/sáp nhập',
  'lineage.kind.split': 'Chia tách',
  'lineage.kind.rename': 'Đổi tên',
  'lineage.help.merger':
    'Đơn vị này được hình thành từ (hoặc tiếp nhận) các đơn vị chọn dưới đây. Các đơn vị đó ngừng hoạt động từ ngày có hiệu lực (ngày cuối là ngày trước đó); đơn vị này vẫn hoạt động.',
  'lineage.help.split':
    'Đơn vị này được chia thành các đơn vị chọn dưới đây (ít nhất hai). Đơn vị này ngừng hoạt động từ ngày có hiệu lực.',
  'lineage.help.rename':
    'Đơn vị này tiếp nối một đơn vị cũ (tên, mã mới). Đơn vị cũ ngừng hoạt động từ ngày có hiệu lực; kết quả cũ vẫn là của đơn vị cũ.',
  'lineage.predecessors': 'Đơn vị tiền thân',
  'lineage.successors': 'Các đơn vị được chia thành',
  'lineage.othersRequired': 'Chọn đơn vị',
  'lineage.effectiveDate': 'Ngày có hiệu lực',
  'lineage.dateRequired': 'Chọn ngày',
  'lineage.legalBasis': 'Căn cứ pháp lý (số văn bản)',
  'lineage.legalBasisHelp': 'Ví dụ: Nghị quyết 1665/NQ-UBTVQH15',
  'lineage.legalBasisRequired': 'Cần nêu căn cứ pháp lý',
  'lineage.legalBasisDate': 'Ngày ban hành văn bản',
  'lineage.note': 'Ghi chú',
  'lineage.record': 'Ghi nhận',
  'lineage.saved': 'Đã ghi nhận. Số đơn vị tiền thân được cho ngừng hoạt động: {ended}.',
  'lineage.refused': 'Chưa ghi nhận được thay đổi:',
  'lineage.basis': 'căn cứ {basis}',
  'lineage.remove': 'Xóa quan hệ',
  'lineage.removeTitle': 'Xóa quan hệ kế thừa',
  'lineage.removeHelp':
    'Chỉ xóa khi ghi nhận nhầm. Nếu bảng xếp hạng quy đổi của kỳ đã công bố đã dùng quan hệ này, việc xóa vẫn được thực hiện và ghi vào nhật ký thao tác cùng các kỳ đó.',
  'lineage.removed': 'Đã xóa quan hệ kế thừa.',
  'lineage.removedUsed':
    'Đã xóa quan hệ kế thừa; đã ghi nhật ký vì bảng xếp hạng quy đổi của {campaigns} đã dùng quan hệ này.',
  'lineage.problem.LINEAGE_SHAPE':
    '{kind} không đúng số đơn vị: đổi tên là 1 đơn vị cũ → 1 đơn vị; hợp nhất là 1 hoặc nhiều đơn vị → 1 đơn vị; chia tách là 1 đơn vị → ít nhất 2 đơn vị (không chọn trùng).',
  'lineage.problem.LINEAGE_SELF': 'Đơn vị {unit} không thể là tiền thân của chính nó.',
  'lineage.problem.LINEAGE_CYCLE':
    'Không thể ghi {predecessor} là tiền thân của {unit}: {predecessor} đã được hình thành (trực tiếp hoặc qua nhiều lần) từ {unit}, sẽ tạo vòng lặp.',
  'lineage.problem.LINEAGE_DUPLICATE': 'Quan hệ {predecessor} → {unit} đã được ghi nhận.',
  'lineage.problem.LINEAGE_BEFORE_PREDECESSOR_START':
    'Ngày có hiệu lực {effectiveDate} phải sau ngày bắt đầu hoạt động của {predecessor} ({activeFrom}).',
  'lineage.problem.LINEAGE_SUCCESSOR_NOT_ACTIVE': 'Đơn vị {unit} không hoạt động vào ngày {effectiveDate}.',
  'lineage.problem.LINEAGE_BASIS_AFTER_EFFECT':
    'Ngày ban hành văn bản ({legalBasisDate}) không được sau ngày có hiệu lực ({effectiveDate}).',
  'derived.title': 'Xếp hạng quy đổi theo đơn vị hiện nay',
  'derived.notice':
    'Số liệu suy ra, không phải kết quả đã công bố: mỗi đơn vị hiện nay lấy tỷ lệ % đã công bố của các đơn vị tiền thân. Bản công bố có chữ ký số không thay đổi.',
  'derived.method':
    'Cách tính: {method}. Xếp loại theo các mức của kỳ đánh giá áp dụng cho tỷ lệ % quy đổi; bằng tỷ lệ thì đồng hạng.',
  'derived.asOf': 'Theo đơn vị hoạt động ngày',
  'derived.lineage': 'Căn cứ {basis}, hiệu lực từ {date}: {count} quan hệ kế thừa',
  'derived.noBasis': 'Không ghi căn cứ, hiệu lực từ {date}: {count} quan hệ kế thừa',
  'derived.unit': 'Đơn vị hiện nay',
  'derived.percent': 'Tỷ lệ quy đổi',
  'derived.predecessors': 'Đơn vị tiền thân (tỷ lệ đã công bố)',
  'derived.noData': 'không có số liệu',
  'derived.tie': 'đồng hạng',
  'derived.derivedMark': 'suy ra',
  'derived.today': 'Hôm nay',
  'derived.none': 'Vào ngày này, các đơn vị của kỳ đều còn hoạt động: không có xếp hạng quy đổi.',
  'derived.original': 'Xếp hạng đã công bố',
  'derived.export': 'Bảng xếp hạng .xlsx có thêm trang “Quy đổi” cho mỗi nhóm này.',
} as const;
