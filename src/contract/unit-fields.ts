// Validation of a unit's own fields, shared by create, update and import. Names are stored NFC.
import { z } from 'zod';
import { UNIT_TYPES } from '../core/org/unit-types.ts';
import { toNfc } from '../core/text/vietnamese.ts';

export { UNIT_CODE_PATTERN } from '../core/org/unit-types.ts';
import { UNIT_CODE_PATTERN } from '../core/org/unit-types.ts';

export const unitCodeSchema = z
  .string()
  .trim()
  .regex(
    UNIT_CODE_PATTERN,
    'Mã đơn vị chỉ gồm chữ cái không dấu, chữ số, dấu chấm, gạch ngang, gạch dưới (tối đa 64 ký tự)',
  );

export const unitNameSchema = z
  .string()
  .transform(toNfc)
  .pipe(z.string().min(1, 'Tên đơn vị không được để trống').max(300, 'Tên đơn vị không được dài quá 300 ký tự'));

export const unitTypeSchema = z.enum(UNIT_TYPES, { message: 'Loại đơn vị không hợp lệ' });

export const isoDateSchema = z.iso.date({ message: 'Ngày phải có dạng yyyy-mm-dd' });
