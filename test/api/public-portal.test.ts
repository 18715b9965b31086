// The public portal API: nothing of an unpublished campaign (404 on every route), strong ETags and 304,
// compression once per snapshot, open-data files built once per digest and served from the data directory,
// group ranking in order with bands, unit page, methodology, open data (JSON = the signed payload, CSV
// with BOM, xlsx sheet per group), snapshot.json that verifies offline and fails once altered, and no
// evidence or internal comment anywhere.
import { spawnSync } from 'node:child_process';
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotDigest } from '../../src/app/publication/verify-snapshot.ts';
import { checkSnapshotFile } from '../../src/app/publication/snapshot-file.ts';
import { frameworkMappings } from '../../src/db/schema/frameworks.ts';
import { COMPACT_FRAMEWORK, publishFramework } from '../support/campaign-fixture.ts';
import { type PublishedIds, publishedCampaign } from '../support/published-fixture.ts';
import { type TestApp, createTestApp } from '../support/test-app.ts';

let now = new Date('2026-11-10T03:00:00Z');
const clock = { set: (d: Date) => (now = d) };
let t: TestApp;
let ids: PublishedIds;
const beforePublication = new Map<string, number>();
const P = '/api/public/v1';

const routes = (campaignId: string, groupId: string) => [
  `${P}/campaigns/${campaignId}`,
  `${P}/campaigns/${campaignId}/groups/${groupId}/results`,
  `${P}/campaigns/${campaignId}/methodology`,
  `${P}/campaigns/${campaignId}/open-data.json`,
  `${P}/campaigns/${campaignId}/open-data.csv`,
  `${P}/campaigns/${campaignId}/open-data.xlsx`,
  `${P}/campaigns/${campaignId}/snapshot.json`,
];

beforeAll(async () => {
  t = await createTestApp({ clock: () => now });
  ids = await publishedCampaign(t, clock, {
    beforePublish: async (approved) => {
      for (const url of [...routes(approved.campaignId, approved.groupId), `${P}/units/${t.unit('C1')}`])
        beforePublication.set(url, (await t.anonymous.get(url)).statusCode);
      beforePublication.set('list', (await t.anonymous.get(`${P}/campaigns`)).json().items.length);
    },
  });
});
afterAll(() => t.close());

const FORBIDDEN = new Set([
  'comment',
  'finalComment',
  'proposedComment',
  'finalReason',
  'proposedReason',
  'proposedScore',
  'evidence',
  'evidenceIds',
  'sha256',
  'explanation',
  'history',
  'requests',
  'replies',
]);
function keysOf(v: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(v)) v.forEach((x) => keysOf(x, into));
  else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      into.add(k);
      keysOf(x, into);
    }
  }
  return into;
}

