// The closed lists of codes a rejected import answers with, row by row (422 IMPORT_INVALID
// details.problems[].code, with `params`): issue 14 §6. The server still writes a Vietnamese `message`
// beside each (the CLI, logs and the problem-report workbook use it); the staff app words the code in the
// reader's language and falls back to that message for a code it does not know. A problem raised by the
// same operation as the web form (saving an item, a figure) carries that operation's API error code
// (contract/error-codes.ts) instead — worded as the error. test/unit/web/i18n-keys.test.ts fails when a
// code here has no words in either language.

/** Org units sheet (exchange/org-units/parse-units-table.ts, app/org-units/import-units.ts). */
export const UNIT_IMPORT_PROBLEM_CODES = [
  'HEADER_NOT_FOUND',
  'NO_DATA_ROWS',
  'REQUIRED',
  'UNIT_CODE_INVALID',
  'DUPLICATE_IN_FILE',
  'TOO_LONG',
  'UNIT_TYPE_UNKNOWN',
  'PARENT_IS_SELF',
  'UNIT_CODE_TAKEN',
  'NO_RIGHT_TO_UPDATE',
  'PARENT_DIFFERS',
  'ROOT_NOT_ALLOWED',
  'NO_RIGHT_TO_ADD_CHILD',
  'PARENT_NOT_FOUND',
  'TOO_DEEP',
  'PARENT_CYCLE',
] as const;
export type UnitImportProblemCode = (typeof UNIT_IMPORT_PROBLEM_CODES)[number];

/** Accounts sheet (exchange/users/parse-users-table.ts, app/users/import-users.ts). */
export const USER_IMPORT_PROBLEM_CODES = [
  'HEADER_NOT_FOUND',
  'USERNAME_INVALID',
  'FULL_NAME_INVALID',
  'EMAIL_INVALID',
  'ROLE_UNKNOWN',
  'UNIT_REQUIRED_WITH_ROLE',
  'WEAK_PASSWORD',
  'FULL_NAME_DIFFERS',
  'USERNAME_TAKEN',
  'UNIT_NOT_FOUND',
  'NO_RIGHT_TO_GRANT',
] as const;
export type UserImportProblemCode = (typeof USER_IMPORT_PROBLEM_CODES)[number];

/** A filled-in self-assessment form (exchange/assessments, app/assessments/import-assessment-form.ts);
 *  a row refused by saving the item carries the save's error code (SCORE_OUT_OF_RANGE…). */
export const FORM_IMPORT_PROBLEM_CODES = [
  'FORM_UNREADABLE',
  'FORM_SHEET_MISSING',
  'FORM_HEADER_NOT_FOUND',
  'OTHER_ASSESSMENT',
  'ITEM_NOT_FOUND',
  'DUPLICATE_IN_FILE',
  'CHANGED_SINCE_EXPORT',
  'NOT_A_NUMBER',
  'INPUT_NOT_NAME_VALUE',
  'INPUT_NAME_MISSING',
  'INPUT_TWICE',
] as const;
export type FormImportProblemCode = (typeof FORM_IMPORT_PROBLEM_CODES)[number];

/** Figures sheet (exchange/figures/parse-figures-table.ts, app/figures/check-figures.ts); a value refused
 *  by the item's method carries that error code (FIGURE_OUT_OF_RANGE…). */
export const FIGURE_IMPORT_PROBLEM_CODES = [
  'HEADER_NOT_FOUND',
  'TOO_MANY_ROWS',
  'NO_ROWS',
  'REQUIRED',
  'TOO_LONG',
  'DUPLICATE_IN_FILE',
  'UNIT_NOT_IN_CAMPAIGN',
  'ITEM_IS_GROUP',
  'ITEM_NOT_FOUND',
] as const;
export type FigureImportProblemCode = (typeof FIGURE_IMPORT_PROBLEM_CODES)[number];
