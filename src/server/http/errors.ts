// One error shape for the whole API: {"error":{"code","message","details"}}. Operations throw
// OperationError with a stable code; the error handler maps it to its status. Messages are Vietnamese.

export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'UNAUTHENTICATED'
  | 'INVALID_CREDENTIALS'
  | 'TOO_MANY_ATTEMPTS'
  | 'CSRF_TOKEN_INVALID'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'VERSION_CONFLICT'
  | 'UNIT_CODE_TAKEN'
  | 'GROUP_CODE_TAKEN'
  | 'USERNAME_TAKEN'
  | 'ROLE_ALREADY_ASSIGNED'
  | 'MOVE_INTO_DESCENDANT'
  | 'WRONG_PASSWORD'
  | 'WEAK_PASSWORD'
  | 'IMPORT_INVALID'
  | 'UNSUPPORTED_FILE'
  | 'FILE_TOO_LARGE'
  | 'EMPTY_FILE'
  | 'STORAGE_FULL'
  | 'EVIDENCE_IN_USE'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'INVALID_STATE'
  | 'FRAMEWORK_INVALID'
  | 'FRAMEWORK_IN_USE'
  | 'ASSESSMENT_LOCKED'
  | 'SUBMISSION_INCOMPLETE'
  | 'SUBMISSION_REFUSED'
  | 'SCORE_INVALID'
  | 'SCORE_OUT_OF_RANGE'
  | 'FIGURE_OUT_OF_RANGE'
  | 'SELF_ASSESSMENT_DEADLINE_PASSED'
  | 'EARLY_CLOSE_REASON_REQUIRED'
  | 'CAMPAIGN_OVERLAP'
  | 'DECISION_DATE_IN_FUTURE'
  | 'PUBLICATION_BEFORE_APPROVAL'
  | 'REASON_REQUIRED'
  | 'REPLY_DEADLINE_PASSED'
  | 'APPRAISAL_INCOMPLETE'
  | 'ALREADY_MEMBER'
  | 'TOKEN_SCOPE_NOT_HELD'
  | 'DATABASE_UNAVAILABLE'
  | 'SERVER_BUSY'
  | 'DISK_FULL'
  | 'PUBLICATION_UNVERIFIED'
  | 'INTERNAL_ERROR';

const STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  WRONG_PASSWORD: 400,
  WEAK_PASSWORD: 400,
  MOVE_INTO_DESCENDANT: 400,
  EMPTY_FILE: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  CSRF_TOKEN_INVALID: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VERSION_CONFLICT: 409,
  UNIT_CODE_TAKEN: 409,
  GROUP_CODE_TAKEN: 409,
  USERNAME_TAKEN: 409,
  ROLE_ALREADY_ASSIGNED: 409,
  INVALID_STATE: 409,
  ASSESSMENT_LOCKED: 409,
  SUBMISSION_REFUSED: 409,
  SCORE_INVALID: 400,
  SCORE_OUT_OF_RANGE: 422,
  FIGURE_OUT_OF_RANGE: 422,
  SELF_ASSESSMENT_DEADLINE_PASSED: 422,
  EARLY_CLOSE_REASON_REQUIRED: 422,
  CAMPAIGN_OVERLAP: 409,
  DECISION_DATE_IN_FUTURE: 422,
  PUBLICATION_BEFORE_APPROVAL: 422,
  REASON_REQUIRED: 400,
  REPLY_DEADLINE_PASSED: 409,
  APPRAISAL_INCOMPLETE: 422,
  ALREADY_MEMBER: 409,
  TOKEN_SCOPE_NOT_HELD: 422,
  SUBMISSION_INCOMPLETE: 422,
  EVIDENCE_IN_USE: 409,
  FRAMEWORK_IN_USE: 409,
  FILE_TOO_LARGE: 413,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_FILE: 415,
  UNSUPPORTED_MEDIA_TYPE: 415,
  IMPORT_INVALID: 422,
  FRAMEWORK_INVALID: 422,
  TOO_MANY_ATTEMPTS: 429,
  INTERNAL_ERROR: 500,
  STORAGE_FULL: 507,
  DATABASE_UNAVAILABLE: 503,
  SERVER_BUSY: 503,
  DISK_FULL: 507,
  PUBLICATION_UNVERIFIED: 503,
};

export class OperationError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
  get status(): number {
    return STATUS[this.code];
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

export function errorBody(code: string, message: string, details?: unknown) {
  return { error: { code, message, ...(details === undefined ? {} : { details }) } };
}
