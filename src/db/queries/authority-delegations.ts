// Delegations of a competent authority (src/core/policy/competent-authority.ts): read per group, recorded,
// revoked. Never deleted: a revoked delegation stays listed with who revoked it and why.
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { AuthorityPower, Delegation } from '../../core/policy/competent-authority.ts';
import type { Db } from '../client.ts';
import { users } from '../schema/accounts.ts';
import { authorityDelegations } from '../schema/appraisal.ts';
import { orgUnits } from '../schema/org.ts';

const fromUnit = alias(orgUnits, 'from_unit');
const toUnit = alias(orgUnits, 'to_unit');
const recorder = alias(users, 'recorder');

export interface DelegationRecord extends Delegation {
  id: string;
  groupId: string;
  from: { id: string; code: string; name: string };
  to: { id: string; code: string; name: string };
  powers: AuthorityPower[];
  reason: string;
  documentRef: string | null;
  recordedBy: string;
  recordedAt: string;
  revokedAt: string | null;
  revokeReason: string | null;
}

/** Every delegation of these groups, oldest first, with the units' and recorder's names. */
export async function delegationsOf(db: Db, groupIds: readonly string[]): Promise<DelegationRecord[]> {
  if (groupIds.length === 0) return [];
  const rows = await db
    .select({
      d: authorityDelegations,
      fromCode: fromUnit.code,
      fromName: fromUnit.name,
      toCode: toUnit.code,
      toName: toUnit.name,
      recorder: recorder.fullName,
    })
    .from(authorityDelegations)
    .innerJoin(fromUnit, eq(fromUnit.id, authorityDelegations.fromUnitId))
    .innerJoin(toUnit, eq(toUnit.id, authorityDelegations.toUnitId))
    .innerJoin(recorder, eq(recorder.id, authorityDelegations.recordedBy))
    .where(inArray(authorityDelegations.campaignGroupId, [...groupIds]))
    .orderBy(asc(authorityDelegations.recordedAt), asc(authorityDelegations.id));
  return rows.map(({ d, ...r }) => ({
    id: d.id,
    groupId: d.campaignGroupId,
    fromUnitId: d.fromUnitId,
    toUnitId: d.toUnitId,
    from: { id: d.fromUnitId, code: r.fromCode, name: r.fromName },
    to: { id: d.toUnitId, code: r.toCode, name: r.toName },
    powers: d.powers as AuthorityPower[],
    reason: d.reason,
    documentRef: d.documentRef,
    recordedBy: r.recorder,
    recordedAt: new Date(d.recordedAt).toISOString(),
    revoked: d.revokedAt !== null,
    revokedAt: d.revokedAt ? new Date(d.revokedAt).toISOString() : null,
    revokeReason: d.revokeReason,
  }));
}

/** What the API shows of a delegation: the policy's ids are inside `from` and `to`, `revoked` is `revokedAt`. */
export function delegationView({ fromUnitId: _f, toUnitId: _t, revoked: _r, ...view }: DelegationRecord) {
  return view;
}

export async function insertDelegation(
  db: Db,
  values: typeof authorityDelegations.$inferInsert,
): Promise<typeof authorityDelegations.$inferSelect> {
  const [row] = await db.insert(authorityDelegations).values(values).returning();
  return row!;
}

/** Revokes a live delegation of the group; null when there is none by that id (or it is already revoked). */
export async function revokeDelegation(
  db: Db,
  groupId: string,
  id: string,
  by: { userId: string; at: Date; reason: string },
): Promise<typeof authorityDelegations.$inferSelect | null> {
  const [row] = await db
    .update(authorityDelegations)
    .set({ revokedAt: by.at, revokedBy: by.userId, revokeReason: by.reason })
    .where(
      and(
        eq(authorityDelegations.id, id),
        eq(authorityDelegations.campaignGroupId, groupId),
        isNull(authorityDelegations.revokedAt),
      ),
    )
    .returning();
  return row ?? null;
}
