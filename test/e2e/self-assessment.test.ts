// Browser journey of a self-assessment on the demo campaign (illustrative commune set "minh-hoa-xa-1000"):
// the commune reporter (camb.nhaplieu) opens the form from the home page, fills items of every method kind,
// uploads a small PDF and attaches it from the library, sees the live score change, meets a version conflict
// and keeps their value, logs out; the form is also shown at a phone viewport (390×844); the leader
// (camb.lanhdao) submits (first refused with the problem list, then accepted once complete); the provincial
// DX office (sotttt) sees the unit as submitted on the progress page. Screenshots go to test/.tmp/screens/.
// Set E2E_BASE_URL to run against an already running server (it must hold a fresh demo seed).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openSession } from '../support/browser.ts';
import type { BrowserSession } from '../support/browser.ts';
import { serverForJourney } from '../support/e2e-server.ts';

let baseUrl = '';
let stopServer: (() => Promise<void> | void) | null = null;
let s: BrowserSession;
let assessmentUrl = '';

const UNIT_CODE = 'HT.X.CAMBINH';

/** A minimal valid one-page PDF with a correct cross-reference table. */
function minimalPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    null,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const stream = 'BT /F1 18 Tf 72 770 Td (Bien ban hop Ban chi dao CDS - e2e) Tj ET';
  objects[3] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

async function login(page: Page, username: string, password: string) {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('home-welcome').waitFor();
}

async function logout(page: Page) {
  await page.getByTestId('logout-button').click();
  await page.waitForURL(/\/login/);
}

/** Shows one item through the search box (accent-insensitive over code and title). */
async function findItem(page: Page, code: string) {
  await page.getByTestId('as-search').fill(code);
  await page.getByTestId(`item-${code}`).waitFor();
}

const points = (page: Page, code: string) => page.getByTestId(`item-${code}-points`).textContent();
const total = (page: Page) => page.getByTestId('as-total').textContent();

async function waitSaved(page: Page) {
  await expect
    .poll(() => page.getByTestId('save-indicator').getAttribute('data-state'), { timeout: 15_000 })
    .toBe('saved');
}

async function csrfOf(s: BrowserSession): Promise<string> {
  return (await s.context.cookies()).find((c) => c.name === 'thuocdo_csrf')?.value ?? '';
}

beforeAll(async () => {
  const server = await serverForJourney();
  baseUrl = server.baseUrl;
  stopServer = server.stop;
  s = await openSession(baseUrl, 'self-assessment');
}, 180_000);

afterAll(async () => {
  await s?.close();
  await stopServer?.();
});

