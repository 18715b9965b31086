// POST /campaigns/{id}/publish — publication (000 Điều 9.3–9.4: "phê duyệt và công bố") as an immutable,
// signed snapshot: the campaign, its rules, each group with its index-set version definition and group
// N/A decisions, every unit's result (as /results) with every item's self and final scores and N/A
// flags, the approvals, publishedAt, version and reason — as canonical JSON; digest = SHA-256 of that
// text; signature = Ed25519 over the digest bytes. A correction is a new version with a reason; earlier
// versions stay. The campaign becomes read-only (every appraisal and assessment write → 409). Publication
// cannot precede an approval it publishes (422 PUBLICATION_BEFORE_APPROVAL, issue 13 §6).
// Each competent authority publishes what it approved (000 Điều 9.3–9.4; competent-authority.ts): the
// province its groups, a district its communes — or whoever it delegated publication to. A publication
// adds the caller's approved parts to the signed document (parts published earlier stay as they were
// computed now); parts not yet published by their authority are absent from it and listed as pending. The
// campaign is 'published' once every part is.
import { sign } from 'node:crypto';
import {
  type CampaignStatus,
  CAMPAIGN_STATUS_LABELS,
  nextCampaignStatus,
  publicationBeforeApproval,
  vietnamDateOf,
} from '../../core/campaign/index.ts';
import { canPublish } from '../../core/policy/index.ts';
import { SNAPSHOT_FORMAT, distributionOfPart } from '../../core/results/index.ts';
import { writeAudit } from '../../db/audit/write-audit.ts';
import type { Db } from '../../db/client.ts';
import {
  approvalsOfCampaign,
  insertSnapshot,
  markApprovalsPublished,
  nextSnapshotVersion,
  setCampaignStatus,
} from '../../db/queries/appraisal-publication.ts';
import { delegationsOf } from '../../db/queries/authority-delegations.ts';
import { requiredApprovals, unitAuthorities } from '../../db/queries/competent-authorities.ts';
import { OperationError } from '../errors.ts';
import { computeCampaignResults } from '../publication/campaign-results.ts';
import { addProgressComparison } from '../publication/progress-comparison.ts';
import type { KeySecrets } from '../publication/key-secret.ts';
import { activeSigningKey } from '../publication/signing-key.ts';
import { snapshotDigest } from '../publication/verify-snapshot.ts';
import type { AppraisalWho } from './appraisal-access.ts';
import { notCompetent } from './approve-campaign.ts';
import { loadAppraisalCampaign } from './campaign-appraisal-access.ts';
import { incomplete } from './close-appraisal.ts';

export interface PublishCampaignOptions {
  who: AppraisalWho;
  campaignId: string;
  input: { reason?: string | undefined };
  secrets: KeySecrets;
  now: Date;
}

