// Open data of a published campaign: open-data.json (the snapshot payload, canonical text),
// open-data.csv (UTF-8 with BOM, unit × item), open-data.xlsx (a sheet per group) and snapshot.json
// (payload + digest + signature + key, checked by the portal page, verify-thuocdo.mjs or `thuocdo verify`). The CSV and the
// workbook are produced by streaming writers; for a province-sized campaign the result is kept with the
// snapshot view (one generation however many downloads), beyond that it streams afresh per request.
import { PassThrough, Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { canonicalJson } from '../../../core/audit/canonical-json.ts';
import { openDataCsv } from '../../../exchange/results/open-data-csv.ts';
import { writeOpenDataXlsx } from '../../../exchange/results/open-data-xlsx.ts';
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

const params = z.object({ id: z.string().max(64) });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function payloadText(view: SnapshotView): string {
  let b = view.bytes.get('payload');
  if (!b) {
    b = Buffer.from(canonicalJson(view.payload), 'utf8');
    view.bytes.set('payload', b);
  }
  return b.toString('utf8');
}

/** Up to this many unit × item rows (a province's communes), a generated file is kept with the view (a few MB). */
const MEMO_ROWS = 100_000;

async function collect(source: AsyncIterable<Buffer | string>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of source) parts.push(typeof c === 'string' ? Buffer.from(c, 'utf8') : c);
  return Buffer.concat(parts);
}

/** The file as bytes generated once per snapshot (moderate sizes), else a fresh stream per request. */
function fileBody(view: SnapshotView, variant: string, produce: () => Readable): Buffer | Readable | Promise<Buffer> {
  if (view.itemRows > MEMO_ROWS) return produce();
  let pending = view.files.get(variant);
  if (!pending) {
    pending = collect(produce());
    view.files.set(variant, pending);
    pending.catch(() => view.files.delete(variant));
  }
  return pending;
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
  const route = (
    suffix: string,
    summary: string,
    send: (view: SnapshotView, meta: PublishedMeta, reply: FastifyReply) => Promise<unknown>,
  ) =>
    app.get(
      `/campaigns/:id/${suffix}`,
      { config: { access: 'public' }, schema: { tags: ['public'], summary, params } },
      async (request, reply) => {
        const meta = await latestPublished(deps.db, request.params.id);
        if (!meta) throw notPublished();
        if (notModified(request, reply, etagOf(meta.digest, suffix))) return reply;
        return send(await snapshotView(deps.db, meta), meta, reply);
      },
    );

  route('open-data.json', 'Dữ liệu mở (JSON): toàn văn bản công bố', async (view, _meta, reply) =>
    reply
      .type('application/json; charset=utf-8')
      .header('content-disposition', contentDisposition('inline', `${fileBase(view)}.json`))
      .send(payloadText(view)),
  );

  route('open-data.csv', 'Dữ liệu mở (CSV UTF-8): mỗi dòng một đơn vị × chỉ số', async (view, _meta, reply) =>
    reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', contentDisposition('attachment', `${fileBase(view)}.csv`))
      .send(await fileBody(view, 'csv', () => Readable.from(openDataCsv(exportCampaignOf(view))))),
  );

  route('open-data.xlsx', 'Dữ liệu mở (Excel): mỗi nhóm một trang tính', async (view, _meta, reply) =>
    reply
      .type(XLSX)
      .header('content-disposition', contentDisposition('attachment', `${fileBase(view)}.xlsx`))
      .send(await fileBody(view, 'xlsx', () => xlsxStream(view))),
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
        payloadText(view),
      );
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', contentDisposition('attachment', `${fileBase(view)}.snapshot.json`))
        .send(text);
    },
  );
}
