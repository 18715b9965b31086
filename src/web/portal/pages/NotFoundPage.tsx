// Any other portal path.
import { Link } from '../Link.tsx';

export default function NotFoundPage() {
  return (
    <div>
      <h1>Không tìm thấy trang</h1>
      <p>
        Đường dẫn không đúng hoặc dữ liệu chưa được công bố. <Link href="/cong-khai">Về trang các kỳ đánh giá</Link>.
      </p>
    </div>
  );
}
