// /users/{id}/tokens: API tokens of an account for machine clients — the requests and answers, one source for
// the server's schemas and the staff app's types. The client words scopes and revocation reasons
// (i18n tok.scope.<code>, tok.reason.<code>).
import { z } from 'zod';
import { TOKEN_SCOPES } from '../core/policy/token-scopes.ts';

export const tokenScopeSchema = z.enum(TOKEN_SCOPES, { message: 'Phạm vi mã truy cập không hợp lệ' });

export const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  scope: tokenScopeSchema,
  createdAt: z.string(),
  expiresAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  /** manual | password_changed | password_reset | role_lost | account_disabled */
  revokedReason: z.string().nullable(),
  active: z.boolean(),
});

export const tokenListSchema = z.object({
  items: z.array(apiTokenSchema),
  /** Each scope and whether the account holds a role for it. */
  scopes: z.array(z.object({ scope: tokenScopeSchema, available: z.boolean() })),
  defaultDays: z.number(),
  maxDays: z.number(),
});

export const createTokenBody = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Cần đặt tên cho mã truy cập')
    .max(200)
    .transform((s) => s.normalize('NFC')),
  scope: tokenScopeSchema,
  expiresInDays: z
    .number({ message: 'Thời hạn phải là số ngày' })
    .int('Thời hạn phải là số ngày nguyên')
    .min(1, 'Thời hạn ít nhất 1 ngày')
    .optional(),
});

/** The answer of a creation: the token's value, shown this once. */
export const createdTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  scope: tokenScopeSchema,
  token: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
});

export type TokenScope = z.infer<typeof tokenScopeSchema>;
export type ApiToken = z.infer<typeof apiTokenSchema>;
export type TokenList = z.infer<typeof tokenListSchema>;
export type CreatedToken = z.infer<typeof createdTokenSchema>;
export type CreateTokenInput = z.input<typeof createTokenBody>;
