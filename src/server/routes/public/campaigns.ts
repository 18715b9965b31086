// GET /api/public/v1/campaigns, /campaigns/{id}, /campaigns/{id}/groups/{groupId}/results,
// /campaigns/{id}/groups/{groupId}/derived-ranking, /campaigns/{id}/methodology, /units/{unitId}: read from the latest snapshot of published campaigns
// only. The group ranking — the portal's hottest page — is serialised once per snapshot and served as
// bytes (compressed once per encoding, encoded-bytes.ts); the snapshot metadata stays in memory until a
// snapshot row changes (app/publication/published-memo.ts), so a warm request reads nothing.
import { classificationOf } from '../../../core/campaign/index.ts';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { App, ServerDeps } from '../../http/route-types.ts';
import {
  type PublishedMeta,
  allPublished,
  campaignHeadings,
  latestPublished,
  mappingsStamp,
  publishedVersions,
  snapshotView,
  verifiedViews,
} from '../../../app/publication/public-snapshots.ts';
import type { SnapshotView } from '../../../app/publication/snapshot-view.ts';
import { etagOf, notModified, notPublished } from './http-cache.ts';
import { encodingOf } from '../../http/accept-encoding.ts';
import { encodedVariant, sendEncoded } from './encoded-bytes.ts';
import { campaignSummary, groupResults, methodology, publicRules } from '../../../app/publication/public-present.ts';
import { unitPage } from '../../../app/publication/public-unit-page.ts';
import type { CampaignDetail, PublicCampaignList } from '../../../contract/public.ts';
import { derivedRankingQuery } from '../../../contract/derived-ranking.ts';
import { derivedGroupRanking } from '../../../app/publication/derived-ranking.ts';
import { todayInVietnam } from '../../../app/presenters/org-unit.ts';
import { serverNow } from '../server-now.ts';

const campaignParams = z.object({ id: z.string().max(64) });
const JSON_TYPE = 'application/json; charset=utf-8';

export function memoBytes(view: SnapshotView, variant: string, build: () => unknown): Buffer {
  let b = view.bytes.get(variant);
  if (!b) {
    b = Buffer.from(JSON.stringify(build()), 'utf8');
    view.bytes.set(variant, b);
  }
  return b;
}

const combinedTag = (metas: readonly PublishedMeta[], extra: string) =>
  createHash('sha256')
    .update(
      metas
        .map((m) => m.digest)
        .sort()
        .join(',') + extra,
    )
    .digest('hex');

