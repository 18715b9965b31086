// The audit log's integrity (issue 11, finding 8): every field of an entry is covered by its hash (each
// one tampered in turn is caught); the Node writer and the SQL writer of the item-save statement store
// and hash exactly the same thing; and signed checkpoints anchor the chains, so what links alone miss —
// a chain's last entries deleted, a whole chain deleted, an entry edited and the rest of its chain
// re-hashed — is named by `audit verify`. Every tamper runs in a transaction that is rolled back.
import { generateKeyPairSync, sign } from 'node:crypto';
import { TransactionRollbackError, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AuditEntryInput,
  appendAuditSql,
  auditSqlParams,
  chainLockSql,
  chainOf,
  hashAuditEntry,
  writeAudit,
} from '../../src/db/audit/write-audit.ts';
import type { Db } from '../../src/db/client.ts';
import { rowsOf } from '../../src/db/queries/assessments.ts';
import { namedStatement, runNamed } from '../../src/db/prepared.ts';
import { auditCheckpoints } from '../../src/db/schema/audit-checkpoints.ts';
import { checkpointDigest, writeAuditCheckpoint } from '../../src/app/audit/checkpoints.ts';
import { describeAudit, verifyAudit } from '../../src/app/audit/verify-anchored.ts';
import { createJobHandlers, createScheduler } from '../../src/app/jobs/handlers.ts';
import { createJobWorker } from '../../src/app/jobs/worker.ts';
import { encryptPrivateKey, keyIdOf } from '../../src/app/publication/signing-key.ts';
import { testKeySecrets } from '../support/key-secrets.ts';
import { type TestApp, createTestApp } from '../support/test-app.ts';

let t: TestApp;
const secrets = testKeySecrets();
/** A chain of 4 entries about one unit (create, update, move, deactivate), and a second chain. */
let chain = '';
let ids: number[] = [];
let other = '';

type Row = { id: number; chain: string; prev_hash: string; hash: string };
const rowsOfChain = async (db: Db, c: string) =>
  rowsOf<Row>(await db.execute(sql`select id, chain, prev_hash, hash from audit_log where chain = ${c} order by id`));

/** Runs `fn` in a transaction that is always rolled back: each tamper starts from the intact log. */
async function tampered<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
  let out: T | undefined;
  await t.database.db
    .transaction(async (tx) => {
      out = await fn(tx);
      tx.rollback();
    })
    .catch((err: unknown) => {
      if (!(err instanceof TransactionRollbackError)) throw err;
    });
  return out!;
}

beforeAll(async () => {
  t = await createTestApp();
  const office = await t.as('d1office');
  const created = await office.post('/api/v1/org-units', {
    code: 'NEO1',
    name: 'Thôn Neo',
    type: 'other',
    parentId: t.unit('C1'),
  });
  expect(created.statusCode, created.body).toBe(201);
  chain = created.json().id;
  expect((await office.patch(`/api/v1/org-units/${chain}`, { name: 'Thôn Neo Mới', version: 1 })).statusCode).toBe(200);
  expect(
    (await office.post(`/api/v1/org-units/${chain}/move`, { parentId: t.unit('C2'), version: 2 })).statusCode,
  ).toBe(200);
  expect(
    (await office.post(`/api/v1/org-units/${chain}/deactivate`, { activeTo: '2030-01-01', reason: 'Sáp nhập' }))
      .statusCode,
  ).toBe(200);
  ids = (await rowsOfChain(t.database.db, chain)).map((r) => r.id);
  expect(ids).toHaveLength(4);
  other = t.unit('C3');
  await writeAudit(
    t.database.db,
    { id: null, name: 'test' },
    { action: 'probe.other', objectType: 'org_unit', objectId: other, unitId: other, after: { n: 1 } },
  );
  await writeAudit(
    t.database.db,
    { id: null, name: 'test' },
    { action: 'probe.other', objectType: 'org_unit', objectId: other, unitId: other, after: { n: 2 } },
  );
});
afterAll(() => t.close());