export async function publishCampaign(db: Db, { who, campaignId, input, secrets, now }: PublishCampaignOptions) {
  return db.transaction(async (tx) => {
    const c = await loadAppraisalCampaign(tx, { actor: who.actor, campaignId, lock: true });
    const status = c.campaign.status as CampaignStatus;
    const required = await requiredApprovals(tx, campaignId);
    const delegations = await delegationsOf(tx, [...new Set(required.map((r) => r.group_id))]);
    const delegationsOfGroup = (groupId: string) => delegations.filter((d) => d.groupId === groupId);
    const approvalRows = await approvalsOfCampaign(tx, campaignId);
    const mayPublish = (groupId: string, authorityId: string) =>
      canPublish(who.actor, authorityId, status, delegationsOfGroup(groupId));
    const myParts = required.filter((r) => mayPublish(r.group_id, r.authority_id));
    if (myParts.length === 0) throw notCompetent(who.actor, required);
    const results = await computeCampaignResults(tx, c.campaign);
    // A progress round is published as a progress report: each unit beside its previous round and the annual result.
    await addProgressComparison(tx, { campaignId: c.campaign.id, groups: results.groups, published: true });
    const authorityOf = await unitAuthorities(tx, campaignId);
    const unitOfAssessment = new Map(results.groups.flatMap((g) => g.units.map((u) => [u.assessmentId, u.unit.id])));
    // What the caller would publish must be fully appraised (checked before approval, to list every gap).
    const mine = new Set(myParts.map((r) => `${r.group_id}|${r.authority_id}`));
    const ofMine = (unitId: string) => {
      const a = authorityOf.get(unitId);
      return a !== undefined && mine.has(`${a.groupId}|${a.authorityId}`);
    };
    const missing = results.missing.filter((m) => ofMine(unitOfAssessment.get(m.assessmentId) ?? ''));
    if (status === 'under_appraisal' && missing.length > 0) throw incomplete(missing);
    const approvalOf = (r: { group_id: string; authority_id: string }) =>
      approvalRows.find((a) => a.campaignGroupId === r.group_id && a.authorityUnitId === r.authority_id);
    const myApproved = myParts.filter((r) => approvalOf(r));
    if (myApproved.length === 0)
      throw new OperationError(
        'INVALID_STATE',
        `Chỉ công bố được kết quả đã phê duyệt (hiện: "${CAMPAIGN_STATUS_LABELS[status] ?? status}"). Phê duyệt qua POST /campaigns/{id}/approve.`,
        { campaignStatus: status },
      );
    const newParts = myApproved.map((r) => approvalOf(r)!).filter((a) => a.publishedAt === null);
    const published = new Set(
      approvalRows
        .filter((a) => a.publishedAt !== null || newParts.includes(a))
        .map((a) => `${a.campaignGroupId}|${a.authorityUnitId}`),
    );
    const isPublished = (unitId: string) => {
      const a = authorityOf.get(unitId);
      return a !== undefined && published.has(`${a.groupId}|${a.authorityId}`);
    };
    const reason = input.reason?.normalize('NFC').trim() || null;
    const version = await nextSnapshotVersion(tx, campaignId);
    // Publishing a part not yet public is not a correction; republishing what is public is, and says why.
    if (newParts.length === 0 && !reason)
      throw new OperationError('VALIDATION_FAILED', 'Công bố đính chính cần nêu lý do.', {
        issues: [{ path: '/reason', message: 'Cần nêu lý do đính chính' }],
      });
    const publishedApprovals = approvalRows.filter((a) => published.has(`${a.campaignGroupId}|${a.authorityUnitId}`));
    const early = publicationBeforeApproval(
      publishedApprovals.map((a) => ({ decisionNumber: a.decisionNumber, decisionDate: a.decisionDate })),
      vietnamDateOf(now),
    );
    if (early) throw new OperationError('PUBLICATION_BEFORE_APPROVAL', early, { today: vietnamDateOf(now) });
    const nameOf = new Map(required.map((r) => [r.authority_id, r.authority_name]));
    const partOf = (r: { group_id: string; authority_id: string }) => ({
      groupId: r.group_id,
      authority: { id: r.authority_id, name: nameOf.get(r.authority_id) ?? '' },
    });
    const publishedGroups = results.groups
      .map((g) => ({ ...g, units: g.units.filter((u) => isPublished(u.unit.id)) }))
      .filter((g) => g.units.length > 0);
    const wholeGroups = new Map(results.groups.map((g) => [g.group.id, g.units.length]));
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
      groups: publishedGroups.map((g) => ({
        id: g.group.id,
        name: g.group.name,
        appraiser: g.group.appraiser,
        frameworkId: g.group.frameworkId,
        frameworkCode: g.group.frameworkCode,
        frameworkVersion: g.group.frameworkVersion,
        framework: g.def.definition,
        reportingPeriod: { from: g.group.reportingFrom, to: g.group.reportingTo },
        notApplicable: g.notApplicable,
        distribution:
          g.distribution && g.units.length !== wholeGroups.get(g.group.id)
            ? distributionOfPart(g.distribution, g.units)
            : g.distribution,
      })),
      results: publishedGroups.flatMap((g) => g.units),
      approvals: publishedApprovals.map((a) => ({
        groupId: a.campaignGroupId,
        authorityUnitId: a.authorityUnitId,
        authorityName: nameOf.get(a.authorityUnitId) ?? '',
        decisionNumber: a.decisionNumber,
        decisionDate: a.decisionDate,
        signer: a.signer,
        signerPosition: a.signerPosition,
        approvedAt: new Date(a.approvedAt).toISOString(),
        publishedAt: new Date(a.publishedAt ?? now).toISOString(),
      })),
      // Parts whose authority has not published yet (000 Điều 9.4: each district publishes its communes).
      pendingParts: required.filter((r) => !published.has(`${r.group_id}|${r.authority_id}`)).map(partOf),
      // Who acted in an authority's place, and why (issue 13 §2): part of what is signed.
      delegations: delegations.map((d) => ({
        groupId: d.groupId,
        from: { id: d.from.id, name: d.from.name },
        to: { id: d.to.id, name: d.to.name },
        powers: d.powers,
        reason: d.reason,
        documentRef: d.documentRef,
        recordedAt: d.recordedAt,
        revokedAt: d.revokedAt,
      })),
      publishedAt: now.toISOString(),
      version,
      reason,
    };
    // What is stored is the parsed canonical text, so reading it back (jsonb) canonicalises to the same bytes.
    const { text, digest } = snapshotDigest(payload);
    const key = await activeSigningKey(tx, secrets, now);
    const signature = sign(null, Buffer.from(digest, 'hex'), key.privateKey).toString('base64');
    const snap = await insertSnapshot(tx, {
      campaignId,
      version,
      reason,
      payload: JSON.parse(text),
      digest,
      signature,
      keyId: key.id,
      createdBy: who.userId,
      createdAt: now,
    });
    if (newParts.length > 0)
      await markApprovalsPublished(
        tx,
        newParts.map((a) => a.id),
        who.userId,
        now,
      );
    const everyPart = required.every((r) => published.has(`${r.group_id}|${r.authority_id}`));
    const to = status === 'approved' && everyPart ? nextCampaignStatus(status, 'publish')! : status;
    if (to !== status) await setCampaignStatus(tx, campaignId, to, now);
    await writeAudit(tx, who.audit, {
      action:
        version === 1
          ? 'campaign.publish'
          : newParts.length > 0
            ? 'campaign.publish_part'
            : 'campaign.publish_correction',
      objectType: 'campaign',
      objectId: campaignId,
      unitId: c.campaign.ownerUnitId,
      before: { status },
      after: {
        status: to,
        snapshotId: snap.id,
        version,
        digest,
        keyId: key.id,
        parts: newParts.map((a) => ({ groupId: a.campaignGroupId, authorityUnitId: a.authorityUnitId })),
      },
      reason,
    });
    return { snapshot: { id: snap.id, version, digest, signature, keyId: key.id, createdAt: now.toISOString() } };
  });
}