export function registerPublicCampaignRoutes(app: App, deps: ServerDeps) {
  app.get(
    '/campaigns',
    {
      config: { access: 'public' },
      schema: { tags: ['public'], summary: 'Các kỳ đánh giá đã công bố (năm mới nhất trước)' },
    },
    async (request, reply) => {
      const metas = await allPublished(deps.db);
      if (notModified(request, reply, etagOf(combinedTag(metas, ''), 'campaigns'))) return reply;
      // A publication that fails verification is listed as such (heading from the campaign row), never with its figures.
      const verified = new Map((await verifiedViews(deps.db, metas)).map((v) => [v.meta.snapshotId, v.view]));
      const refused = metas.filter((m) => !verified.has(m.snapshotId));
      const headings = await campaignHeadings(
        deps.db,
        refused.map((m) => m.campaignId),
      );
      const items = metas.flatMap((m): PublicCampaignList['items'] => {
        const view = verified.get(m.snapshotId);
        if (view) return [{ ...campaignSummary(view, m), verified: true }];
        const h = headings.get(m.campaignId);
        return h
          ? [
              {
                ...h,
                publishedAs: classificationOf(h.kind).publishedAs,
                publishedAt: m.createdAt,
                snapshotVersion: m.version,
                digest: m.digest,
                groups: [],
                verified: false,
              },
            ]
          : [];
      });
      items.sort((a, b) => b.year - a.year || b.publishedAt.localeCompare(a.publishedAt));
      return reply.type(JSON_TYPE).send(JSON.stringify({ items } satisfies PublicCampaignList));
    },
  );

  app.get(
    '/campaigns/:id',
    {
      config: { access: 'public' },
      schema: {
        tags: ['public'],
        summary: 'Một kỳ đánh giá đã công bố: nhóm, quy tắc, thông tin bản công bố',
        params: campaignParams,
      },
    },
    async (request, reply) => {
      const meta = await latestPublished(deps.db, request.params.id);
      if (!meta) throw notPublished();
      if (notModified(request, reply, etagOf(meta.digest, 'campaign'))) return reply;
      const view = await snapshotView(deps.db, meta);
      const versions = await publishedVersions(deps.db, meta.campaignId);
      const body: CampaignDetail = {
        ...campaignSummary(view, meta),
        rules: publicRules(view),
        approvals: view.payload.approvals.map((a) => ({
          groupId: a.groupId,
          decisionNumber: a.decisionNumber,
          decisionDate: a.decisionDate,
          signer: a.signer,
          authorityName: a.authorityName ?? null,
        })),
        pendingParts: (view.payload.pendingParts ?? []).map((p) => ({
          groupId: p.groupId,
          authorityName: p.authority.name,
        })),
        delegations: (view.payload.delegations ?? []).map((d) => ({
          groupId: d.groupId,
          from: d.from.name,
          to: d.to.name,
          powers: d.powers.filter((p): p is 'appraise' | 'approve' | 'publish' =>
            ['appraise', 'approve', 'publish'].includes(p),
          ),
          reason: d.reason,
          documentRef: d.documentRef,
          revoked: d.revokedAt !== null,
        })),
        snapshot: {
          version: meta.version,
          digest: meta.digest,
          signature: meta.signature,
          keyId: meta.keyId,
          publishedAt: view.payload.publishedAt,
          corrections: versions
            .filter((v) => v.version > 1)
            .map((v) => ({ version: v.version, reason: v.reason, publishedAt: v.publishedAt })),
        },
      };
      return reply.type(JSON_TYPE).send(JSON.stringify(body));
    },
  );

  app.get(
    '/campaigns/:id/groups/:groupId/results',
    {
      config: { access: 'public' },
      schema: {
        tags: ['public'],
        summary:
          'Bảng xếp hạng một nhóm: kết quả, phân bố xếp loại, điểm trung bình theo chỉ số chính (báo cáo tiến độ: mức độ hoàn thành, không xếp hạng)',
        params: campaignParams.extend({ groupId: z.string().max(64) }),
      },
    },
    async (request, reply) => {
      const meta = await latestPublished(deps.db, request.params.id);
      if (!meta) throw notPublished();
      const variant = `results.${request.params.groupId}`;
      const encoding = encodingOf(request);
      if (notModified(request, reply, etagOf(meta.digest, encodedVariant(variant, encoding)))) return reply;
      const view = await snapshotView(deps.db, meta);
      const group = view.groups.find((g) => g.group.id === request.params.groupId);
      if (!group) throw notPublished();
      const plain = memoBytes(view, variant, () => groupResults(group, view.payload.campaign.kind, view.payload.rules));
      return sendEncoded(reply.type(JSON_TYPE), view, variant, plain, encoding);
    },
  );

  app.get(
    '/campaigns/:id/groups/:groupId/derived-ranking',
    {
      config: { access: 'public' },
      schema: {
        tags: ['public'],
        summary:
          'Xếp hạng quy đổi theo đơn vị hiện nay: nhóm công bố trên cơ cấu cũ, mỗi đơn vị hiện nay là trung bình các đơn vị tiền thân (bản công bố không thay đổi)',
        params: campaignParams.extend({ groupId: z.string().max(64) }),
        querystring: derivedRankingQuery,
      },
    },
    async (request) => {
      const meta = await latestPublished(deps.db, request.params.id);
      if (!meta) throw notPublished();
      const view = await snapshotView(deps.db, meta);
      const group = view.groups.find((g) => g.group.id === request.params.groupId);
      // A progress round is never ranked: nothing to derive.
      if (!group || group.group.distribution === null) throw notPublished();
      // Not cached as bytes: it reads today's lineage, which a DX office may correct at any time.
      return derivedGroupRanking(deps.db, {
        view,
        group,
        asOf: request.query.asOf ?? todayInVietnam(serverNow(deps)),
      });
    },
  );

  app.get(
    '/campaigns/:id/methodology',
    {
      config: { access: 'public' },
      schema: {
        tags: ['public'],
        summary: 'Phương pháp: cây bộ chỉ số với điểm và cách tính, quy tắc của kỳ',
        params: campaignParams,
      },
    },
    async (request, reply) => {
      const meta = await latestPublished(deps.db, request.params.id);
      if (!meta) throw notPublished();
      const encoding = encodingOf(request);
      if (notModified(request, reply, etagOf(meta.digest, encodedVariant('methodology', encoding)))) return reply;
      const view = await snapshotView(deps.db, meta);
      const plain = memoBytes(view, 'methodology', () => methodology(view));
      return sendEncoded(reply.type(JSON_TYPE), view, 'methodology', plain, encoding);
    },
  );

  app.get(
    '/units/:unitId',
    {
      config: { access: 'public' },
      schema: {
        tags: ['public'],
        summary: 'Trang công khai của một đơn vị: kết quả, thứ hạng, biểu đồ, xu hướng qua các năm',
        params: z.object({ unitId: z.string().max(64) }),
        querystring: z.object({ campaignId: z.string().max(64).optional() }),
      },
    },
    async (request, reply) => {
      const metas = await allPublished(deps.db);
      const { campaignId } = request.query;
      if (campaignId && !metas.some((m) => m.campaignId === campaignId)) throw notPublished();
      if (
        notModified(
          request,
          reply,
          etagOf(
            combinedTag(metas, `${request.params.unitId}|${campaignId ?? ''}|${await mappingsStamp(deps.db)}`),
            'unit',
          ),
        )
      )
        return reply;
      const page = await unitPage(deps.db, { unitId: request.params.unitId, metas, campaignId });
      if (!page) throw notPublished();
      return reply.type(JSON_TYPE).send(JSON.stringify(page));
    },
  );
}