describe('every field of an entry is in its hash', () => {
  const victim = () => ids[1]!; // the update: actor, unit, before and after all set, and a successor
  const TAMPERS: [string, string][] = [
    ['at', `at = at + interval '1 second'`],
    ['actor_id', 'actor_id = gen_random_uuid()'],
    ['actor_name', `actor_name = 'mallory'`],
    ['action', `action = 'org_unit.delete'`],
    ['object_type', `object_type = 'user'`],
    ['object_id', `object_id = 'khac'`],
    ['unit_id', 'unit_id = gen_random_uuid()'],
    ['before (changed)', `before = '{"name":"Tên giả","version":1}'::jsonb`],
    ['before (dropped)', 'before = null'],
    ['after (changed)', `after = '{"name":"Tên giả","version":2}'::jsonb`],
    ['after (dropped)', 'after = null'],
    ['reason', `reason = 'Lý do chèn thêm'`],
  ];
  for (const [field, set] of TAMPERS) {
    it(`${field}: the entry's own hash no longer matches`, async () => {
      const v = await tampered(async (tx) => {
        await tx.execute(sql.raw(`update audit_log set ${set} where id = ${victim()}`));
        return verifyAudit(tx, secrets);
      });
      expect(v.ok).toBe(false);
      expect(v.problems).toContainEqual({ kind: 'content_hash_mismatch', chain, entryId: victim() });
    });
  }

  it('prev_hash, hash and chain: the links break', async () => {
    for (const set of [`prev_hash = repeat('a', 64)`, `hash = repeat('b', 64)`, `chain = 'global'`]) {
      const v = await tampered(async (tx) => {
        await tx.execute(sql.raw(`update audit_log set ${set} where id = ${victim()}`));
        return verifyAudit(tx, secrets);
      });
      expect(v.ok, set).toBe(false);
      expect(
        v.problems.some((p) => 'entryId' in p && (p.entryId === victim() || p.entryId === ids[2])),
        set,
      ).toBe(true);
    }
  });

  it('the intact log verifies', async () => {
    expect(await verifyAudit(t.database.db, secrets)).toMatchObject({ ok: true, problems: [] });
  });
});

describe('the Node writer and the SQL writer (item save) agree', () => {
  const actor = { id: null, name: 'Người thử — “kiểm tra”' };
  // Content that JSON text and jsonb treat in their own ways: key order, float text, 1e21, -0, Unicode,
  // escapes, Dates, an object with toJSON (JSON.stringify stores its toJSON value).
  const entries = (unitId: string | null): AuditEntryInput[] => [
    {
      action: 'probe.write',
      objectType: 'probe',
      objectId: 'một',
      unitId,
      before: {
        zeta: 1,
        'Tên đơn vị': 'Xã Cẩm Bình',
        sum: 0.1 + 0.2,
        big: 1e21,
        negZero: -0,
        list: [3, 'hai', null, true, { b: 1, a: 2 }],
        emoji: '👍🏽',
        esc: 'tab\t"quote" \\ / \u2028',
      },
      after: {
        when: new Date('2026-01-02T03:04:05.006Z'),
        custom: { toJSON: () => ({ kind: 'custom', n: 1.5 }) },
        nested: { deep: { deeper: [[]] } },
      },
      reason: 'Lý do — có dấu “ngoặc”',
    },
    {
      action: 'probe.write',
      objectType: 'probe',
      objectId: 'hai',
      unitId,
      before: null,
      after: 'chuỗi thuần',
      reason: null,
    },
    { action: 'probe.write', objectType: 'probe', objectId: 'ba', unitId, after: [1, 2.5, -3e-7] },
  ];

  for (const unit of ['a unit chain', 'the global chain'] as const) {
    it(`${unit}: same stored columns, and each hash is the Node hash of the content given`, async () => {
      const unitId = unit === 'a unit chain' ? t.unit('C2') : null;
      const written = await tampered(async (tx) => {
        const c = chainOf(unitId);
        await tx.execute(sql.raw(`select ${chainLockSql(`'${c}'`)}`));
        const out: { node: Record<string, unknown>; sql: Record<string, unknown>; entry: AuditEntryInput }[] = [];
        for (const entry of entries(unitId)) {
          await writeAudit(tx, actor, entry);
          const [nodeRow] = rowsOf<Record<string, unknown>>(
            await tx.execute(sql`select * from audit_log where chain = ${c} order by id desc limit 1`),
          );
          await runNamed(
            tx,
            namedStatement('audit_probe_append', appendAuditSql(1, 'true')),
            auditSqlParams(actor, entry, new Date(nodeRow!.at as string)),
          );
          const [sqlRow] = rowsOf<Record<string, unknown>>(
            await tx.execute(sql`select * from audit_log where chain = ${c} order by id desc limit 1`),
          );
          out.push({ node: nodeRow!, sql: sqlRow!, entry });
        }
        return { rows: out, verification: await verifyAudit(tx, secrets) };
      });
      for (const { node, sql: viaSql, entry } of written.rows) {
        const strip = (r: Record<string, unknown>) => ({ ...r, id: 0, prev_hash: '', hash: '' });
        expect(strip(viaSql)).toEqual(strip(node));
        expect(viaSql.prev_hash).toBe(node.hash);
        const content = {
          at: new Date(node.at as string),
          actorId: null,
          actorName: actor.name,
          action: entry.action,
          objectType: entry.objectType,
          objectId: entry.objectId,
          unitId,
          before: entry.before ?? null,
          after: entry.after ?? null,
          reason: entry.reason ?? null,
        };
        expect(node.hash).toBe(hashAuditEntry(node.prev_hash as string, content));
        expect(viaSql.hash).toBe(hashAuditEntry(viaSql.prev_hash as string, content));
      }
      expect(written.verification).toMatchObject({ ok: true, problems: [] });
    });
  }
});

