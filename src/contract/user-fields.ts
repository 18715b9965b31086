// Validation of an account's own fields, shared by the /users bodies, the account import and the CLI. Names NFC.
import { z } from 'zod';
import { toNfc } from '../core/text/vietnamese.ts';

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^[a-z0-9][a-z0-9._-]{2,63}$/,
    'Tên đăng nhập gồm 3–64 ký tự: chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới',
  );
export const fullNameSchema = z
  .string()
  .transform(toNfc)
  .pipe(z.string().min(1, 'Họ và tên không được để trống').max(200, 'Họ và tên tối đa 200 ký tự'));
export const emailSchema = z.email({ message: 'Email không hợp lệ' }).max(200);
export const phoneSchema = z
  .string()
  .trim()
  .regex(/^[0-9+().\s-]{6,20}$/, 'Số điện thoại không hợp lệ');