describe('public portal', () => {
  it('an approved but unpublished campaign, and an unknown one, answer 404 on every public route', async () => {
    expect(beforePublication.size).toBeGreaterThan(7);
    for (const [url, status] of beforePublication) expect([url, status]).toEqual([url, url === 'list' ? 0 : 404]);
    for (const url of routes('00000000-0000-4000-8000-000000000000', ids.groupId))
      expect((await t.anonymous.get(url)).statusCode).toBe(404);
    expect((await t.anonymous.get(`${P}/campaigns/not-a-uuid`)).statusCode).toBe(404);
    expect(
      (await t.anonymous.get(`${P}/campaigns/${ids.campaignId}/groups/00000000-0000-4000-8000-000000000000/results`))
        .statusCode,
    ).toBe(404);
  });

  it('lists the published campaign with its snapshot digest and groups', async () => {
    const res = await t.anonymous.get(`${P}/campaigns`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      expect.objectContaining({
        id: ids.campaignId,
        year: 2026,
        snapshotVersion: 1,
        digest: ids.snapshot.digest,
        groups: [expect.objectContaining({ id: ids.groupId, unitCount: 3 })],
      }),
    ]);
    const one = (await t.anonymous.get(`${P}/campaigns/${ids.campaignId}`)).json();
    expect(one.snapshot).toMatchObject({
      version: 1,
      digest: ids.snapshot.digest,
      signature: ids.snapshot.signature,
      corrections: [],
    });
    expect(one.rules.bands.map((b: { code: string }) => b.code)).toEqual(['tot', 'kha', 'tb', 'yeu']);
  });

  it('strong ETag = digest + variant, Cache-Control public max-age=60 stale-while-revalidate, 304 on If-None-Match', async () => {
    const url = `${P}/campaigns/${ids.campaignId}/groups/${ids.groupId}/results`;
    const first = await t.anonymous.get(url);
    expect(first.headers.etag).toBe(`"${ids.snapshot.digest}.results.${ids.groupId}"`);
    expect(first.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=60');
    expect(first.headers.vary).toMatch(/accept-encoding/i);
    expect(first.headers['content-encoding']).toBeUndefined();
    const again = await t.anonymous.get(url, { 'if-none-match': first.headers.etag as string });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect((await t.anonymous.get(url, { 'if-none-match': '"other"' })).statusCode).toBe(200);
    const csv = await t.anonymous.get(`${P}/campaigns/${ids.campaignId}/open-data.csv`);
    expect(
      (
        await t.anonymous.get(`${P}/campaigns/${ids.campaignId}/open-data.csv`, {
          'if-none-match': csv.headers.etag as string,
        })
      ).statusCode,
    ).toBe(304);
  });

  it('large answers are compressed once per snapshot (br before gzip, identity when refused), the ETag naming the encoding; 304 per encoding', async () => {
    const url = `${P}/campaigns/${ids.campaignId}/groups/${ids.groupId}/results`;
    const plain = await t.anonymous.get(url);
    const br = await t.anonymous.get(url, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.etag).toBe(`"${ids.snapshot.digest}.results.${ids.groupId}.br"`);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=60');
    expect(brotliDecompressSync(br.rawPayload).equals(plain.rawPayload)).toBe(true);
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length);
    const gz = await t.anonymous.get(url, { 'accept-encoding': 'gzip' });
    expect([gz.headers['content-encoding'], gz.headers.etag]).toEqual([
      'gzip',
      `"${ids.snapshot.digest}.results.${ids.groupId}.gz"`,
    ]);
    expect(gunzipSync(gz.rawPayload).equals(plain.rawPayload)).toBe(true);
    const refused = await t.anonymous.get(url, { 'accept-encoding': 'br;q=0, gzip;q=0' });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.rawPayload.equals(plain.rawPayload)).toBe(true);
    // The same compressed bytes every time (memoised with the snapshot view), and a 304 for the br copy.
    const again = await t.anonymous.get(url, { 'accept-encoding': 'br' });
    expect(again.rawPayload.equals(br.rawPayload)).toBe(true);
    const revalidated = await t.anonymous.get(url, {
      'accept-encoding': 'br',
      'if-none-match': br.headers.etag as string,
    });
    expect(revalidated.statusCode).toBe(304);
    // A cache holding the plain copy revalidates against a compressed answer: a different representation → 200.
    expect(
      (await t.anonymous.get(url, { 'accept-encoding': 'br', 'if-none-match': plain.headers.etag as string }))
        .statusCode,
    ).toBe(200);
    for (const suffix of ['methodology', 'open-data.json']) {
      const u = `${P}/campaigns/${ids.campaignId}/${suffix}`;
      const p = await t.anonymous.get(u);
      const c = await t.anonymous.get(u, { 'accept-encoding': 'br' });
      expect([suffix, c.headers['content-encoding']]).toEqual([suffix, 'br']);
      expect(brotliDecompressSync(c.rawPayload).equals(p.rawPayload)).toBe(true);
    }
  });

  it('open-data .xlsx and .csv: built once per snapshot digest into the data directory, then served from that file', async () => {
    const dir = path.join('test/.tmp/data/cache/open-data', ids.campaignId);
    for (const [suffix, variant] of [
      ['open-data.xlsx', 'xlsx'],
      ['open-data.csv', 'csv'],
    ] as const) {
      const url = `${P}/campaigns/${ids.campaignId}/${suffix}`;
      const first = await t.anonymous.get(url);
      expect(first.statusCode).toBe(200);
      const file = path.join(dir, `${ids.snapshot.digest}.${variant}`);
      const onDisk = await readFile(file);
      expect(onDisk.equals(first.rawPayload)).toBe(true);
      expect(Number(first.headers['content-length'])).toBe(onDisk.length);
      const { mtimeMs } = await stat(file);
      const second = await t.anonymous.get(url);
      expect(second.rawPayload.equals(first.rawPayload)).toBe(true);
      expect((await stat(file)).mtimeMs).toBe(mtimeMs); // served, not rebuilt
      expect(second.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=60');
    }
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('group results in ranking order with bands, main indicators, distribution and averages', async () => {
    const body = (await t.anonymous.get(`${P}/campaigns/${ids.campaignId}/groups/${ids.groupId}/results`)).json();
    expect(body.items.map((i: { unit: { code: string }; rank: number }) => [i.unit.code, i.rank])).toEqual([
      ['C3', 1],
      ['C1', 2],
      ['C2', 3],
    ]);
    const [c3, c1, c2] = body.items;
    expect(c1.finalTotal).toBe(c3.finalTotal - 1.5);
    expect(c2).toMatchObject({
      band: { code: 'yeu' },
      rankable: false,
      lowestBandReason: 'not_submitted',
      finalTotal: 0,
    });
    expect(c1.mainIndicators.map((m: { code: string }) => m.code)).toEqual(['1', '2']);
    expect(c1.mainIndicators[0]).toMatchObject({
      title: 'Nhận thức số',
      max: 40,
      final: c3.mainIndicators[0].final - 1.5,
    });
    expect(body.distribution.reduce((s: number, d: { count: number }) => s + d.count, 0)).toBe(3);
    expect(body.averages[0].averagePercent).toBeCloseTo(
      (c1.mainIndicators[0].percent + c2.mainIndicators[0].percent + c3.mainIndicators[0].percent) / 3,
      1,
    );
  });

  it('the unit page: result, rank, radar vs group average, strengths/weaknesses, trend', async () => {
    const page = (await t.anonymous.get(`${P}/units/${t.unit('C1')}?campaignId=${ids.campaignId}`)).json();
    expect(page.result).toMatchObject({ rank: 2 });
    expect(page.radar).toHaveLength(2);
    expect(page.radar[0]).toHaveProperty('groupAverage');
    expect(page.trend).toEqual([expect.objectContaining({ campaignId: ids.campaignId, selected: true, rank: 2 })]);
    expect(page.trend[0].indicators[0]).toMatchObject({ code: '1', previousCode: '1', comparable: true });
    expect(
      (await t.anonymous.get(`${P}/units/${t.unit('C1')}?campaignId=00000000-0000-4000-8000-000000000000`)).statusCode,
    ).toBe(404);
  });

  it('methodology: the index-set tree with points and methods, and the rules', async () => {
    const m = (await t.anonymous.get(`${P}/campaigns/${ids.campaignId}/methodology`)).json();
    const fw = m.groups[0].framework;
    expect(fw).toMatchObject({ code: 'thu-nghiem-xa', maxPoints: 100 });
    expect(fw.nodes[0].children[0]).toMatchObject({
      code: '1.1',
      maxPoints: 10,
      method: { kind: 'manual' },
      notation: 'manual 0.25',
    });
    expect(m.rules.lateSubmission).toMatchObject({ toleranceDays: 5 });
  });

  it('open data: JSON is the signed payload; CSV with BOM and Vietnamese headers, one row per unit × item; xlsx one sheet per group', async () => {
    const json = await t.anonymous.get(`${P}/campaigns/${ids.campaignId}/open-data.json`);
    expect(snapshotDigest(JSON.parse(json.body)).digest).toBe(ids.snapshot.digest);
    expect(snapshotDigest(JSON.parse(json.body)).text).toBe(json.body);
    const csv = await t.anonymous.get(`${P}/campaigns/${ids.campaignId}/open-data.csv`);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Kỳ đánh giá,Năm,Nhóm,Mã đơn vị,Tên đơn vị,Mã chỉ số,Tên chỉ số,Điểm tối đa,Điểm tự chấm,Điểm thẩm định,Không áp dụng,Chỉ số thay thế,Tổng điểm thẩm định,Tỷ lệ %,Xếp loại,Xếp hạng,Tình trạng nộp báo cáo',
    );
    expect(lines).toHaveLength(1 + 3 * 7);
    // Each row says how the unit submitted, so a 0 reads "Không nộp", never just "0 … Yếu" (issue 14 §3).
    expect(lines.slice(1).every((l) => /,(Đúng hạn|Không nộp|Nộp muộn[^,]*)$/.test(l))).toBe(true);
    expect(lines[1]).toMatch(/^Thẩm định DTI cấp xã,2026,.*,C3,.*,1\.1,Đánh giá của lãnh đạo,10,7\.5,7\.5,Không,,/);
    const xlsx = await t.anonymous.get(`${P}/campaigns/${ids.campaignId}/open-data.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets).toHaveLength(1);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe('Mã đơn vị');
    expect(ws.getRow(2).getCell(3).value).toBe('1.1');
    expect(ws.rowCount).toBe(1 + 3 * 7);
  });

  it('snapshot.json verifies with the `thuocdo verify` logic and fails after one byte is changed', async () => {
    const res = await t.anonymous.get(`${P}/campaigns/${ids.campaignId}/snapshot.json`);
    const text = res.body;
    expect(checkSnapshotFile(text)).toMatchObject({ valid: true, problems: [], digest: ids.snapshot.digest });
    const key = JSON.parse(text).publicKeyPem as string;
    expect(checkSnapshotFile(text, key).valid).toBe(true);
    const i = text.indexOf('"finalTotal":') + '"finalTotal":'.length;
    const altered = text.slice(0, i) + (text[i] === '9' ? '8' : '9') + text.slice(i + 1);
    expect(altered.length).toBe(text.length);
    expect(checkSnapshotFile(altered)).toMatchObject({ valid: false, problems: ['DIGEST_MISMATCH'] }); // the signature covers the published digest, not the altered text
    const s = text.indexOf('"signature":"') + 14;
    const badSig = text.slice(0, s) + (text[s] === 'A' ? 'B' : 'A') + text.slice(s + 1);
    expect(checkSnapshotFile(badSig).problems).toContain('SIGNATURE_INVALID');

    // The command itself, offline: exit 0 and a Vietnamese + English verdict; exit 2 once altered or
    // when the pinned key (--key) is not the one that signed.
    await mkdir('test/.tmp/verify', { recursive: true });
    await writeFile('test/.tmp/verify/snapshot.json', text);
    await writeFile('test/.tmp/verify/altered.json', altered);
    await writeFile('test/.tmp/verify/key.pem', key);
    const { generateKeyPairSync } = await import('node:crypto');
    await writeFile(
      'test/.tmp/verify/other.pem',
      generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    );
    const verify = (...args: string[]) =>
      spawnSync(process.execPath, ['bin/thuocdo.mjs', 'verify', ...args], { encoding: 'utf8', timeout: 60_000 });
    const good = verify('test/.tmp/verify/snapshot.json', '--key', 'test/.tmp/verify/key.pem');
    expect([good.status, good.stdout]).toEqual([0, expect.stringContaining('HỢP LỆ')]);
    expect(good.stdout).toContain('VALID');
    const bad = verify('test/.tmp/verify/altered.json');
    expect([bad.status, bad.stderr]).toEqual([2, expect.stringContaining('KHÔNG khớp')]);
    expect(verify('test/.tmp/verify/snapshot.json', '--key', 'test/.tmp/verify/other.pem').status).toBe(2);
  }, 60_000);

  it('no evidence or internal comment field in any public response', async () => {
    const urls = [
      `${P}/campaigns`,
      ...routes(ids.campaignId, ids.groupId).filter((u) => !/\.(csv|xlsx)$/.test(u)),
      `${P}/units/${t.unit('C1')}`,
    ];
    for (const url of urls) {
      const res = await t.anonymous.get(url);
      expect(res.statusCode, url).toBe(200);
      const keys = keysOf(JSON.parse(res.body));
      expect(
        [...keys].filter((k) => FORBIDDEN.has(k)),
        url,
      ).toEqual([]);
      expect(res.body).not.toContain('BÌNH LUẬN NỘI BỘ');
    }
    expect((await t.anonymous.get(`${P}/campaigns/${ids.campaignId}/open-data.csv`)).body).not.toContain(
      'BÌNH LUẬN NỘI BỘ',
    );
  });

  it('trend across published campaigns: another index-set version is compared only through a confirmed mapping — else no line, the reason', async () => {
    const otherSet = await publishFramework(t, {
      ...COMPACT_FRAMEWORK,
      code: 'thu-nghiem-xa-v2',
      name: 'Bộ chỉ số thử nghiệm cấp xã (sửa đổi)',
    });
    const next = await publishedCampaign(t, clock, {
      name: 'Thẩm định DTI cấp xã (bộ sửa đổi)',
      frameworkId: otherSet,
      publishAt: new Date('2026-11-18T03:00:00Z'), // after the first publication: the trend's order
    });
    const url = `${P}/units/${t.unit('C1')}?campaignId=${next.campaignId}`;
    const unmapped = await t.anonymous.get(url);
    const earlier = unmapped.json().trend.find((e: { campaignId: string }) => e.campaignId === ids.campaignId);
    expect(earlier.comparison).toEqual({ comparable: false, reason: 'different_index_set' });
    expect(
      earlier.indicators.map((i: { comparable: boolean; reason?: string; percent: number | null }) => [
        i.comparable,
        i.reason,
        i.percent,
      ]),
    ).toEqual([
      [false, 'different_index_set', null],
      [false, 'different_index_set', null],
    ]);
    // The portal joins two points by a line only when they compare: here it does not.
    const later = unmapped.json().trend.find((e: { campaignId: string }) => e.campaignId === next.campaignId);
    expect(later).toMatchObject({ selected: true, comparison: { comparable: true } });
    expect(later.withPrevious).toEqual({ comparable: false, reason: 'different_index_set' });
    await t.database.db
      .insert(frameworkMappings)
      .values({ fromId: ids.frameworkId, toId: otherSet, pairs: [{ fromCode: '1', toCode: '1' }] });
    const mapped = await t.anonymous.get(url, { 'if-none-match': unmapped.headers.etag as string });
    expect(mapped.statusCode).toBe(200); // a confirmed mapping changes the page, so its ETag
    const now = mapped.json().trend.find((e: { campaignId: string }) => e.campaignId === ids.campaignId);
    expect(now.comparison).toEqual({ comparable: true });
    expect(
      mapped.json().trend.find((e: { campaignId: string }) => e.campaignId === next.campaignId).withPrevious,
    ).toEqual({ comparable: true });
    expect(
      now.indicators.map((i: { comparable: boolean; previousCode: string | null }) => [i.comparable, i.previousCode]),
    ).toEqual([
      [true, '1'],
      [false, null],
    ]);
    const first = (await t.anonymous.get(`${P}/campaigns/${ids.campaignId}/groups/${ids.groupId}/results`)).json();
    const c1 = first.items.find((i: { unit: { code: string } }) => i.unit.code === 'C1');
    expect(now.indicators[0].percent).toBe(c1.mainIndicators[0].percent);
    expect(now.percent).toBe(c1.percent);
  }, 60_000);
});
