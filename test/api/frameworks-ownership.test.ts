// Issue 11, finding 10: an index set belongs to the unit that issued it. The district office ("d1office",
// like cx.vhtt in the demo) read the province's sets and wrote them too: 16 wrong 2xx, among them deleting
// the administrator's draft and archiving the province's published commune set while the 2026 campaign ran
// on it. Now only the offices reaching the owner write a set; a district office issues its own; a version
// a running campaign is pinned on is not archived (409 naming the campaign); reading is unchanged.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../../src/db/migrate.ts';
import { rowsOf } from '../../src/db/queries/assessments.ts';
import { addAccount, createCampaign, createOpenCampaign, publishFramework } from '../support/campaign-fixture.ts';
import { type Client, type TestApp, createTestApp } from '../support/test-app.ts';
import { sampleDefinition } from './frameworks-fixtures.ts';

let t: TestApp;
let office: Client;
let admin: Client;
let d1: Client;
let seq = 0;
const code = (prefix: string) => `${prefix}-${++seq}`;

beforeAll(async () => {
  t = await createTestApp({ clock: () => new Date('2026-10-01T03:00:00Z') });
  office = await t.as('office');
  admin = await t.as('admin');
  d1 = await t.as('d1office');
  await addAccount(t, 'd2office', 'dx_office', 'D2', true);
});
afterAll(() => t.close());

