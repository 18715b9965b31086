// The user guide's pages (docs/user-guide/<slug>.md, copied to /huong-dan/<slug>.md by the web build).
export const GUIDE_PAGES: { slug: string; title: string; who: string }[] = [
  {
    slug: 'can-bo-nhap-lieu',
    title: 'Cán bộ nhập liệu',
    who: 'Nhập số liệu, điểm tự chấm và tài liệu kiểm chứng của đơn vị',
  },
  {
    slug: 'lanh-dao-don-vi',
    title: 'Lãnh đạo đơn vị',
    who: 'Kiểm tra, nộp báo cáo tự đánh giá, xem kết quả và khoảng cách tới mức cao hơn',
  },
  {
    slug: 'quan-tri-nghiep-vu',
    title: 'Quản trị nghiệp vụ',
    who: 'Bộ chỉ số, kỳ đánh giá, tiến độ, phê duyệt, công bố và xuất văn bản',
  },
  { slug: 'to-giup-viec', title: 'Tổ giúp việc', who: 'Rà soát hồ sơ, đề xuất điểm thẩm định, yêu cầu giải trình' },
  { slug: 'hoi-dong-tham-dinh', title: 'Hội đồng thẩm định', who: 'Thẩm định điểm, kết thúc thẩm định, xem tổng quan' },
  {
    slug: 'nguoi-dan',
    title: 'Người dân và công chúng',
    who: 'Xem bảng xếp hạng, trang đơn vị, tải dữ liệu mở và tự kiểm tra chữ ký',
  },
];
