// What a use case reports when it refuses: a stable code, a Vietnamese message for people, and the parameters
// (details) a client needs to say it in its own words. No HTTP here: the server maps each code to its status
// (src/server/http/errors.ts), a CLI command or a job reads the same code.

export type { ErrorCode } from '../contract/error-codes.ts';
import type { ErrorCode } from '../contract/error-codes.ts';

export class OperationError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const notFound = (what = 'Không tìm thấy đối tượng yêu cầu.') => new OperationError('NOT_FOUND', what);

export function versionConflict(current: unknown): OperationError {
  return new OperationError(
    'VERSION_CONFLICT',
    'Dữ liệu đã được người khác thay đổi. Hãy xem giá trị hiện tại rồi lưu lại.',
    { current },
  );
}
