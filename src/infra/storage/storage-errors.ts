// The storage failures users can act on, as API errors with stable codes and Vietnamese messages.
import { OperationError } from '../../app/errors.ts';

export function storageFull(): OperationError {
  return new OperationError(
    'STORAGE_FULL',
    'Kho lưu trữ tài liệu kiểm chứng đã hết dung lượng nên chưa nhận thêm tệp. Vui lòng báo quản trị viên hệ thống; các chức năng khác vẫn hoạt động bình thường.',
  );
}

export function fileTooLarge(maxBytes: number): OperationError {
  const mb = maxBytes >= 1024 * 1024 ? `${Math.round(maxBytes / 1024 / 1024)} MB` : `${maxBytes} byte`;
  return new OperationError(
    'FILE_TOO_LARGE',
    `Tệp vượt quá giới hạn ${mb}. Hãy nén hoặc chia nhỏ tệp rồi tải lên lại.`,
    { maxBytes },
  );
}

/** Real disk-full / quota errors from the operating system become STORAGE_FULL too. */
export function isOutOfSpace(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT';
}
