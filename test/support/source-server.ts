// A data source for tests: an HTTP server on 127.0.0.1 (never an outside address) that answers as the
// test says — realistic 766 responses (the shape of dichvucong.gov.vn's service-results API as documented
// by duynghiaqn/Crawler-766), CSV, HTTP errors, malformed bodies — and records every request it got.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export type Answer = { status?: number; body: string | Buffer; type?: string } | 'hang';
export type Handler = (req: SeenRequest) => Answer;

export interface SourceServer {
  url: (path?: string) => string;
  port: number;
  seen: SeenRequest[];
  answer(handler: Handler): void;
  close(): Promise<void>;
}

export async function startSourceServer(): Promise<SourceServer> {
  let handler: Handler = () => ({ status: 404, body: '' });
  const seen: SeenRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      };
      seen.push(r);
      const a = handler(r);
      if (a === 'hang') return; // never answers: the client's time limit ends it
      res.writeHead(a.status ?? 200, { 'content-type': a.type ?? 'application/json; charset=utf-8' });
      res.end(a.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: (path = '') => `http://127.0.0.1:${port}${path}`,
    seen,
    answer: (h) => (handler = h),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface Record766 {
  departmentCode: string;
  departmentName: string;
  groupScores: Record<'CKMB' | 'TDGQ' | 'CLGQ' | 'TTTT' | 'MDHL' | 'MDSH', number | string | null>;
}

/** A service-results answer: {code: "OK", data: {overview, evaluation: [...]}} with totals computed. */
export function response766(records: readonly Record766[]): string {
  return JSON.stringify({
    code: 'OK',
    data: {
      overview: { departmentName: 'UBND tỉnh Hà Tĩnh', departmentCode: 'H27', totalScore: 61.2, totalMaxScore: 100 },
      evaluation: records.map((r, i) => {
        const total = Object.values(r.groupScores).reduce<number>((a, v) => a + (typeof v === 'number' ? v : 0), 0);
        return {
          departmentId: `019d2be3-6a87-7317-8557-${String(i).padStart(12, '0')}`,
          departmentName: r.departmentName,
          departmentCode: r.departmentCode,
          totalScore: Math.round(total * 100) / 100,
          ratio: Math.round(total * 100) / 100,
          scoreDelta: 1.5,
          groupScores: r.groupScores,
        };
      }),
    },
  });
}

export const groups766 = (ckmb: number | string | null, rest = 10): Record766['groupScores'] => ({
  CKMB: ckmb,
  TDGQ: rest,
  CLGQ: Math.min(rest, 12),
  TTTT: Math.min(rest, 10),
  MDHL: rest,
  MDSH: rest,
});
