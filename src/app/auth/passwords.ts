// Password hashing with argon2id (@node-rs/argon2: its prebuilt binary works on this Node, ~58 ms a hash).
import { hash, verify } from '@node-rs/argon2';

export function hashPassword(password: string): Promise<string> {
  return hash(password); // argon2id, library defaults (19 MiB, t=2)
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

// Verifying against this when the user does not exist keeps the response time the same, so timing
// does not reveal which usernames exist.
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('thuocdo-dummy-password-for-timing');
  return dummyHash;
}

/** A password's length in characters: at least, at most (also the parameters of an import's WEAK_PASSWORD). */
export const PASSWORD_LENGTH = { min: 8, max: 200 } as const;

/** Vietnamese reason when the password is too weak, else null. */
export function passwordWeakness(password: string): string | null {
  if (password.length < PASSWORD_LENGTH.min) return `Mật khẩu phải có ít nhất ${PASSWORD_LENGTH.min} ký tự.`;
  if (password.length > PASSWORD_LENGTH.max) return `Mật khẩu không được dài quá ${PASSWORD_LENGTH.max} ký tự.`;
  if (!/[A-Za-zÀ-ỹ]/.test(password) || !/\d/.test(password)) return 'Mật khẩu phải có cả chữ và số.';
  return null;
}