describe('signed checkpoints anchor the chains', () => {
  let checkpointId = 0;
  beforeAll(async () => {
    const c = await writeAuditCheckpoint(t.database.db, secrets, new Date());
    expect(c.written).toBe(true);
    checkpointId = c.id;
    // One more entry after the checkpoint: verified by its link only.
    await writeAudit(
      t.database.db,
      { id: null, name: 'test' },
      { action: 'probe.after', objectType: 'org_unit', objectId: other, unitId: other, after: { n: 3 } },
    );
  });

  it('an intact log verifies against it; entries after it are counted as verified by links only', async () => {
    const v = await verifyAudit(t.database.db, secrets);
    expect(v).toMatchObject({
      ok: true,
      problems: [],
      checkpointProblems: [],
      checkpoint: { id: checkpointId },
      unanchored: 1,
    });
    expect(describeAudit(v)[0]).toContain('Nhật ký toàn vẹn');
    expect((await writeAuditCheckpoint(t.database.db, secrets, new Date())).written).toBe(true);
    expect((await writeAuditCheckpoint(t.database.db, secrets, new Date())).written).toBe(false); // nothing new
  });

  it('deleting the last entries of a chain is named (links alone see nothing)', async () => {
    const v = await tampered(async (tx) => {
      await tx.execute(sql`delete from audit_log where id in (${ids[2]!}, ${ids[3]!})`);
      return verifyAudit(tx, secrets);
    });
    expect(v.ok).toBe(false);
    expect(v.problems).toEqual([{ kind: 'chain_truncated', chain, anchored: 4, found: 2 }]);
    expect(describeAudit(v).join('\n')).toContain(`chuỗi ${chain}: mất 2 bản ghi cuối`);
  });

  it('deleting a whole chain is named', async () => {
    const v = await tampered(async (tx) => {
      await tx.execute(sql`delete from audit_log where chain = ${chain}`);
      return verifyAudit(tx, secrets);
    });
    expect(v.problems).toEqual([{ kind: 'chain_deleted', chain, anchored: 4 }]);
  });

  it('editing an entry and re-hashing the rest of its chain is named', async () => {
    const v = await tampered(async (tx) => {
      await tx.execute(sql`update audit_log set reason = 'Lý do đã sửa' where id = ${ids[1]!}`);
      // Recompute every hash from the edited entry on, as an attacker with database access would.
      const rows = await tx.execute(sql`select * from audit_log where chain = ${chain} order by id`);
      let prev = '0'.repeat(64);
      for (const r of rowsOf<Record<string, unknown>>(rows)) {
        const json = (x: unknown) => (typeof x === 'string' ? JSON.parse(x) : x);
        const content = {
          at: new Date(r.at as string),
          actorId: r.actor_id as string | null,
          actorName: r.actor_name as string,
          action: r.action as string,
          objectType: r.object_type as string,
          objectId: r.object_id as string,
          unitId: r.unit_id as string | null,
          before: json(r.before) ?? null,
          after: json(r.after) ?? null,
          reason: r.reason as string | null,
        };
        const hash = hashAuditEntry(prev, content);
        await tx.execute(sql`update audit_log set prev_hash = ${prev}, hash = ${hash} where id = ${r.id as number}`);
        prev = hash;
      }
      return verifyAudit(tx, secrets);
    });
    expect(v.problems).toEqual([{ kind: 'chain_rewritten', chain, position: 4, entryId: ids[3] }]);
  });

  it('a checkpoint altered, forged with a key of its own, or removed from the sequence is named', async () => {
    const altered = await tampered(async (tx) => {
      const [last] = await tx
        .select()
        .from(auditCheckpoints)
        .orderBy(sql`id desc`)
        .limit(1);
      const chains = last!.chains.map((c) => (c.chain === chain ? { ...c, count: 2 } : c));
      await tx
        .update(auditCheckpoints)
        .set({ chains })
        .where(sql`id = ${last!.id}`);
      return verifyAudit(tx, secrets);
    });
    expect(altered.checkpointProblems).toContainEqual(
      expect.objectContaining({ kind: 'checkpoint_invalid', problem: 'DIGEST_MISMATCH' }),
    );
    expect(altered.checkpoint?.id).toBe(checkpointId); // the newest valid one anchors instead

    // An attacker who can write the database adds a key pair of their own and signs a checkpoint that
    // matches a truncated chain: the key's private half does not open with the deployment's secret.
    const forged = await tampered(async (tx) => {
      await tx.execute(sql`delete from audit_log where id in (${ids[2]!}, ${ids[3]!})`);
      const { publicKey, privateKey } = generateKeyPairSync('ed25519');
      const keyId = keyIdOf(publicKey);
      const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
      await tx.execute(sql`insert into signing_keys (id, algorithm, public_key_pem, private_key, encrypted) values (${keyId}, 'Ed25519',
        ${publicKey.export({ type: 'spki', format: 'pem' }).toString()}, ${encryptPrivateKey(pem, 'a secret of the attacker, 32 chars or more')}, true)`);
      const [last] = await tx
        .select()
        .from(auditCheckpoints)
        .orderBy(sql`id desc`)
        .limit(1);
      const chains = rowsOf<{ chain: string; n: number | string; last_id: number | string; hash: string }>(
        await tx.execute(
          sql`select m.chain, m.n, m.last_id, a.hash from (select chain, count(*) n, max(id) last_id from audit_log group by chain) m join audit_log a on a.id = m.last_id order by m.chain`,
        ),
      ).map((r) => ({ chain: r.chain, count: Number(r.n), lastId: Number(r.last_id), head: r.hash }));
      const createdAt = new Date();
      const entries = chains.reduce((n, c) => n + c.count, 0);
      const digest = checkpointDigest({
        createdAt: createdAt.toISOString(),
        prevDigest: last!.digest,
        entries,
        chains,
      });
      await tx.insert(auditCheckpoints).values({
        createdAt,
        prevDigest: last!.digest,
        entries,
        chains,
        digest,
        signature: sign(null, Buffer.from(digest, 'hex'), privateKey).toString('base64'),
        keyId,
      });
      return verifyAudit(tx, secrets);
    });
    expect(forged.checkpointProblems).toContainEqual(
      expect.objectContaining({ kind: 'checkpoint_invalid', problem: 'KEY_UNTRUSTED' }),
    );
    expect(forged.problems).toEqual([{ kind: 'chain_truncated', chain, anchored: 4, found: 2 }]);

    const removed = await tampered(async (tx) => {
      await tx.execute(sql`delete from audit_checkpoints where id = ${checkpointId}`);
      return verifyAudit(tx, secrets);
    });
    expect(removed.checkpointProblems).toEqual([
      { kind: 'checkpoint_sequence_broken', checkpointId: checkpointId + 1 },
    ]);
  });

  it('the server writes one checkpoint per hour through its job queue', async () => {
    await writeAudit(
      t.database.db,
      { id: null, name: 'test' },
      { action: 'probe.job', objectType: 'org_unit', objectId: other, unitId: other },
    );
    const now = new Date('2026-11-12T03:00:00Z'); // 10:00 in Vietnam, before the reminder hour below
    const ctx = {
      db: t.database.db,
      config: { publicBaseUrl: undefined, smtp: undefined, reminderHour: 23 },
      clock: () => now,
      realClock: () => new Date(),
      keySecrets: secrets,
    };
    const schedule = createScheduler(ctx);
    await Promise.all([schedule(now), createScheduler(ctx)(now)]);
    const before = (await t.database.db.select().from(auditCheckpoints)).length;
    const worker = createJobWorker({ db: t.database.db, handlers: createJobHandlers(ctx), clock: ctx.clock });
    while ((await worker.runOnce()) > 0);
    const jobs = rowsOf<{ n: number | string }>(
      await t.database.db.execute(
        sql`select count(*) as n from jobs where kind = 'audit.checkpoint' and done_at is not null`,
      ),
    );
    expect(Number(jobs[0]!.n)).toBe(1); // two schedulers (two processes), one job for the hour
    expect((await t.database.db.select().from(auditCheckpoints)).length).toBe(before + 1);
    expect((await verifyAudit(t.database.db, secrets)).unanchored).toBe(0);
  });
});
