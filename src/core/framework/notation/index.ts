// Method notation for the spreadsheet column "Phương pháp tính điểm".
export { parseMethodNotation, type NotationResult } from './parse.ts';
export { formatMethodNotation } from './format.ts';
