// POST /campaigns/{id}/publish — publication (000 Điều 9.3–9.4: "phê duyệt và công bố") as an immutable,
// signed snapshot: the campaign, its rules, each group with its index-set version definition and group
// N/A decisions, every unit's result (as /results) with every item's self and final scores and N/A
// flags, the approvals, publishedAt, version and reason — as canonical JSON; digest = SHA-256 of that
// text; signature = Ed25519 over the digest bytes. A correction is a new version with a reason; earlier
// versions stay. The campaign becomes read-only (every appraisal and assessment write → 409). Publication
// cannot precede an approval it publishes (422 PUBLICATION_BEFORE_APPROVAL, issue 13 §6).
import { asc, eq, sql } from 'drizzle-orm';
import { sign } from 'node:crypto';
import {
  type CampaignStatus,
  CAMPAIGN_STATUS_LABELS,
  nextCampaignStatus,
  publicationBeforeApproval,
  vietnamDateOf,
} from '../../core/campaign/index.ts';
import { canPublish } from '../../core/policy/index.ts';
import { SNAPSHOT_FORMAT } from '../../core/results/index.ts';
import { writeAudit } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import { approvals, snapshots } from '../../db/schema/appraisal.ts';
import { campaignGroups, campaigns } from '../../db/schema/campaigns.ts';
import { OperationError } from '../errors.ts';
import { computeCampaignResults } from '../publication/campaign-results.ts';
import { addProgressComparison } from '../publication/progress-comparison.ts';
import type { KeySecrets } from '../publication/key-secret.ts';
import { activeSigningKey } from '../publication/signing-key.ts';
import { snapshotDigest } from '../publication/verify-snapshot.ts';
import type { AppraisalWho } from './appraisal-access.ts';
import { loadAppraisalCampaign, ownerRefOf } from './campaign-appraisal-access.ts';
import { incomplete } from './close-appraisal.ts';

export async function publishCampaign(
  db: Db,
  who: AppraisalWho,
  campaignId: string,
  input: { reason?: string | undefined },
  secrets: KeySecrets,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const c = await loadAppraisalCampaign(tx, who.actor, campaignId, true);
    const status = c.campaign.status as CampaignStatus;
    const owner = ownerRefOf(c);
    if (!canPublish(who.actor, owner, 'approved'))
      throw new OperationError('FORBIDDEN', 'Chỉ cơ quan chuyên trách chủ trì kỳ đánh giá được công bố kết quả.');
    const results = await computeCampaignResults(tx, c.campaign);
    // A progress round is published as a progress report: each unit beside its previous round and the annual result.
    await addProgressComparison(tx, c.campaign.id, results.groups, { published: true });
    if (status === 'under_appraisal' && results.missing.length > 0) throw incomplete(results.missing);
    if (!canPublish(who.actor, owner, status)) {
      throw new OperationError(
        'INVALID_STATE',
        `Chỉ công bố được kết quả đã phê duyệt (hiện: "${CAMPAIGN_STATUS_LABELS[status] ?? status}"). Phê duyệt qua POST /campaigns/{id}/approve.`,
        { campaignStatus: status },
      );
    }
    const reason = input.reason?.normalize('NFC').trim() || null;
    const [last] = await tx
      .select({ version: sql<number>`coalesce(max(${snapshots.version}), 0)::int` })
      .from(snapshots)
      .where(eq(snapshots.campaignId, campaignId));
    const version = Number(last?.version ?? 0) + 1;
    if (version > 1 && !reason)
      throw new OperationError('VALIDATION_FAILED', 'Công bố đính chính cần nêu lý do.', {
        issues: [{ path: '/reason', message: 'Cần nêu lý do đính chính' }],
      });
    const approvalRows = await tx
      .select({ approvals })
      .from(approvals)
      .innerJoin(campaignGroups, eq(campaignGroups.id, approvals.campaignGroupId))
      .where(eq(campaignGroups.campaignId, campaignId))
      .orderBy(asc(approvals.approvedAt));
    const early = publicationBeforeApproval(
      approvalRows.map(({ approvals: a }) => ({ decisionNumber: a.decisionNumber, decisionDate: a.decisionDate })),
      vietnamDateOf(now),
    );
    if (early) throw new OperationError('PUBLICATION_BEFORE_APPROVAL', early, { today: vietnamDateOf(now) });
    const payload = {
      format: SNAPSHOT_FORMAT,
      campaign: {
        id: c.campaign.id,
        name: c.campaign.name,
        year: c.campaign.year,
        kind: c.campaign.kind,
        // Said in the signed document itself: a ranking, or a progress report (ranking-applies.ts).
        publishedAs: results.classification.publishedAs,
        owner: { id: c.campaign.ownerUnitId, code: c.ownerCode, name: c.ownerName },
      },
      rules: c.campaign.rules,
      groups: results.groups.map((g) => ({
        id: g.group.id,
        name: g.group.name,
        appraiser: g.group.appraiser,
        frameworkId: g.group.frameworkId,
        frameworkCode: g.group.frameworkCode,
        frameworkVersion: g.group.frameworkVersion,
        framework: g.def.definition,
        reportingPeriod: { from: g.group.reportingFrom, to: g.group.reportingTo },
        notApplicable: g.notApplicable,
        distribution: g.distribution,
      })),
      results: results.groups.flatMap((g) => g.units),
      approvals: approvalRows.map(({ approvals: a }) => ({
        groupId: a.campaignGroupId,
        authorityUnitId: a.authorityUnitId,
        decisionNumber: a.decisionNumber,
        decisionDate: a.decisionDate,
        signer: a.signer,
        approvedAt: new Date(a.approvedAt).toISOString(),
      })),
      publishedAt: now.toISOString(),
      version,
      reason,
    };
    // What is stored is the parsed canonical text, so reading it back (jsonb) canonicalises to the same bytes.
    const { text, digest } = snapshotDigest(payload);
    const key = await activeSigningKey(tx, secrets, now);
    const signature = sign(null, Buffer.from(digest, 'hex'), key.privateKey).toString('base64');
    const [snap] = await tx
      .insert(snapshots)
      .values({
        campaignId,
        version,
        reason,
        payload: JSON.parse(text),
        digest,
        signature,
        keyId: key.id,
        createdBy: who.userId,
        createdAt: now,
      })
      .returning();
    const to = status === 'approved' ? nextCampaignStatus(status, 'publish')! : status;
    if (to !== status)
      await tx
        .update(campaigns)
        .set({ status: to, rowVersion: sql`${campaigns.rowVersion} + 1`, updatedAt: now })
        .where(eq(campaigns.id, campaignId));
    await writeAudit(tx, who.audit, {
      action: version === 1 ? 'campaign.publish' : 'campaign.publish_correction',
      objectType: 'campaign',
      objectId: campaignId,
      unitId: c.campaign.ownerUnitId,
      before: { status },
      after: { status: to, snapshotId: snap!.id, version, digest, keyId: key.id },
      reason,
    });
    return { snapshot: { id: snap!.id, version, digest, signature, keyId: key.id, createdAt: now.toISOString() } };
  });
}
