// Evidence uploads against the real app and database, with the bad inputs units actually send: too
// large, renamed executables, empty files, hostile names, duplicates, uploads cut off half-way,
// another unit's files, a full disk.
import { spawnSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/db/audit/verify-audit.ts';
import { users } from '../../src/db/schema/accounts.ts';
import { auditLog } from '../../src/db/schema/audit.ts';
import { evidenceDocuments, storedFiles } from '../../src/db/schema/evidence.ts';
import { findSameFileElsewhere } from '../../src/db/queries/evidence.ts';
import { actorFromGrants, loadGrants } from '../../src/db/queries/load-actor.ts';
import { uploadEvidence } from '../../src/app/evidence/upload-evidence.ts';
import { reconcileLocalStore } from '../../src/app/evidence/reconcile-local-store.ts';
import { LOCK_CLASS } from '../../src/db/lock-classes.ts';
import { storageFull } from '../../src/infra/storage/storage-errors.ts';
import type { StagedFile } from '../../src/infra/storage/file-store.ts';
import { testDbKind } from '../support/test-db-config.ts';
import { whileHeld } from '../support/while-held.ts';
import { createEvidenceTestApp, type EvidenceTestApp, multipart } from '../support/evidence-app.ts';
import * as f from '../support/sample-files.ts';

let t: EvidenceTestApp;
let C1: string;
let C3: string;
const url = (unit: string) => `/api/v1/units/${unit}/evidence`;

beforeAll(async () => {
  t = await createEvidenceTestApp();
  C1 = t.unit('C1');
  C3 = t.unit('C3');
});
afterAll(() => t.close());

const rows = async () => ({
  files: Number((await t.database.db.select({ n: count() }).from(storedFiles))[0]!.n),
  docs: Number((await t.database.db.select({ n: count() }).from(evidenceDocuments))[0]!.n),
});
const tmpFiles = () => t.filesOnDisk().filter((p) => p.startsWith('tmp'));
/** rep_c1 as the upload use case takes its uploader (called below the route). */
const uploaderC1 = async () => {
  const [rep] = await t.database.db.select().from(users).where(eq(users.username, 'rep_c1'));
  return {
    actor: actorFromGrants(rep!.id, await loadGrants(t.database.db, rep!.id)),
    audit: { id: rep!.id, name: rep!.fullName },
    userId: rep!.id,
    fullName: rep!.fullName,
  };
};

/** The staged upload with its bytes taken by a remover (a sweep) just after it places them, before its record. */
const sweptBeforeRecord = (staged: StagedFile): StagedFile => ({
  ...staged,
  commit: async () => {
    const placed = await staged.commit();
    fs.rmSync(t.store.pathOf(staged.sha256)); // the sweep, between the placement and the record
    return placed;
  },
});

describe('upload', () => {
  it('stores a PDF with its metadata (dd/mm/yyyy date), detected type and audit entry', async () => {
    const rep = await t.as('rep_c1');
    const res = await rep.upload(
      url(C1),
      'Kế hoạch CĐS 2025.pdf',
      f.pdf('kế hoạch'),
      {
        docNumber: '45/KH-UBND',
        docDate: '05/03/2025',
        summary: 'Kế hoạch chuyển đổi số năm 2025',
        issuer: 'UBND xã Đức Đồng',
      },
      'application/octet-stream',
    );
    expect(res.statusCode).toBe(201);
    const e = res.json();
    expect(e).toMatchObject({
      unitId: C1,
      fileName: 'Kế hoạch CĐS 2025.pdf',
      mimeType: 'application/pdf',
      size: f.pdf('kế hoạch').length,
      docNumber: '45/KH-UBND',
      docDate: '2025-03-05',
      summary: 'Kế hoạch chuyển đổi số năm 2025',
      issuer: 'UBND xã Đức Đồng',
      url: null,
      usedBy: [],
      abilities: { update: true, delete: true, download: true },
    });
    expect(e.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(e.uploadedBy.fullName).toBe('Người dùng rep_c1');
    // The answer is built from what the upload wrote, not read back: it must be the library's own view.
    const listed = (await rep.get(url(C1))).json();
    expect((listed.items ?? listed).find((x: { id: string }) => x.id === e.id)).toEqual(e);
    expect(fs.existsSync(t.store.pathOf(e.sha256))).toBe(true);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.objectId, e.id));
    expect(audit.map((a) => a.action)).toEqual(['evidence.upload']);
    // The entry, written in the statement that inserts the document, describes the row as stored, at its time.
    const [stored] = await t.database.db.select().from(evidenceDocuments).where(eq(evidenceDocuments.id, e.id));
    expect(audit[0]!.after).toEqual({
      ...stored,
      createdAt: stored!.createdAt.toISOString(),
      size: f.pdf('kế hoạch').length,
      mimeType: 'application/pdf',
      newFile: true,
    });
    expect(audit[0]!.at).toEqual(stored!.createdAt);
    expect((await verifyAuditChain(t.database.db)).problems).toEqual([]);
    expect(tmpFiles()).toEqual([]);
  });

  it('a 60 MB file → 413 FILE_TOO_LARGE, nothing kept on disk or in the tables', async () => {
    const before = await rows();
    const beforeFiles = t.filesOnDisk();
    const big = Buffer.alloc(60 * 1024 * 1024, 0x20);
    f.pdf().copy(big);
    const res = await (await t.as('rep_c1')).upload(url(C1), 'to.pdf', big);
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({ code: 'FILE_TOO_LARGE' });
    expect(res.json().error.message).toMatch(/50 MB/);
    expect(await rows()).toEqual(before);
    expect(t.filesOnDisk()).toEqual(beforeFiles);
  });

  it('an .exe renamed .pdf (declared application/pdf) → 415 UNSUPPORTED_FILE, nothing kept', async () => {
    const before = await rows();
    const res = await (await t.as('rep_c1')).upload(url(C1), 'Quyết định.pdf', f.exe(), {}, 'application/pdf');
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('UNSUPPORTED_FILE');
    expect(res.json().error.message).toMatch(/theo nội dung/);
    expect(await rows()).toEqual(before);
    expect(tmpFiles()).toEqual([]);
  });

  it('an empty file → 400 EMPTY_FILE', async () => {
    const res = await (await t.as('rep_c1')).upload(url(C1), 'rỗng.pdf', Buffer.alloc(0));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('EMPTY_FILE');
    expect(tmpFiles()).toEqual([]);
  });

  it('"../../Quyết định số 12.pdf" is stored as "Quyết định số 12.pdf" (NFC, Vietnamese kept, no path)', async () => {
    const rep = await t.as('rep_c1');
    const decomposed = '../../Quyết định số 12.pdf'.normalize('NFD');
    const res = await rep.upload(url(C1), decomposed, f.pdf('12'));
    expect(res.statusCode).toBe(201);
    expect(res.json().fileName).toBe('Quyết định số 12.pdf'.normalize('NFC'));
    const win = await rep.upload(url(C1), '..\\..\\Windows\\Báo cáo.docx', f.docx());
    expect(win.json()).toMatchObject({
      fileName: 'Báo cáo.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
  });

  it('the same file uploaded twice → one stored file, two library documents', async () => {
    const rep = await t.as('rep_c1');
    const content = f.pdf('trùng lặp');
    const before = await rows();
    const a = (await rep.upload(url(C1), 'a.pdf', content, { docNumber: '1/QĐ' })).json();
    const b = (await rep.upload(url(C1), 'b.pdf', content, { docNumber: '2/QĐ' })).json();
    expect(a.sha256).toBe(b.sha256);
    expect(a.id).not.toBe(b.id);
    expect(await rows()).toEqual({ files: before.files + 1, docs: before.docs + 2 });
    expect(t.filesOnDisk().filter((p) => p.endsWith(a.sha256))).toHaveLength(1);
    // Deleting one keeps the file for the other; deleting both removes it.
    expect((await rep.delete(`/api/v1/evidence/${a.id}`)).statusCode).toBe(204);
    expect(fs.existsSync(t.store.pathOf(a.sha256))).toBe(true);
    expect((await rep.delete(`/api/v1/evidence/${b.id}`)).statusCode).toBe(204);
    expect(fs.existsSync(t.store.pathOf(a.sha256))).toBe(false);
    expect(await rows()).toEqual(before);
  });

  it('the same file uploaded by several people at once → every upload succeeds, one stored file', async () => {
    // Uploads of identical content hold the file lock shared: they run side by side, none is refused.
    const reps = await Promise.all(['rep_c1', 'rep_c1', 'rep_c1', 'rep_c1'].map((u) => t.as(u)));
    const content = f.pdf('văn bản chung của tỉnh');
    const before = await rows();
    const sent = await Promise.all(
      reps.map((rep, n) => rep.upload(url(C1), `chung-${n}.pdf`, content, { docNumber: `${n + 1}/KH-UBND` })),
    );
    expect(sent.map((r) => r.statusCode)).toEqual([201, 201, 201, 201]);
    expect(new Set(sent.map((r) => r.json().sha256)).size).toBe(1);
    expect(await rows()).toEqual({ files: before.files + 1, docs: before.docs + 4 });
    expect(t.filesOnDisk().filter((p) => p.endsWith(sent[0]!.json().sha256))).toHaveLength(1);
    expect(tmpFiles()).toEqual([]);
  });

  it('an upload that fails after placing its bytes takes them back — unless another upload recorded them', async () => {
    const who = await uploaderC1();
    const attempt = async (content: Buffer) => {
      const staged = await t.store.stage(Readable.from([content]), { maxBytes: 1 << 20 });
      // A unit that does not exist: the document's insert fails after the bytes were placed.
      const input = { unitId: randomUUID(), staged, mimeType: 'application/pdf', fileName: 'x.pdf', meta: {} };
      await expect(uploadEvidence(t.database.db, { store: t.store, who, input })).rejects.toThrow();
      await staged.discard();
      return staged.sha256;
    };
    const lone = await attempt(f.pdf('tệp lỗi một mình'));
    expect(fs.existsSync(t.store.pathOf(lone))).toBe(false);
    // Another upload of the same content has recorded the file meanwhile: its bytes stay.
    const shared = f.pdf('tệp lỗi dùng chung');
    const sha = createHash('sha256').update(shared).digest('hex');
    await t.database.db.insert(storedFiles).values({ sha256: sha, size: shared.length, mimeType: 'application/pdf' });
    expect(await attempt(shared)).toBe(sha);
    expect(fs.existsSync(t.store.pathOf(sha))).toBe(true);
    await t.database.db.delete(storedFiles).where(eq(storedFiles.sha256, sha));
    fs.rmSync(t.store.pathOf(sha));
  });

  it('bytes a remover took between the placement and the record are put back before the upload answers', async () => {
    // Decision 0031: no lock is held between placing the bytes and the statement recording them. A remover
    // of the same content (the start-up sweep of another process, which found no row naming them) may take
    // them in that gap; the upload inserting the stored file's row puts them back from its staged copy.
    const who = await uploaderC1();
    const content = f.pdf('bị dọn giữa chừng');
    const staged = await t.store.stage(Readable.from([content]), { maxBytes: 1 << 20 });
    const swept = sweptBeforeRecord(staged);
    const input = { unitId: C1, staged: swept, mimeType: 'application/pdf', fileName: 'don.pdf', meta: {} };
    const doc = await uploadEvidence(t.database.db, { store: t.store, who, input });
    await staged.discard();
    expect(doc.doc.sha256).toBe(staged.sha256);
    expect(fs.readFileSync(t.store.pathOf(staged.sha256))).toEqual(content);
    expect(tmpFiles()).toEqual([]);
  });

  it('bytes a remover took that cannot be put back (a full disk): the document is taken back, the upload fails whole', async () => {
    // Before: the upload answered 507 and left in the library a document whose file was gone.
    const who = await uploaderC1();
    const content = f.pdf('bị dọn, đĩa đầy');
    const staged = await t.store.stage(Readable.from([content]), { maxBytes: 1 << 20 });
    const full = {
      ...sweptBeforeRecord(staged),
      ensureStored: () => Promise.reject(storageFull()), // the disk full when the bytes are put back
    };
    const input = { unitId: C1, staged: full, mimeType: 'application/pdf', fileName: 'day.pdf', meta: {} };
    await expect(uploadEvidence(t.database.db, { store: t.store, who, input })).rejects.toMatchObject({
      code: 'STORAGE_FULL',
    });
    await staged.discard();
    const sha = staged.sha256;
    expect(await t.database.db.select().from(evidenceDocuments).where(eq(evidenceDocuments.sha256, sha))).toEqual([]);
    expect(await t.database.db.select().from(storedFiles).where(eq(storedFiles.sha256, sha))).toEqual([]);
    // Both steps are on the unit's audit trail: the upload, then its taking back with the reason.
    const trail = await t.database.db.select().from(auditLog).where(eq(auditLog.unitId, C1));
    const upload = trail.find((e) => e.action === 'evidence.upload' && (e.after as { sha256?: string }).sha256 === sha);
    const takenBack = trail.find((e) => e.action === 'evidence.delete' && e.objectId === upload?.objectId);
    expect(takenBack?.reason).toMatch(/không lưu lại được tệp/);
    expect(takenBack?.actorId).toBe(who.userId);
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
    expect(tmpFiles()).toEqual([]);
  });

  it.skipIf(testDbKind() !== 'postgres')(
    'an upload waits in its record for a deletion of the same content, then puts back the bytes it removed',
    async () => {
      // The last document of some content being deleted: under the file's exclusive lock, no row left, the
      // bytes removed. An upload of that content placed them meanwhile; its record waits for the lock, then
      // inserts the stored file's row again — and the bytes are there when it answers.
      const rep = await t.as('rep_c1');
      const content = f.pdf('xóa và tải lên cùng lúc');
      const sha = createHash('sha256').update(content).digest('hex');
      const res = await whileHeld(
        t.database.db,
        [`select pg_advisory_xact_lock(${LOCK_CLASS.storedFile}, hashtext('${sha}'))`],
        'pg_advisory_xact_lock_shared',
        () => rep.upload(url(C1), 'cung-luc.pdf', content),
        () => fs.rmSync(t.store.pathOf(sha)),
      );
      expect(res.statusCode).toBe(201);
      expect(fs.readFileSync(t.store.pathOf(sha))).toEqual(content);
      const download = await rep.get(`/api/v1/evidence/${res.json().id}/download`);
      expect(download.statusCode).toBe(200);
      expect(tmpFiles()).toEqual([]);
    },
  );

  it("the start-up repair puts back recorded bytes from a dead process's staged copy, and drops the rest", async () => {
    // Killed after its record committed but before putting back bytes a remover took: the row names bytes
    // that are gone, and the staged copy, left in tmp/, holds them.
    const dead = spawnSync(process.execPath, ['-e', '']).pid!; // a PID that has exited
    const host = os.hostname().replace(/[^A-Za-z0-9.-]/g, '_');
    const spool = (n: number) => path.join(t.store.tmpDir, `${host}~${dead}~${Date.now()}-${n}.part`);
    const recorded = f.pdf('đã ghi nhận, mất tệp');
    const sha = createHash('sha256').update(recorded).digest('hex');
    await t.database.db.insert(storedFiles).values({ sha256: sha, size: recorded.length, mimeType: 'application/pdf' });
    fs.mkdirSync(t.store.tmpDir, { recursive: true });
    fs.writeFileSync(spool(1), recorded);
    fs.writeFileSync(spool(2), recorded.subarray(0, 100)); // cut short by the crash: nobody recorded this
    const result = await reconcileLocalStore(t.database.db, t.store);
    expect(result).toMatchObject({ staleSpools: 2, rescued: 1 });
    expect(fs.readFileSync(t.store.pathOf(sha))).toEqual(recorded);
    expect(tmpFiles()).toEqual([]);
    await t.database.db.delete(storedFiles).where(eq(storedFiles.sha256, sha));
    fs.rmSync(t.store.pathOf(sha));
  });

  it('refuses an impossible date with the field named, and keeps nothing', async () => {
    const before = await rows();
    const res = await (await t.as('rep_c1')).upload(url(C1), 'x.pdf', f.pdf('date'), { docDate: '31/02/2025' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/docDate/);
    expect(await rows()).toEqual(before);
    expect(tmpFiles()).toEqual([]);
  });

  it('an upload cut off half-way over a real socket leaves no file in the store or tmp/', async () => {
    const rep = await t.as('rep_c1');
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const port = (t.app.server.address() as AddressInfo).port;
    const before = await rows();
    const beforeFiles = t.filesOnDisk();
    const content = Buffer.alloc(8 * 1024 * 1024, 0x41);
    f.pdf().copy(content);
    const mp = multipart('nửa chừng.pdf', content);
    let sawTmp = false;
    await new Promise<void>((resolve) => {
      const req = http.request({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: url(C1),
        headers: {
          'content-type': mp.contentType,
          'content-length': mp.payload.length,
          cookie: rep.cookie,
          'x-csrf-token': rep.csrf,
        },
      });
      req.on('error', () => resolve());
      req.write(mp.payload.subarray(0, mp.payload.length / 2), async () => {
        // Wait until the server is really streaming into tmp/, then vanish like a dropped connection.
        for (let i = 0; i < 100 && tmpFiles().length === 0; i++) await new Promise((r) => setTimeout(r, 20));
        sawTmp = tmpFiles().length > 0;
        req.destroy();
        resolve();
      });
    });
    expect(sawTmp).toBe(true);
    for (let i = 0; i < 50 && tmpFiles().length > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(tmpFiles()).toEqual([]);
    expect(t.filesOnDisk()).toEqual(beforeFiles);
    expect(await rows()).toEqual(before);
  });
});

describe('library, metadata, links', () => {
  it('lists the unit library with accent-insensitive search', async () => {
    const rep = await t.as('rep_c1');
    await rep.upload(url(C1), 'Báo cáo tổng kết.pdf', f.pdf('tổng kết'), {
      summary: 'Báo cáo tổng kết năm',
      issuer: 'Sở Thông tin và Truyền thông',
    });
    const all = (await rep.get(url(C1))).json();
    expect(all.total).toBeGreaterThan(1);
    expect(all.abilities).toEqual({ upload: true });
    const hit = (await rep.get(`${url(C1)}?q=${encodeURIComponent('bao cao TONG ket')}`)).json();
    expect(hit.items.map((i: { fileName: string }) => i.fileName)).toEqual(['Báo cáo tổng kết.pdf']);
    expect((await rep.get(`${url(C1)}?q=${encodeURIComponent('thong tin truyen')}`)).json().total).toBe(1);
    expect((await rep.get(`${url(C1)}?q=khong-co-dau`)).json().total).toBe(0);
  });

  it('adds a URL as evidence (http/https only) and edits metadata, audited', async () => {
    const rep = await t.as('rep_c1');
    expect((await rep.post(`${url(C1)}/link`, { url: 'javascript:alert(1)' })).statusCode).toBe(400);
    expect((await rep.post(`${url(C1)}/link`, { url: 'file:///etc/passwd' })).statusCode).toBe(400);
    const res = await rep.post(`${url(C1)}/link`, {
      url: 'https://vanban.hatinh.gov.vn/12-qd',
      docNumber: '12/QĐ-UBND',
      docDate: '2025-01-15',
    });
    expect(res.statusCode).toBe(201);
    const link = res.json();
    expect(link).toMatchObject({
      url: 'https://vanban.hatinh.gov.vn/12-qd',
      sha256: null,
      fileName: null,
      abilities: { download: false },
    });
    const patched = await rep.patch(`/api/v1/evidence/${link.id}`, {
      summary: 'Quyết định ban hành kế hoạch',
      docDate: '16/01/2025',
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      summary: 'Quyết định ban hành kế hoạch',
      docDate: '2025-01-16',
      docNumber: '12/QĐ-UBND',
    });
    expect((await rep.get(`/api/v1/evidence/${link.id}/download`)).statusCode).toBe(404);
    const actions = (await t.database.db.select().from(auditLog).where(eq(auditLog.objectId, link.id))).map(
      (a) => a.action,
    );
    expect(actions).toEqual(['evidence.link', 'evidence.update']);
  });
});

describe('download and preview', () => {
  it('downloads with the Vietnamese name in filename*, supports ranges; preview is sandboxed', async () => {
    const rep = await t.as('rep_c1');
    const content = f.pdf('tải xuống');
    const e = (await rep.upload(url(C1), 'Quyết định số 12.pdf', content)).json();
    const dl = await rep.get(`/api/v1/evidence/${e.id}/download`);
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload).toEqual(content);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(dl.headers['content-disposition']).toBe(
      `attachment; filename="Quyet dinh so 12.pdf"; filename*=UTF-8''${encodeURIComponent('Quyết định số 12.pdf')}`,
    );
    const part = await rep.get(`/api/v1/evidence/${e.id}/download`, { range: 'bytes=0-4' });
    expect(part.statusCode).toBe(206);
    expect(part.body).toBe('%PDF-');
    expect(part.headers['content-range']).toBe(`bytes 0-4/${content.length}`);
    const pv = await rep.get(`/api/v1/evidence/${e.id}/preview`);
    expect(pv.statusCode).toBe(200);
    expect(pv.headers['content-disposition']).toMatch(/^inline; /);
    expect(pv.headers['content-security-policy']).toMatch(/^sandbox/);
    expect(pv.headers['x-content-type-options']).toBe('nosniff');
  });

  it('preview refuses types a browser could run or render unsafely (DOCX, ZIP) — download still works', async () => {
    const rep = await t.as('rep_c1');
    const e = (await rep.upload(url(C1), 'nén.zip', f.plainZip())).json();
    expect(e.mimeType).toBe('application/zip');
    expect((await rep.get(`/api/v1/evidence/${e.id}/preview`)).statusCode).toBe(415);
    expect((await rep.get(`/api/v1/evidence/${e.id}/download`)).statusCode).toBe(200);
  });

  it("a reporter of unit A downloading unit B's evidence → 404 (and cannot list, edit or delete it)", async () => {
    const e = (await (await t.as('rep_c3')).upload(url(C3), 'Sơn Tây.pdf', f.pdf('C3'))).json();
    const rep = await t.as('rep_c1');
    for (const path of [
      `/api/v1/evidence/${e.id}/download`,
      `/api/v1/evidence/${e.id}/preview`,
      `/api/v1/evidence/${e.id}`,
      url(C3),
    ]) {
      const res = await rep.get(path);
      expect(res.statusCode, path).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
    expect((await rep.patch(`/api/v1/evidence/${e.id}`, { summary: 'x' })).statusCode).toBe(404);
    expect((await rep.delete(`/api/v1/evidence/${e.id}`)).statusCode).toBe(404);
    expect((await rep.upload(url(C3), 'x.pdf', f.pdf('x'))).statusCode).toBe(404);
  });

  it('findSameFileElsewhere lists other units holding the same bytes', async () => {
    const same = f.pdf('nộp trùng giữa hai xã');
    const mine = (await (await t.as('rep_c1')).upload(url(C1), 'của C1.pdf', same)).json();
    await (await t.as('rep_c3')).upload(url(C3), 'của C3.pdf', same, { docNumber: '7/BC' });
    const others = await findSameFileElsewhere(t.database.db, mine.sha256, C1);
    expect(others).toHaveLength(1);
    expect(others[0]).toMatchObject({ unitId: C3, unitCode: 'C3', fileName: 'của C3.pdf', docNumber: '7/BC' });
    expect(await findSameFileElsewhere(t.database.db, mine.sha256, C3)).toHaveLength(1);
  });
});

describe('limits of a smaller configuration', () => {
  let small: EvidenceTestApp;
  beforeAll(async () => {
    small = await createEvidenceTestApp({ EVIDENCE_MAX_BYTES: '2000', EVIDENCE_QUOTA_BYTES: '3000' });
  });
  afterAll(() => small.close());

  it('a body under the declared-length guard but over the limit is cut by the parser → 413, nothing kept', async () => {
    const body = Buffer.alloc(5000, 0x20);
    f.pdf().copy(body);
    const res = await (await small.as('rep_c1')).upload(url(small.unit('C1')), 'x.pdf', body);
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('FILE_TOO_LARGE');
    expect(small.filesOnDisk()).toEqual([]);
  });

  it('storage out of space (quota) → 507 STORAGE_FULL with a clear message; other routes unaffected', async () => {
    const rep = await small.as('rep_c1');
    const C1s = small.unit('C1');
    const fill = (n: number) => {
      const b = Buffer.alloc(1900, 0x20 + n);
      f.pdf().copy(b);
      return b;
    };
    expect((await rep.upload(url(C1s), 'một.pdf', fill(1))).statusCode).toBe(201);
    const full = await rep.upload(url(C1s), 'hai.pdf', fill(2));
    expect(full.statusCode).toBe(507);
    expect(full.json().error.code).toBe('STORAGE_FULL');
    expect(full.json().error.message).toMatch(/hết dung lượng.*quản trị viên/);
    expect(small.filesOnDisk()).toHaveLength(1);
    // Everything else keeps working: reading the library, downloading, links, other APIs.
    expect((await rep.get(url(C1s))).json().total).toBe(1);
    const first = (await rep.get(url(C1s))).json().items[0];
    expect((await rep.get(`/api/v1/evidence/${first.id}/download`)).statusCode).toBe(200);
    expect((await rep.post(`${url(C1s)}/link`, { url: 'https://example.gov.vn/a' })).statusCode).toBe(201);
    expect((await rep.get('/api/v1/auth/me')).statusCode).toBe(200);
  });
});
