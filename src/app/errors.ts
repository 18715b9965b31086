// What a use case reports when it refuses: a stable code, a Vietnamese message for people, and the parameters
// (details) a client needs to say it in its own words. No HTTP here: the server maps each code to its status
// (src/server/http/errors.ts), a CLI command or a job reads the same code.

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
  | 'NOT_COMPETENT_AUTHORITY'
  | 'DELEGATION_INVALID'
  | 'LINEAGE_INVALID'
  | 'NOT_RANKED'
  | 'REASON_REQUIRED'
  | 'REPLY_DEADLINE_PASSED'
  | 'SELF_SCORE_LOCKED'
  | 'SUPPLEMENT_NOT_OPEN'
  | 'SUPPLEMENT_CLOSED'
  | 'SUPPLEMENT_DEADLINE_PASSED'
  | 'OBJECTION_NOT_OFFERED'
  | 'OBJECTION_NOT_OPEN'
  | 'OBJECTION_WINDOW_CLOSED'
  | 'OBJECTION_ITEM_NOT_DECIDED'
  | 'OBJECTION_ALREADY_OPEN'
  | 'OBJECTION_ANSWERED'
  | 'APPRAISAL_INCOMPLETE'
  | 'ALREADY_MEMBER'
  | 'TOKEN_SCOPE_NOT_HELD'
  | 'DATABASE_UNAVAILABLE'
  | 'SERVER_BUSY'
  | 'DISK_FULL'
  | 'PUBLICATION_UNVERIFIED'
  | 'INTERNAL_ERROR';

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
