// Delegations of a competent authority (issue 13 §2; src/core/policy/competent-authority.ts).
import { z } from 'zod';

const text = (max: number) => z.string().trim().min(1, 'Không được để trống').max(max);
export const authorityPower = z.enum(['appraise', 'approve', 'publish']);

export const delegationBody = z.object({
  groupId: z.uuid(),
  /** The authority that hands over (a district of the group's communes, or the campaign owner). */
  fromUnitId: z.uuid(),
  /** The unit whose DX office (or council roles, for appraisal) will act in its place. */
  toUnitId: z.uuid(),
  powers: z.array(authorityPower).min(1, 'Chọn ít nhất một quyền được ủy quyền').max(3),
  reason: text(2000),
  documentRef: z.string().trim().max(500).nullish(),
});

export const revokeDelegationBody = z.object({ reason: text(2000) });

const unitRef = z.object({ id: z.string(), code: z.string(), name: z.string() });
export const delegationSchema = z.object({
  id: z.string(),
  groupId: z.string(),
  from: unitRef,
  to: unitRef,
  powers: z.array(authorityPower),
  reason: z.string(),
  documentRef: z.string().nullable(),
  recordedBy: z.string(),
  recordedAt: z.string(),
  revokedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
});

/** The authorities of each group (who approves and publishes which part) and the delegations recorded. */
export const authoritiesSchema = z.object({
  parts: z.array(
    z.object({
      groupId: z.string(),
      groupName: z.string(),
      authority: z.object({ id: z.string(), name: z.string() }),
      approved: z.boolean(),
      published: z.boolean(),
      /** What the caller may do for this part: approve, publish (itself or under a delegation). */
      canApprove: z.boolean(),
      canPublish: z.boolean(),
    }),
  ),
  delegations: z.array(delegationSchema),
  /** Units the caller may name as a delegate (the campaign owner and the authorities' ancestors). */
  canRecord: z.boolean(),
});

export type DelegationInput = z.input<typeof delegationBody>;
export type DelegationView = z.infer<typeof delegationSchema>;
export type AuthoritiesView = z.infer<typeof authoritiesSchema>;
export type AuthorityPowerCode = z.infer<typeof authorityPower>;
