// Appraisal: the body of each campaign group (a council with its support team, or the units' parents),
// members and their assignments, the per-item review (proposed and final scores), requests to units and
// their replies, group-wide not-applicable decisions, closing and approval, and the signed, immutable
// publication snapshots.
import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import type { MemberAssignment } from '../../core/appraisal/types.ts';
import { users } from './accounts.ts';
import { assessments, campaignGroups, campaigns } from './campaigns.ts';
import { orgUnits } from './org.ts';

export const appraisalBodies = pgTable('appraisal_bodies', {
  id: uuid('id').primaryKey().defaultRandom(),
  campaignGroupId: uuid('campaign_group_id')
    .notNull()
    .unique()
    .references(() => campaignGroups.id, { onDelete: 'cascade' }),
  kind: text('kind').notNull(), // council | parent_unit
  name: text('name').notNull(),
  /** The decision that set up the council, e.g. "Quyết định số 123/QĐ-UBND ngày 01/12/2026". */
  decisionRef: text('decision_ref'),
  closedAt: timestamp('closed_at', { withTimezone: true }),
  closedBy: uuid('closed_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const appraisalMembers = pgTable(
  'appraisal_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => appraisalBodies.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    position: text('position').notNull(), // chair | vice_chair | member | secretary | support
    /** Title shown in documents, e.g. "Phó Giám đốc Sở Nội vụ". */
    title: text('title'),
    assignment: jsonb('assignment').$type<MemberAssignment>().notNull(),
  },
  (t) => [
    unique('appraisal_members_body_user').on(t.bodyId, t.userId),
    index('appraisal_members_user_idx').on(t.userId),
  ],
);

export const itemReviews = pgTable(
  'item_reviews',
  {
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    proposedScore: doublePrecision('proposed_score'),
    proposedReason: text('proposed_reason'),
    proposedComment: text('proposed_comment'),
    proposedBy: uuid('proposed_by').references(() => users.id),
    proposedAt: timestamp('proposed_at', { withTimezone: true }),
    finalScore: doublePrecision('final_score'),
    finalReason: text('final_reason'),
    finalComment: text('final_comment'),
    finalBy: uuid('final_by').references(() => users.id),
    finalAt: timestamp('final_at', { withTimezone: true }),
    notApplicable: boolean('not_applicable').notNull().default(false),
    notApplicableReason: text('not_applicable_reason'),
    replacementCode: text('replacement_code'),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.code] })],
);

export const itemRequests = pgTable(
  'item_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    kind: text('kind').notNull(), // more_evidence | explanation
    message: text('message').notNull(),
    /** Reply deadline: a calendar date in Vietnam, meaning the end of that day. */
    deadline: date('deadline', { mode: 'string' }),
    status: text('status').notNull().default('open'), // open | answered | closed
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [index('item_requests_assessment_idx').on(t.assessmentId, t.code)],
);

export const itemReplies = pgTable(
  'item_replies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => itemRequests.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    evidenceIds: jsonb('evidence_ids').$type<string[]>().notNull(),
    repliedBy: uuid('replied_by')
      .notNull()
      .references(() => users.id),
    repliedAt: timestamp('replied_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('item_replies_request_idx').on(t.requestId)],
);

/**
 * What a unit adds on its own during appraisal (001 II.3.b: "có thể bổ sung … bằng tài liệu kiểm chứng hoặc
 * giải trình"): an explanation and documents of its library on one item, dated; the self score is untouched.
 */
export const itemSupplements = pgTable(
  'item_supplements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    text: text('text').notNull(),
    evidenceIds: jsonb('evidence_ids').$type<string[]>().notNull(),
    suppliedBy: uuid('supplied_by')
      .notNull()
      .references(() => users.id),
    suppliedAt: timestamp('supplied_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('item_supplements_assessment_idx').on(t.assessmentId, t.code)],
);

/**
 * A unit's objection (kiến nghị, issue 14 §1) to the final score of one item after the results are approved
 * or published: its text and documents of the unit's library, the final score it objected to, and the
 * answer of the group's body — upheld with the new final score (written to item_reviews by the same guarded
 * path as a decision) or rejected — with a reason. At most one open objection per item.
 */
export const itemObjections = pgTable(
  'item_objections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    text: text('text').notNull(),
    evidenceIds: jsonb('evidence_ids').$type<string[]>().notNull(),
    /** The final score objected to (null: the item was decided not applicable). */
    scoreBefore: doublePrecision('score_before'),
    status: text('status').notNull().default('open'), // open | upheld | rejected
    filedBy: uuid('filed_by')
      .notNull()
      .references(() => users.id),
    filedAt: timestamp('filed_at', { withTimezone: true }).notNull().defaultNow(),
    answer: text('answer'),
    scoreAfter: doublePrecision('score_after'),
    answeredBy: uuid('answered_by').references(() => users.id),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (t) => [
    index('item_objections_assessment_idx').on(t.assessmentId, t.code),
    uniqueIndex('item_objections_one_open')
      .on(t.assessmentId, t.code)
      .where(sql`status = 'open'`),
  ],
);

/** When a reviewer last looked at (or decided) one item: supplements after it are "new since last look". */
export const itemLooks = pgTable(
  'item_looks',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    lookedAt: timestamp('looked_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.assessmentId, t.code] }),
    index('item_looks_assessment_idx').on(t.assessmentId, t.code),
  ],
);

export const groupNotApplicable = pgTable(
  'group_not_applicable',
  {
    campaignGroupId: uuid('campaign_group_id')
      .notNull()
      .references(() => campaignGroups.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    reason: text('reason').notNull(),
    replacementCode: text('replacement_code'),
    decidedBy: uuid('decided_by')
      .notNull()
      .references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.campaignGroupId, t.code] })],
);

