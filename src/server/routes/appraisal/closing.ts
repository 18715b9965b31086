// POST /campaigns/{id}/close-appraisal, POST /campaigns/{id}/approve, GET /campaigns/{id}/results,
// POST /campaigns/{id}/publish, GET /campaigns/{id}/snapshots, GET /snapshots/{id}, GET /signing-keys.
import { z } from 'zod';
import { campaignAbilities, holdsRoleOver } from '../../../core/policy/index.ts';
import type { Db } from '../../../db/client.ts';
import { loadGroupsOf, myMemberships } from '../../../db/queries/appraisal-bodies.ts';
import type { ScopedActor } from '../../../db/queries/org-units.ts';
import { isUuid } from '../../../db/queries/org-units.ts';
import {
  type SnapshotRow,
  allSigningKeys,
  findSigningKey,
  findSnapshot,
  snapshotsOfCampaign,
} from '../../../db/queries/snapshots.ts';
import { OperationError, notFound } from '../../../app/errors.ts';
import { type App, type ServerDeps, whoIs } from '../../http/route-types.ts';
import { idParams } from '../../../contract/common.ts';
import { approveCampaign } from '../../../app/appraisal/approve-campaign.ts';
import {
  type AppraisalCampaign,
  isCampaignAuthority,
  loadAppraisalCampaign,
  ownerRefOf,
} from '../../../app/appraisal/campaign-appraisal-access.ts';
import { closeAppraisal } from '../../../app/appraisal/close-appraisal.ts';
import { publishCampaign } from '../../../app/appraisal/publish-campaign.ts';
import { campaignRefOf } from '../../../app/campaigns/campaign-access.ts';
import { computeCampaignRanking } from '../../../app/publication/campaign-results.ts';
import { addProgressComparison } from '../../../app/publication/progress-comparison.ts';
import { keySecrets } from '../../../app/publication/key-secret.ts';
import { writeAuditCheckpoint } from '../../../app/audit/checkpoints.ts';
import { verifyStoredSnapshot } from '../../../app/publication/snapshot-integrity.ts';
import { trustedKey } from '../../../app/publication/trusted-keys.ts';
import { serverNow } from '../server-now.ts';
import {
  approveBody,
  closeBody,
  publishBody,
  resultsSchema,
  snapshotListSchema,
  snapshotMetaSchema,
} from '../../../contract/appraisal.ts';
import { DX_OFFICE } from '../../http/route-access.ts';

/** Results before publication are the appraisers' and the office's; after it, every reader's. */
async function loadForResults(db: Db, actor: ScopedActor, id: string): Promise<AppraisalCampaign> {
  const c = await loadAppraisalCampaign(db, { actor, campaignId: id });
  const published = c.campaign.status === 'published' || c.campaign.status === 'archived';
  if (
    published ||
    c.viaMembership ||
    campaignAbilities(actor, campaignRefOf(c)).viewProgress ||
    holdsRoleOver(actor, ['viewer'], ownerRefOf(c)) ||
    // A district approving and publishing its communes reads the results it decides on (issue 13 §2).
    (await isCampaignAuthority(db, actor, id))
  )
    return c;
  if (
    (
      await myMemberships(
        db,
        actor.userId,
        (await loadGroupsOf(db, id)).map((g) => g.id),
      )
    ).size > 0
  )
    return c;
  throw new OperationError('FORBIDDEN', 'Kết quả chỉ công khai sau khi được phê duyệt và công bố.');
}

const snapshotRow = (s: SnapshotRow) => ({
  id: s.id,
  version: s.version,
  digest: s.digest,
  signature: s.signature,
  keyId: s.keyId,
  createdAt: new Date(s.createdAt).toISOString(),
});

