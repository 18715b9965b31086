// Open data of a published campaign: open-data.json (the snapshot payload, canonical text, compressed once
// per encoding like the ranking), open-data.csv (UTF-8 with BOM, unit × item), open-data.xlsx (a sheet per
// group) and snapshot.json (payload + digest + signature + key, checked by the portal page,
// verify-thuocdo.mjs or `thuocdo verify`). The CSV and the workbook are written by streaming writers once
// per snapshot digest into the data directory (<data>/cache/open-data/<campaign>/<digest>.<variant>,
// infra/storage/derived-files.ts) and then served as files: 400,000 rows cost one build, not one per
// download. Should that directory not be writable, each request streams a fresh file, as before.
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { canonicalJson } from '../../../core/audit/canonical-json.ts';
import { openDataCsv } from '../../../exchange/results/open-data-csv.ts';
import { writeOpenDataXlsx } from '../../../exchange/results/open-data-xlsx.ts';
import { derivedFile } from '../../../infra/storage/derived-files.ts';
import type { App, ServerDeps } from '../../http/route-types.ts';
import {
  type PublishedMeta,
  latestPublished,
  publicKeyPemOf,
  snapshotView,
} from '../../../app/publication/public-snapshots.ts';
import { snapshotFileText } from '../../../app/publication/snapshot-file.ts';
import { type SnapshotView, exportCampaignOf } from '../../../app/publication/snapshot-view.ts';
import { contentDisposition } from '../evidence/content-disposition.ts';
import { etagOf, notModified, notPublished } from './http-cache.ts';
import { type Encoding, encodingOf } from '../../http/accept-encoding.ts';
import { encodedVariant, sendEncoded } from './encoded-bytes.ts';

const params = z.object({ id: z.string().max(64) });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function payloadBytes(view: SnapshotView): Buffer {
  let b = view.bytes.get('payload');
  if (!b) {
    b = Buffer.from(canonicalJson(view.payload), 'utf8');
    view.bytes.set('payload', b);
  }
  return b;
}

/** The derived file of this snapshot, built on first use; a fresh stream when the cache cannot be written. */
async function fileBody(
  deps: ServerDeps,
  request: FastifyRequest,
  meta: PublishedMeta,
  variant: string,
  produce: () => Readable,
): Promise<{ body: Readable; size: number | null }> {
  try {
    const dir = path.join(deps.config.dataDir, 'cache', 'open-data');
    const file = await derivedFile(dir, meta.campaignId, meta.digest, variant, produce);
    return { body: createReadStream(file.path), size: file.size };
  } catch (err) {
    request.log.warn({ err, variant }, 'open-data file cache unavailable: streaming a fresh file');
    return { body: produce(), size: null };
  }
}

function xlsxStream(view: SnapshotView): Readable {
  const out = new PassThrough();
  writeOpenDataXlsx(exportCampaignOf(view), out).catch((err: unknown) =>
    out.destroy(err instanceof Error ? err : new Error(String(err))),
  );
  return out;
}

const fileBase = (view: SnapshotView) => `ket-qua-dti-${view.payload.campaign.year}-v${view.payload.version}`;

export function registerOpenDataRoutes(app: App, deps: ServerDeps) {
  /** `compressible`: the answer is memoised bytes sent in the negotiated encoding (its ETag names it). */
  const route = (
    suffix: string,
    summary: string,
    send: (
      view: SnapshotView,
      meta: PublishedMeta,
      reply: FastifyReply,
      request: FastifyRequest,
      encoding: Encoding | null,
    ) => Promise<unknown>,
    compressible = false,
  ) =>
    app.get(
      `/campaigns/:id/${suffix}`,
      { config: { access: 'public' }, schema: { tags: ['public'], summary, params } },
      async (request, reply) => {
        const meta = await latestPublished(deps.db, request.params.id);
        if (!meta) throw notPublished();
        const encoding = compressible ? encodingOf(request) : null;
        if (notModified(request, reply, etagOf(meta.digest, encodedVariant(suffix, encoding)))) return reply;
        return send(await snapshotView(deps.db, meta), meta, reply, request, encoding);
      },
    );

  const sendFile = async (reply: FastifyReply, file: { body: Readable; size: number | null }) =>
    file.size === null ? reply.send(file.body) : reply.header('content-length', file.size).send(file.body);

  route(
    'open-data.json',
    'Dữ liệu mở (JSON): toàn văn bản công bố',
    async (view, _meta, reply, _request, encoding) =>
      sendEncoded(
        reply
          .type('application/json; charset=utf-8')
          .header('content-disposition', contentDisposition('inline', `${fileBase(view)}.json`)),
        view,
        'payload',
        payloadBytes(view),
        encoding,
      ),
    true,
  );

  route('open-data.csv', 'Dữ liệu mở (CSV UTF-8): mỗi dòng một đơn vị × chỉ số', async (view, meta, reply, request) =>
    sendFile(
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', contentDisposition('attachment', `${fileBase(view)}.csv`)),
      await fileBody(deps, request, meta, 'csv', () => Readable.from(openDataCsv(exportCampaignOf(view)))),
    ),
  );

  route('open-data.xlsx', 'Dữ liệu mở (Excel): mỗi nhóm một trang tính', async (view, meta, reply, request) =>
    sendFile(
      reply.type(XLSX).header('content-disposition', contentDisposition('attachment', `${fileBase(view)}.xlsx`)),
      await fileBody(deps, request, meta, 'xlsx', () => xlsxStream(view)),
    ),
  );

  route(
    'snapshot.json',
    'Bản công bố có chữ ký (kiểm tra trên trang Dữ liệu mở, bằng verify-thuocdo.mjs hoặc thuocdo verify)',
    async (view, meta, reply) => {
      const publicKeyPem = await publicKeyPemOf(deps.db, meta.keyId);
      const text = snapshotFileText(
        {
          campaignId: meta.campaignId,
          version: meta.version,
          publishedAt: view.payload.publishedAt,
          digest: meta.digest,
          signature: meta.signature,
          keyId: meta.keyId,
          publicKeyPem: publicKeyPem ?? '',
        },
        payloadBytes(view).toString('utf8'),
      );
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', contentDisposition('attachment', `${fileBase(view)}.snapshot.json`))
        .send(text);
    },
  );
}