async function draftBy(c: Client, prefix = 'nhap', body: Record<string, unknown> = {}) {
  const res = await c.post('/api/v1/frameworks', { definition: sampleDefinition(code(prefix)), ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as {
    id: string;
    code: string;
    ownerUnit: { id: string; code: string };
    abilities: Record<string, boolean>;
  };
}
async function publishedBy(c: Client, prefix = 'ban-hanh') {
  const d = await draftBy(c, prefix);
  const res = await c.post(`/api/v1/frameworks/${d.id}/publish`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: string; code: string };
}
const statusOf = async (id: string) =>
  (await office.get(`/api/v1/frameworks/${id}`)).json().status as string | undefined;

describe('a district office does not write the province’s index sets (the 16 wrong 2xx)', () => {
  let inUse: { id: string; code: string };
  let other: { id: string; code: string };
  beforeAll(async () => {
    // The province's published commune set, with the 2026 campaign running on it.
    inUse = await publishedBy(office, 'xa-2026');
    await createOpenCampaign(t, { frameworkId: inUse.id, name: 'Đánh giá DTI cấp xã năm 2026' });
    other = await publishedBy(office, 'so-nganh');
  });

  const CASES: [string, () => Promise<{ statusCode: number; body: string }>][] = [
    ['DELETE the administrator’s draft', async () => d1.delete(`/api/v1/frameworks/${(await draftBy(admin)).id}`)],
    [
      'PUT the administrator’s draft',
      async () => {
        const d = await draftBy(admin);
        return d1.put(`/api/v1/frameworks/${d.id}`, { definition: sampleDefinition(d.code), version: 1 });
      },
    ],
    [
      'publish the administrator’s draft',
      async () => d1.post(`/api/v1/frameworks/${(await draftBy(admin)).id}/publish`),
    ],
    [
      'new version of the administrator’s draft',
      async () => d1.post(`/api/v1/frameworks/${(await draftBy(admin)).id}/versions`),
    ],
    [
      'confirm a mapping from the administrator’s draft',
      async () => d1.put(`/api/v1/frameworks/${(await draftBy(admin)).id}/mapping?to=${other.id}`, { pairs: [] }),
    ],
    ['DELETE the province office’s draft', async () => d1.delete(`/api/v1/frameworks/${(await draftBy(office)).id}`)],
    [
      'PUT the province office’s draft',
      async () => {
        const d = await draftBy(office);
        return d1.put(`/api/v1/frameworks/${d.id}`, { definition: sampleDefinition(d.code), version: 1 });
      },
    ],
    [
      'publish the province office’s draft',
      async () => d1.post(`/api/v1/frameworks/${(await draftBy(office)).id}/publish`),
    ],
    [
      'archive the published commune set the 2026 campaign runs on',
      () => d1.post(`/api/v1/frameworks/${inUse.id}/archive`),
    ],
    ['new version of the published commune set', () => d1.post(`/api/v1/frameworks/${inUse.id}/versions`)],
    [
      'confirm a mapping from the published commune set',
      () => d1.put(`/api/v1/frameworks/${inUse.id}/mapping?to=${other.id}`, { pairs: [] }),
    ],
    [
      'archive a published province set not in use',
      async () => d1.post(`/api/v1/frameworks/${(await publishedBy(office)).id}/archive`),
    ],
    ['new version of a published province set', () => d1.post(`/api/v1/frameworks/${other.id}/versions`)],
    [
      'POST /frameworks with the province set’s code (its next version)',
      () => d1.post('/api/v1/frameworks', { definition: sampleDefinition(inUse.code) }),
    ],
    [
      'import a file with the province set’s code (its next version)',
      () =>
        d1.upload(
          '/api/v1/frameworks/import',
          'bo-chi-so.json',
          Buffer.from(JSON.stringify(sampleDefinition(other.code))),
        ),
    ],
    [
      'archive a preset (seeded, owned by the province)',
      async () => d1.post(`/api/v1/frameworks/${await publishFramework(t, sampleDefinition(code('co-san')))}/archive`),
    ],
  ];

  it('every one of the 16 writes is refused with 403 FORBIDDEN naming the unit that issued the set', async () => {
    const got: Record<string, number> = {};
    for (const [name, call] of CASES) {
      const res = await call();
      got[name] = res.statusCode;
      if (res.statusCode === 403) {
        expect(JSON.parse(res.body).error.code, name).toBe('FORBIDDEN');
        expect(JSON.parse(res.body).error.message, name).toContain('Tỉnh Thử Nghiệm');
      }
    }
    expect(got).toEqual(Object.fromEntries(CASES.map(([name]) => [name, 403])));
  });

  it('nothing changed: the commune set is still published, no version was added, the drafts are still there', async () => {
    expect(await statusOf(inUse.id)).toBe('published');
    const versions = (await office.get(`/api/v1/frameworks/${inUse.id}/versions`)).json().items;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([1]);
    const drafts = (await office.get('/api/v1/frameworks?status=draft&pageSize=200')).json().items as {
      code: string;
    }[];
    expect(drafts.filter((d) => d.code.startsWith('nhap-')).length).toBe(8);
  });

  it('reading stays as it was: the district office reads the province’s sets and drafts, with no write ability', async () => {
    const draft = await draftBy(admin);
    const seen = await d1.get(`/api/v1/frameworks/${draft.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().ownerUnit).toMatchObject({ code: 'P' });
    expect(seen.json().abilities).toEqual({
      update: false,
      publish: false,
      archive: false,
      createVersion: false,
      delete: false,
      confirmMapping: false,
    });
    expect((await d1.get(`/api/v1/frameworks/${inUse.id}/export?format=yaml`)).statusCode).toBe(200);
    expect((await d1.get(`/api/v1/frameworks/${inUse.id}/mapping?to=${other.id}`)).statusCode).toBe(200);
    // The campaigns keeping a set in use are named to those who may write it only.
    expect((await d1.get(`/api/v1/frameworks/${inUse.id}`)).json().inUseBy).toEqual([]);
  });
});

describe('a district office issues and writes its own sets', () => {
  it('a set created by the district office belongs to its district; it publishes, versions and archives it', async () => {
    const d = await draftBy(d1, 'huyen');
    expect(d.ownerUnit).toMatchObject({ id: t.unit('D1'), code: 'D1' });
    expect(d.abilities).toMatchObject({ update: true, publish: true, delete: true });
    expect((await d1.post(`/api/v1/frameworks/${d.id}/publish`)).statusCode).toBe(200);
    const v2 = await d1.post(`/api/v1/frameworks/${d.id}/versions`);
    expect(v2.statusCode).toBe(201);
    expect(v2.json().ownerUnit.code).toBe('D1');
    expect((await d1.post('/api/v1/frameworks', { definition: sampleDefinition(d.code) })).json()).toMatchObject({
      version: 3,
      ownerUnit: { code: 'D1' },
    });
    expect((await d1.post(`/api/v1/frameworks/${d.id}/archive`)).statusCode).toBe(200);
  });

  it('the province office above the district writes the district’s sets; another district’s office does not', async () => {
    const d = await draftBy(d1, 'huyen');
    const d2 = await t.as('d2office');
    const refused = await d2.delete(`/api/v1/frameworks/${d.id}`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toContain('Huyện Đức Thọ');
    expect(
      (await office.put(`/api/v1/frameworks/${d.id}`, { definition: sampleDefinition(d.code), version: 1 })).statusCode,
    ).toBe(200);
    expect((await office.delete(`/api/v1/frameworks/${d.id}`)).statusCode).toBe(204);
  });

  it('the issuing unit may be chosen within the office’s reach, never above it', async () => {
    const forCommune = await d1.post('/api/v1/frameworks', {
      definition: sampleDefinition(code('xa')),
      ownerUnitId: t.unit('C1'),
    });
    expect(forCommune.statusCode).toBe(201);
    expect(forCommune.json().ownerUnit.code).toBe('C1');
    const forProvince = await d1.post('/api/v1/frameworks', {
      definition: sampleDefinition(code('tinh')),
      ownerUnitId: t.unit('P'),
    });
    expect(forProvince.statusCode).toBe(403);
    const forOtherDistrict = await d1.post('/api/v1/frameworks', {
      definition: sampleDefinition(code('khac')),
      ownerUnitId: t.unit('C3'),
    });
    expect(forOtherDistrict.statusCode).toBe(404);
    // A new version keeps the set's owner: asking for another one is refused, not ignored.
    const own = await draftBy(office, 'giu-chu');
    const moved = await office.post('/api/v1/frameworks', {
      definition: sampleDefinition(own.code),
      ownerUnitId: t.unit('D1'),
    });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().error.message).toContain('Tỉnh Thử Nghiệm');
  });

  it('administrators and presets issue for the province (the root)', async () => {
    expect((await draftBy(admin)).ownerUnit.code).toBe('P');
    const preset = await publishFramework(t, sampleDefinition(code('co-san')));
    expect((await office.get(`/api/v1/frameworks/${preset}`)).json().ownerUnit.code).toBe('P');
  });
});

describe('a version a running campaign uses cannot be archived', () => {
  it('409 FRAMEWORK_IN_USE naming the campaign, for its owner and the administrator alike; archive is not offered', async () => {
    const set = await publishedBy(office, 'dang-dung');
    await createOpenCampaign(t, { frameworkId: set.id, name: 'Đánh giá DTI cấp xã năm 2026 (đang chạy)' });
    for (const c of [office, admin]) {
      const res = await c.post(`/api/v1/frameworks/${set.id}/archive`);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('FRAMEWORK_IN_USE');
      expect(res.json().error.message).toContain('"Đánh giá DTI cấp xã năm 2026 (đang chạy)"');
    }
    const seen = (await office.get(`/api/v1/frameworks/${set.id}`)).json();
    expect(seen.abilities.archive).toBe(false);
    expect(seen.inUseBy.map((c: { name: string }) => c.name)).toEqual(['Đánh giá DTI cấp xã năm 2026 (đang chạy)']);
    expect(await statusOf(set.id)).toBe('published');
  });

  it('a draft campaign keeps its version too; once it is deleted the version is archived', async () => {
    const set = await publishedBy(office, 'ke-hoach');
    const draft = await createCampaign(t, { frameworkId: set.id, name: 'Kỳ đánh giá đang soạn', draft: true });
    expect((await office.post(`/api/v1/frameworks/${set.id}/archive`)).statusCode).toBe(409);
    expect((await office.delete(`/api/v1/campaigns/${draft.campaignId}`)).statusCode).toBe(204);
    const res = await office.post(`/api/v1/frameworks/${set.id}/archive`);
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('archived');
  });
});

describe('migration 0008 gives existing sets their owner', () => {
  it('a set first created by a district office belongs to that district; presets and the administrator’s and province’s sets to the root', async () => {
    const district = await draftBy(d1, 'cu-huyen');
    await office.post('/api/v1/frameworks', { definition: sampleDefinition(district.code) }); // v2 by the province: the set stays the district's
    const byAdmin = await draftBy(admin, 'cu-admin');
    const byOffice = await draftBy(office, 'cu-tinh');
    const preset = await publishFramework(t, sampleDefinition(code('cu-co-san')));
    const db = t.database.db;
    // An install upgraded to 0008 has sets without owners: replay the migration's backfill on them.
    const statements = fs
      .readFileSync(path.join(MIGRATIONS_DIR, '0008_framework_owner.sql'), 'utf8')
      .split('--> statement-breakpoint')
      .map((s) => s.trim());
    expect(statements[1]).toMatch(/^WITH first_version AS[\s\S]*UPDATE frameworks/);
    await db.execute(sql`alter table frameworks alter column owner_unit_id drop not null`);
    await db.execute(sql`update frameworks set owner_unit_id = null`);
    await db.execute(sql.raw(statements[1]!));
    await db.execute(sql`alter table frameworks alter column owner_unit_id set not null`);
    const owners = new Map(
      rowsOf<{ code: string; version: number; owner: string }>(
        await db.execute(
          sql`select f.code, f.version, u.code as owner from frameworks f join org_units u on u.id = f.owner_unit_id`,
        ),
      ).map((r) => [`${r.code}@${r.version}`, r.owner]),
    );
    expect(owners.get(`${district.code}@1`)).toBe('D1');
    expect(owners.get(`${district.code}@2`)).toBe('D1');
    expect(owners.get(`${byAdmin.code}@1`)).toBe('P');
    expect(owners.get(`${byOffice.code}@1`)).toBe('P');
    const presetCode = (await office.get(`/api/v1/frameworks/${preset}`)).json().code;
    expect(owners.get(`${presetCode}@1`)).toBe('P');
  });
});