export const approvals = pgTable(
  'approvals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignGroupId: uuid('campaign_group_id')
      .notNull()
      .references(() => campaignGroups.id, { onDelete: 'cascade' }),
    /** The competent authority: the campaign owner (province), or a district for its communes (000 Điều 9.3–9.4). */
    authorityUnitId: uuid('authority_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    decisionNumber: text('decision_number').notNull(),
    decisionDate: date('decision_date', { mode: 'string' }).notNull(),
    signer: text('signer'),
    /** The signer's position in the signature block, e.g. "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" (Nghị định 30/2020). */
    signerPosition: text('signer_position'),
    approvedBy: uuid('approved_by')
      .notNull()
      .references(() => users.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }).notNull().defaultNow(),
    /** When this authority published what it approved (000 Điều 9.3–9.4: each authority publishes its part). */
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: uuid('published_by').references(() => users.id),
  },
  (t) => [unique('approvals_group_authority').on(t.campaignGroupId, t.authorityUnitId)],
);

/**
 * An authority of a group (a district, or the campaign owner) letting another unit's officials act in its
 * place (competent-authority.ts): which powers, why, under which document; revoked rather than deleted.
 */
export const authorityDelegations = pgTable(
  'authority_delegations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignGroupId: uuid('campaign_group_id')
      .notNull()
      .references(() => campaignGroups.id, { onDelete: 'cascade' }),
    fromUnitId: uuid('from_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    toUnitId: uuid('to_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    /** A subset of appraise | approve | publish. */
    powers: jsonb('powers').$type<string[]>().notNull(),
    reason: text('reason').notNull(),
    /** The authority's document, e.g. "Công văn số 12/UBND-VP ngày 02/12/2026 của UBND huyện Đức Thọ". */
    documentRef: text('document_ref'),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by').references(() => users.id),
    revokeReason: text('revoke_reason'),
  },
  (t) => [index('authority_delegations_group_idx').on(t.campaignGroupId)],
);

export const signingKeys = pgTable('signing_keys', {
  /** SHA-256 (hex) of the raw public key. */
  id: text('id').primaryKey(),
  algorithm: text('algorithm').notNull(), // Ed25519
  publicKeyPem: text('public_key_pem').notNull(),
  /** PKCS#8 PEM, encrypted with a key derived from SESSION_SECRET when one is configured. */
  privateKey: text('private_key').notNull(),
  encrypted: boolean('encrypted').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  retiredAt: timestamp('retired_at', { withTimezone: true }),
});

export const snapshots = pgTable(
  'snapshots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    version: integer('version').notNull(),
    /** Why a correction was published (null for the first publication). */
    reason: text('reason'),
    /** The canonical JSON document whose SHA-256 is `digest`. Never updated. */
    payload: jsonb('payload').notNull(),
    digest: text('digest').notNull(),
    signature: text('signature').notNull(),
    keyId: text('key_id')
      .notNull()
      .references(() => signingKeys.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('snapshots_campaign_version').on(t.campaignId, t.version)],
);