export function registerClosingRoutes(app: App, deps: ServerDeps) {
  app.post(
    '/campaigns/:id/close-appraisal',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['appraisal'],
        summary: 'Chủ tịch Hội đồng kết thúc thẩm định một nhóm',
        params: idParams,
        body: closeBody,
      },
    },
    async (request) =>
      closeAppraisal(deps.db, {
        who: whoIs(request),
        campaignId: request.params.id,
        groupId: request.body.groupId,
        now: serverNow(deps),
      }),
  );
  app.post(
    '/campaigns/:id/approve',
    {
      config: { access: DX_OFFICE },
      schema: {
        tags: ['appraisal'],
        summary: 'Cơ quan có thẩm quyền phê duyệt kết quả (số, ngày quyết định)',
        params: idParams,
        body: approveBody,
      },
    },
    async (request) =>
      approveCampaign(deps.db, {
        who: whoIs(request),
        campaignId: request.params.id,
        input: request.body,
        now: serverNow(deps),
      }),
  );
  app.get(
    '/campaigns/:id/results',
    {
      config: { access: 'signed-in', tokenScopes: ['results:read'] },
      schema: {
        tags: ['appraisal'],
        summary:
          'Kết quả: tổng điểm, tỷ lệ, xếp loại, thứ hạng từng đơn vị (báo cáo tiến độ: mức độ hoàn thành, không xếp hạng)',
        params: idParams,
        response: { 200: resultsSchema },
      },
    },
    async (request) => {
      const c = await loadForResults(deps.db, whoIs(request).actor, request.params.id);
      const results = await computeCampaignRanking(deps.db, c.campaign);
      await addProgressComparison(deps.db, { campaignId: c.campaign.id, groups: results.groups });
      return {
        campaignId: c.campaign.id,
        status: c.campaign.status,
        kind: c.campaign.kind,
        resultScale: c.campaign.rules.resultScale ?? 'points',
        classification: results.classification,
        groups: results.groups.map((g) => ({
          id: g.group.id,
          name: g.group.name,
          notApplicable: g.notApplicable,
          // A progress round has none (000 Điều 7.2): the key is left out rather than sent empty.
          ...(g.distribution ? { distribution: g.distribution } : {}),
        })),
        items: results.groups.flatMap((g) => g.units),
        missing: results.missing.length,
      };
    },
  );
  app.post(
    '/campaigns/:id/publish',
    {
      config: { access: DX_OFFICE },
      schema: {
        tags: ['appraisal'],
        summary: 'Công bố kết quả: bản chụp bất biến, băm SHA-256, ký Ed25519 (đính chính: phiên bản mới có lý do)',
        params: idParams,
        body: publishBody,
        response: { 201: z.object({ snapshot: snapshotMetaSchema }) },
      },
    },
    async (request, reply) => {
      const published = await publishCampaign(deps.db, {
        who: whoIs(request),
        campaignId: request.params.id,
        input: request.body ?? {},
        secrets: keySecrets(deps.config),
        now: serverNow(deps),
      });
      // Anchor the audit chains as they stand with the publication entry (after its commit: the
      // checkpoint takes its own lock before the key's, never the other way round).
      await writeAuditCheckpoint(deps.db, keySecrets(deps.config), serverNow(deps)).catch((err: unknown) =>
        request.log.error({ err }, 'audit checkpoint after publication failed'),
      );
      return reply.status(201).send(published);
    },
  );
  app.get(
    '/campaigns/:id/snapshots',
    {
      config: { access: 'signed-in', tokenScopes: ['results:read'] },
      schema: {
        tags: ['appraisal'],
        summary: 'Các phiên bản công bố của kỳ đánh giá',
        params: idParams,
        response: { 200: snapshotListSchema },
      },
    },
    async (request) => {
      const c = await loadForResults(deps.db, whoIs(request).actor, request.params.id);
      const rows = await snapshotsOfCampaign(deps.db, c.campaign.id);
      return { items: rows.map((s) => ({ ...snapshotRow(s), reason: s.reason })) };
    },
  );
  app.get(
    '/snapshots/:id',
    {
      config: { access: 'signed-in', tokenScopes: ['results:read'] },
      schema: { tags: ['appraisal'], summary: 'Một bản công bố: nội dung JSON, mã băm, chữ ký', params: idParams },
    },
    async (request) => {
      const { actor } = whoIs(request);
      const s = isUuid(request.params.id) ? await findSnapshot(deps.db, request.params.id) : undefined;
      if (!s) throw notFound('Không tìm thấy bản công bố.');
      // A snapshot is public once signed (a district may publish its part before the whole campaign is).
      await loadAppraisalCampaign(deps.db, { actor, campaignId: s.campaignId }).catch((e: unknown) => {
        throw e instanceof OperationError && e.code === 'NOT_FOUND' ? notFound('Không tìm thấy bản công bố.') : e;
      });
      const key = await findSigningKey(deps.db, s.keyId);
      // Checked as stored now (not cached): the office sees a publication that no longer verifies.
      const problems = await verifyStoredSnapshot(deps.db, {
        ref: { snapshotId: s.id, campaignId: s.campaignId, digest: s.digest, signature: s.signature, keyId: s.keyId },
        payload: s.payload,
        secrets: keySecrets(deps.config),
      });
      const verification = { valid: problems.length === 0, problems };
      return {
        ...snapshotRow(s),
        campaignId: s.campaignId,
        reason: s.reason,
        algorithm: 'Ed25519',
        publicKeyPem: key?.publicKeyPem ?? null,
        verification,
        payload: s.payload,
      };
    },
  );
  app.get(
    '/signing-keys',
    {
      config: { access: 'public' },
      schema: {
        tags: ['appraisal'],
        summary: 'Khóa công khai để kiểm tra chữ ký các bản công bố',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                algorithm: z.string(),
                publicKeyPem: z.string(),
                createdAt: z.string(),
                retiredAt: z.string().nullable(),
              }),
            ),
          }),
        },
      },
    },
    async () => {
      // Only the deployment's own keys (trusted-keys.ts): a key pair inserted into the table is not published.
      const secrets = keySecrets(deps.config);
      const rows = [];
      for (const k of await allSigningKeys(deps.db))
        if ((await trustedKey(deps.db, k.id, secrets)).trusted) rows.push(k);
      return {
        items: rows.map((k) => ({
          id: k.id,
          algorithm: k.algorithm,
          publicKeyPem: k.publicKeyPem,
          createdAt: new Date(k.createdAt).toISOString(),
          retiredAt: k.retiredAt ? new Date(k.retiredAt).toISOString() : null,
        })),
      };
    },
  );
}
