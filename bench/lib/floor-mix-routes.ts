// The floor of the deadline-day mix (issue 16: "a target that the hardware cannot reach must be shown to be so
// by the baseline itself"): each of the mix's four requests doing what any correct version of it must do at
// least, in the bare server's process (bare-upsert-server.ts), driven by the same generator with the same
// draws (deadline-mix.worker.mjs, mode `floor-mix`). What the whole mix costs here, against the bare upsert,
// bounds what the app's mix can reach on the same machine:
// - load: the session and the form's state row in one statement, then a form's bytes as the app sent them
//   (floor-form-read.ts);
// - save: the session, then one statement that locks the form's row, upserts the item and appends its audit
//   entry (audited-floor-save.ts, the /floor route);
// - upload: the session, the multipart body spooled to a temp file while hashed, flushed, linked under its
//   content address and the directory flushed, the temp name removed (the app's own LocalFileStore), then one
//   statement taking the file's lock and recording the stored file, the document and the audit entry (the
//   app's own evidence_upload_record) — no content sniffing, metadata checks or quota, and the bytes are not
//   checked after the record (decision 0031): a deletion of the same content in between is not repaired,
//   which only makes this cheaper than a correct upload;
// - submit: the session, then one statement moving the form from draft to submitted with its audit entry —
//   no completeness check (the app's is one index lookup of the stored progress), no timing or penalty.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { appendAuditSql, auditSqlParams } from '../../src/db/audit/write-audit.ts';
import type { Db } from '../../src/db/client.ts';
import { namedStatement, runNamed } from '../../src/db/prepared.ts';
import { recordEvidenceUpload } from '../../src/db/queries/evidence-upload.ts';
import { LocalFileStore } from '../../src/infra/storage/local-file-store.ts';
import { floorSession } from './audited-floor-save.ts';
import { type FloorBytes, floorFormLoad } from './floor-form-read.ts';

// $1 assessment, $2 time; $3, $4 the audit entry. Nothing is written unless the form is still a draft.
const submit = namedStatement<{ id: string }>(
  'bench_floor_submit',
  `with gate as (
     update assessments set status = 'submitted', submitted_at = $2::timestamptz, row_version = row_version + 1
     where id = $1::uuid and status = 'draft' returning id),
   audit as (${appendAuditSql(3, 'exists (select 1 from gate)')})
   select id from gate`,
);

export function registerFloorMixRoutes(
  app: FastifyInstance,
  db: Db,
  options: { answer: FloorBytes; filesRoot: string },
) {
  const store = new LocalFileStore({ root: path.resolve(options.filesRoot) });

  app.get<{ Params: { id: string } }>('/floor/assessments/:id', (request, reply) =>
    floorFormLoad(db, options.answer, request, reply),
  );

  app.post<{ Params: { unitId: string } }>('/floor-upload/:unitId', async (request, reply) => {
    const session = await floorSession(db, request.headers.cookie);
    if (!session || !session.grants.some((g) => g.unitId === request.params.unitId)) return reply.code(401).send();
    const part = await request.file();
    if (!part) return reply.code(400).send();
    const field = (name: string) => {
      const f = part.fields[name];
      return f && !Array.isArray(f) && f.type === 'field' ? String(f.value) : null;
    };
    // Spooled, hashed, flushed and renamed under its content address (the store's stageAndCommit).
    const stored = await store.put(part.file);
    const doc = {
      id: randomUUID(),
      unitId: request.params.unitId,
      sha256: stored.sha256,
      url: null,
      fileName: part.filename,
      docNumber: field('docNumber'),
      docDate: null,
      summary: field('summary'),
      issuer: null,
      uploadedBy: session.user.id,
      createdAt: new Date(),
    };
    await recordEvidenceUpload(db, {
      doc,
      size: stored.size,
      mimeType: part.mimetype,
      actor: { id: session.user.id, name: session.user.fullName },
      audit: {
        action: 'evidence.upload',
        objectType: 'evidence_document',
        objectId: doc.id,
        unitId: doc.unitId,
        after: { fileName: doc.fileName, sha256: doc.sha256, size: stored.size },
      },
    });
    return reply.code(201).send({ id: doc.id });
  });

  app.post<{ Params: { id: string } }>('/floor-submit/:id', async (request, reply) => {
    const session = await floorSession(db, request.headers.cookie);
    if (!session) return reply.code(401).send();
    const at = new Date();
    const rows = await runNamed(db, submit, [
      request.params.id,
      at.toISOString(),
      ...auditSqlParams(
        { id: session.user.id, name: session.user.fullName },
        {
          action: 'assessment.submit',
          objectType: 'assessment',
          objectId: request.params.id,
          unitId: session.grants[0]?.unitId ?? null,
        },
        at,
      ),
    ]);
    return reply.code(rows.length === 1 ? 200 : 409).send({ ok: rows.length === 1 });
  });
}