describe('self-assessment', () => {
  it('the reporter opens the demo campaign from the home page', async () => {
    const { page } = s;
    await login(page, 'camb.nhaplieu', 'demo1234');
    await page.getByTestId('mine-list').waitFor();
    await expect(page.getByTestId('mine-deadline').first().textContent()).resolves.toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    await expect(page.getByTestId('mine-missing').first().textContent()).resolves.toMatch(/Còn thiếu \d+ chỉ số/);
    await s.screenshot('home');
    // Opening the form fetches nothing of its Excel export (issue 16): the file is made on the user's click.
    const exports: string[] = [];
    const onRequest = (r: { url(): string }) => {
      if (r.url().includes('/export.xlsx')) exports.push(r.url());
    };
    page.on('request', onRequest);
    await page.getByTestId('mine-open').first().click();
    await page.waitForURL(/\/assessments\/[0-9a-f-]+$/);
    assessmentUrl = new URL(page.url()).pathname;
    await page.getByTestId('as-header').waitFor();
    await page.getByTestId('as-export').waitFor();
    await page.waitForLoadState('networkidle');
    page.off('request', onRequest);
    expect(exports).toEqual([]);
    await expect(page.getByTestId('as-unit').textContent()).resolves.toContain('Cẩm Bình');
    await expect(page.getByTestId('nav-my-assessments').count()).resolves.toBe(1);
    await expect(page.getByTestId('nav-campaigns').count()).resolves.toBe(0);
    await s.screenshot('form');
  });

  it('fills items of every method kind and sees the live score', async () => {
    const { page } = s;
    const before = await total(page);

    // formula (uses the informational field "Dân số" = 6 930): 4 158 / 6 930 / 0,6 ≥ 1 → 25
    await findItem(page, '8.1');
    await page.getByTestId('item-8.1-a').fill('2079');
    await expect.poll(() => points(page, '8.1')).toBe('12,5');
    await page.getByTestId('item-8.1-a').fill('4158');
    await expect.poll(() => points(page, '8.1')).toBe('25');
    expect(await page.getByTestId('item-8.1-explain').textContent()).toContain('4.158');

    // ratio: 9 / 12 × 15 = 11,25
    await findItem(page, '6.3');
    await page.getByTestId('item-6.3-a').fill('9');
    await page.getByTestId('item-6.3-b').fill('12');
    await expect.poll(() => points(page, '6.3')).not.toBe('—');

    // manual on the 0,25 grid
    await findItem(page, '6.6');
    await page.getByTestId('item-6.6-score').fill('7,5');
    await expect.poll(() => points(page, '6.6')).toBe('7,5');

    // yes/no
    await findItem(page, '6.7');
    await page.getByTestId('item-6.7-yes').getByText('Có').click();
    await expect.poll(() => points(page, '6.7')).not.toBe('0');

    // choice: the first option
    await findItem(page, '6.8');
    await page.getByTestId('item-6.8-choice').locator('.ant-radio-wrapper').first().click();
    await expect.poll(() => points(page, '6.8')).not.toBe('—');

    // steps on a count
    await findItem(page, '6.9');
    await page.getByTestId('item-6.9-value').fill('100');
    await expect.poll(() => points(page, '6.9')).not.toBe('—');

    // steps on a percent a / b: 850 / 1 000 = 85 % → 20 points
    await findItem(page, '8.2');
    await page.getByTestId('item-8.2-a').fill('850');
    await page.getByTestId('item-8.2-b').fill('1000');
    await expect.poll(() => points(page, '8.2')).toBe('20');
    await page.getByTestId('item-8.2-explanation').fill('Số liệu của ngân hàng và Tổ công nghệ số cộng đồng.');

    await waitSaved(page);
    expect(await total(page)).not.toBe(before);
    await page.getByTestId('as-search').fill('');
    await s.screenshot('filled');
  });

  it('uploads a PDF and attaches documents from the library', async () => {
    const { page } = s;
    await findItem(page, '8.1');
    await page
      .getByTestId('item-8.1-upload')
      .locator('input[type=file]')
      .setInputFiles({ name: 'bien-ban-hop.pdf', mimeType: 'application/pdf', buffer: minimalPdf() });
    await expect
      .poll(() => page.getByTestId('item-8.1-evidence').getByTestId('evidence-row').count(), { timeout: 15_000 })
      .toBe(1);
    await expect.poll(() => page.getByTestId('item-8.1-evidence').textContent()).toContain('bien-ban-hop.pdf');

    for (const code of ['6.3', '6.6']) {
      await findItem(page, code);
      await page.getByTestId(`item-${code}-attach`).click();
      await page.getByTestId('library-search').fill('bien ban hop');
      // Under load the filtered list may still be loading: wait for it to settle, select the row, and
      // only then press "attach" once it is enabled (a click on a re-rendering row can be lost).
      const table = page.getByTestId('library-table');
      await expect.poll(() => table.locator('.ant-spin-spinning').count(), { timeout: 15_000 }).toBe(0);
      const row = table.locator('tr.ant-table-row', { hasText: 'bien-ban-hop.pdf' }).first();
      await row.waitFor();
      await expect
        .poll(
          async () => {
            if (await page.getByTestId('library-attach').isEnabled()) return true;
            await row.click();
            return page.getByTestId('library-attach').isEnabled();
          },
          { timeout: 15_000 },
        )
        .toBe(true);
      await page.getByTestId('library-attach').click();
      await expect.poll(() => page.getByTestId(`item-${code}-evidence`).getByTestId('evidence-row').count()).toBe(1);
    }
    await waitSaved(page);
    await findItem(page, '8.1');
    await s.screenshot('evidence');
  });

  it('on a version conflict shows the other value and keeps the reporter’s', async () => {
    const { page } = s;
    const id = assessmentUrl.split('/').pop()!;
    const current = (await (await page.request.get(`/api/v1/assessments/${id}`)).json()) as {
      items: { code: string; version: number; inputs: object; evidenceIds: string[] }[];
    };
    const item = current.items.find((i) => i.code === '6.9')!;
    // Someone else saves 6.9 in the meantime.
    const put = await page.request.put(`/api/v1/assessments/${id}/items/6.9`, {
      headers: { 'x-csrf-token': await csrfOf(s) },
      data: {
        inputs: { value: 1 },
        explanation: 'Sửa bởi người khác',
        evidenceIds: item.evidenceIds,
        version: item.version,
      },
    });
    expect(put.status()).toBe(200);
    await findItem(page, '6.9');
    await page.getByTestId('item-6.9-value').fill('120');
    await page.getByTestId('conflict-mine').waitFor();
    await expect(page.getByTestId('conflict-theirs-value').textContent()).resolves.toContain('Sửa bởi người khác');
    await s.screenshot('conflict');
    await page.getByTestId('conflict-mine').click();
    await waitSaved(page);
    const after = (await (await page.request.get(`/api/v1/assessments/${id}`)).json()) as {
      items: { code: string; inputs: { value?: number } }[];
    };
    expect(after.items.find((i) => i.code === '6.9')?.inputs.value).toBe(120);
  });

  it('works at a phone viewport', async () => {
    const phone = await openSession(baseUrl, 'self-assessment-phone', { width: 390, height: 844 });
    try {
      await phone.context.addCookies(await s.context.cookies());
      await phone.page.goto(assessmentUrl);
      await phone.page.getByTestId('as-header').waitFor();
      await phone.page.getByTestId('as-search').fill('dinh danh');
      await phone.page.getByTestId('item-8.1').waitFor();
      const width = await phone.page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(400);
      await phone.screenshot('form');
    } finally {
      await phone.close();
    }
    await logout(s.page);
  });

  it('the leader submits: refused while incomplete, accepted once complete', async () => {
    const { page } = s;
    await login(page, 'camb.lanhdao', 'demo1234');
    await page.goto(assessmentUrl);
    await page.getByTestId('as-header').waitFor();
    await page.getByTestId('as-submit').click();
    await page.getByTestId('as-submit-confirm').click();
    await page.getByTestId('as-problems').waitFor();
    await s.screenshot('problems');
    const first = page.getByTestId('as-problems').locator('button').first();
    const code = ((await first.getAttribute('data-testid')) ?? '').replace('as-problem-', '');
    await first.click();
    await page.getByTestId(`item-${code}`).waitFor();

    // Complete the remaining items through the API (each with an explanation), then submit from the UI.
    const id = assessmentUrl.split('/').pop()!;
    const a = (await (await page.request.get(`/api/v1/assessments/${id}`)).json()) as {
      framework: { nodes: Node[] };
      items: {
        code: string;
        version: number;
        inputs: Record<string, unknown>;
        selfScore: number | null;
        evidenceIds: string[];
        explanation: string;
      }[];
    };
    interface Node {
      code: string;
      maxPoints: number;
      evidenceRequired?: boolean;
      method?: {
        kind: string;
        input?: string;
        options?: { value: string }[];
        inputs?: { name: string; type: string }[];
      };
      children?: Node[];
    }
    const leaves: Node[] = [];
    const walk = (ns: Node[]) => ns.forEach((n) => (n.children?.length ? walk(n.children) : leaves.push(n)));
    walk(a.framework.nodes);
    const csrf = await csrfOf(s);
    const pdfId = a.items.find((i) => i.code === '8.1')!.evidenceIds[0]!;
    for (const item of a.items) {
      const node = leaves.find((n) => n.code === item.code)!;
      const filled = Object.keys(item.inputs).length > 0;
      const lacksEvidence = node.evidenceRequired && item.evidenceIds.length === 0;
      if (filled && (item.explanation || item.evidenceIds.length > 0) && !lacksEvidence) continue;
      const m = node.method ?? { kind: 'manual' };
      const inputs: Record<string, unknown> = filled
        ? item.inputs
        : m.kind === 'manual'
          ? { score: 0 }
          : m.kind === 'yesno'
            ? { yes: true }
            : m.kind === 'choice'
              ? { choice: m.options![0]!.value }
              : m.kind === 'ratio' || (m.kind === 'steps' && m.input === 'percent')
                ? { a: 1, b: 2 }
                : m.kind === 'steps'
                  ? { value: 1 }
                  : Object.fromEntries((m.inputs ?? []).map((i) => [i.name, i.type === 'boolean' ? true : 1]));
      const res = await page.request.put(`/api/v1/assessments/${id}/items/${encodeURIComponent(item.code)}`, {
        headers: { 'x-csrf-token': csrf },
        data: {
          inputs,
          explanation: item.explanation || 'Giải trình kiểm thử tự động.',
          evidenceIds: lacksEvidence ? [pdfId] : item.evidenceIds,
          version: item.version,
        },
      });
      expect(res.status(), `${item.code}: ${await res.text()}`).toBe(200);
    }
    await page.reload();
    await page.getByTestId('as-header').waitFor();
    await page.getByTestId('as-submit').click();
    await page.getByTestId('as-submit-confirm').click();
    await page
      .getByTestId('as-readonly')
      .or(page.getByTestId('as-problems'))
      .or(page.getByTestId('as-submit-error'))
      .first()
      .waitFor();
    if (await page.getByTestId('as-problems').isVisible())
      expect.fail(`still refused: ${await page.getByTestId('as-problems').textContent()}`);
    if (await page.getByTestId('as-submit-error').isVisible())
      expect.fail(`${await page.getByTestId('as-submit-error').textContent()}`);
    await expect.poll(() => page.getByTestId('as-status').textContent(), { timeout: 15_000 }).toBe('Đã nộp');
    await page.getByTestId('as-readonly').waitFor();
    await expect(page.getByTestId('as-timing').textContent()).resolves.toContain('đúng hạn');
    // The submit answer carries the new state only; the form locks its items from it, without a reload.
    await findItem(page, '8.1');
    await expect(page.getByTestId('item-8.1-a').isDisabled()).resolves.toBe(true);
    await s.screenshot('submitted');

    await page.goto(`${assessmentUrl}/print`);
    await page.getByTestId('print-table').waitFor();
    await expect(page.getByTestId('print-unit').textContent()).resolves.toContain('Cẩm Bình');
    // The evidence column names the uploaded file with the start of its SHA-256 (issue 14 §5).
    await expect(page.getByTestId('print-evidence-8.1').textContent()).resolves.toMatch(
      /bien-ban-hop\.pdf.*SHA-256 [0-9a-f]{12}/,
    );
    await s.screenshot('print');
    await page.goto('/');
    await logout(page);
  });

  it('the DX office sees the unit as submitted on the progress page', async () => {
    const { page } = s;
    await login(page, 'sotttt', 'demo1234');
    await page.getByTestId('nav-campaigns').click();
    await page.waitForURL(/\/campaigns$/);
    await page.getByTestId('camp-table').locator('.ant-table-tbody a').first().click();
    await page.getByTestId('camp-detail').waitFor();
    await s.screenshot('campaign');
    await page.getByTestId('camp-view-progress').click();
    await page.getByTestId('prog-table').waitFor();
    await page.getByTestId('prog-search').fill('cam binh');
    const row = page.getByTestId(`prog-row-${UNIT_CODE}`);
    await row.waitFor();
    await expect(row.getByTestId('prog-status-tag').textContent()).resolves.toBe('Đã nộp');
    await expect(row.getByTestId('prog-timing').textContent()).resolves.toContain('đúng hạn');
    await s.screenshot('progress');
  });
});
