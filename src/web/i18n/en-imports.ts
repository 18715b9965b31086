// English words of the codes a rejected import sends row by row; keys mirror vi-imports.ts.
import type { viImports } from './vi-imports.ts';

export const enImports: Record<keyof typeof viImports, string> = {
  'import.itemError': 'Item {item}: {error}',
  'unitImport.HEADER_NOT_FOUND': 'No header row with the columns: {columns}.',
  'unitImport.NO_DATA_ROWS': 'The table has no data rows.',
  'unitImport.REQUIRED': 'Value missing.',
  'unitImport.UNIT_CODE_INVALID':
    'Code "{value}" is not valid (letters without accents, digits, . _ - only; at most 64 characters).',
  'unitImport.DUPLICATE_IN_FILE': 'Code "{value}" repeats row {firstRow}.',
  'unitImport.TOO_LONG': 'The unit name is {length} characters long; at most {max}.',
  'unitImport.UNIT_TYPE_UNKNOWN': 'Type "{value}" is not valid (for example: Sở, Huyện, Xã, Phường, Đơn vị sự nghiệp).',
  'unitImport.PARENT_IS_SELF': 'A unit cannot be its own parent.',
  'unitImport.UNIT_CODE_TAKEN': 'Unit code "{value}" is already in use.',
  'unitImport.NO_RIGHT_TO_UPDATE': 'You may not change the existing unit "{value}".',
  'unitImport.PARENT_DIFFERS':
    'Unit "{value}" already exists under another parent; use "Move unit" to change its parent.',
  'unitImport.ROOT_NOT_ALLOWED': 'Only a system administrator creates top-level units; fill in the parent unit code.',
  'unitImport.NO_RIGHT_TO_ADD_CHILD': 'You may not add units under "{value}".',
  'unitImport.PARENT_NOT_FOUND': 'No parent unit with code "{value}" (in the file or in the system).',
  'unitImport.TOO_DEEP':
    'Unit "{value}" would sit at level {depth}, deeper than {max} levels; it and the units under it cannot be imported.',
  'unitImport.PARENT_CYCLE': 'Parents form a loop: {chain}.',
  'userImport.HEADER_NOT_FOUND': 'No header row: {columns}.',
  'userImport.USERNAME_INVALID': 'Username "{value}" is not valid.',
  'userImport.FULL_NAME_INVALID': 'The full name is empty or longer than {max} characters.',
  'userImport.EMAIL_INVALID': 'E-mail "{value}" is not valid.',
  'userImport.ROLE_UNKNOWN': 'Role "{value}" is not in the list of roles.',
  'userImport.UNIT_REQUIRED_WITH_ROLE': 'A role needs a unit code.',
  'userImport.WEAK_PASSWORD': 'The password needs {min} to {max} characters, with both letters and digits.',
  'userImport.FULL_NAME_DIFFERS': 'Username "{value}" is already on row {firstRow} with another full name.',
  'userImport.USERNAME_TAKEN': 'Username "{value}" already exists.',
  'userImport.UNIT_NOT_FOUND': 'No unit with code "{value}".',
  'userImport.NO_RIGHT_TO_GRANT': 'You may not grant this role on unit "{value}".',
  'formImport.FORM_UNREADABLE': 'The self-assessment form cannot be read.',
  'formImport.FORM_SHEET_MISSING': 'The workbook has no self-assessment sheet.',
  'formImport.FORM_HEADER_NOT_FOUND': 'No table with the columns {columns}: use the form exported by the system.',
  'formImport.OTHER_ASSESSMENT': 'This file is the self-assessment form of another unit or campaign.',
  'formImport.ITEM_NOT_FOUND': 'The index set has no item "{item}".',
  'formImport.DUPLICATE_IN_FILE': 'Item {item} is already on row {firstRow}.',
  'formImport.CHANGED_SINCE_EXPORT':
    'Item {item} was changed in the system after the file was exported; export the form again or edit it online.',
  'formImport.NOT_A_NUMBER': 'Self-score "{value}" must be a number.',
  'formImport.INPUT_NOT_NAME_VALUE': '"{value}" must read name=value (for example: a=30; b=40).',
  'formImport.INPUT_NAME_MISSING': '"{value}" has no figure name.',
  'formImport.INPUT_TWICE': 'Figure "{input}" is written twice.',
};
