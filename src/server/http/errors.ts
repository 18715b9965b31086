// One error shape for the whole API: {"error":{"code","message","details"}}. Use cases throw OperationError
// (src/app/errors.ts) with a stable code; this map gives each code its HTTP status.

import type { ErrorCode } from '../../app/errors.ts';

export const STATUS: Record<ErrorCode, number> = {
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
  NOT_RANKED: 409,
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

/** The HTTP status of an application error code. */
export function statusOf(code: ErrorCode): number {
  return STATUS[code];
}

export function errorBody(code: string, message: string, details?: unknown) {
  return { error: { code, message, ...(details === undefined ? {} : { details }) } };
}
