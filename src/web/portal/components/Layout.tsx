// The portal's frame: skip link, header (brand, navigation, staff login), the page, footer.
import type { ReactNode } from 'react';
import { Link } from '../Link.tsx';

export function Layout({ children, help = '/huong-dan/nguoi-dan' }: { children: ReactNode; help?: string }) {
  return (
    <>
      <a className="skip" href="#main">
        Bỏ qua, đến nội dung chính
      </a>
      <header className="site-header">
        <div className="wrap header-row">
          <Link href="/cong-khai" className="brand" data-testid="portal-brand">
            Thước Đo<span className="brand-sub">Công khai kết quả chuyển đổi số</span>
          </Link>
          <nav aria-label="Điều hướng chính" className="top-nav">
            <Link href="/cong-khai">Các kỳ đánh giá</Link>
            <Link href={help} data-testid="help-link">
              Hướng dẫn
            </Link>
            <a href="/login" data-testid="staff-login">
              Cán bộ đăng nhập
            </a>
          </nav>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="wrap">
        {children}
      </main>
      <footer className="site-footer">
        <div className="wrap">
          Số liệu lấy từ bản công bố đã ký số của cơ quan có thẩm quyền; có thể tải về và tự kiểm tra trong mục “Dữ liệu
          mở”.
        </div>
      </footer>
    </>
  );
}
