// Fetching one response of a data source: HTTPS only (plain HTTP to the loopback address only when the
// configuration allows it — tests and benchmarks), a time limit for the whole exchange, a size limit
// counted while reading (the body is never held beyond it), no redirects followed (a redirect could lead
// off HTTPS), and retries with backoff for what may pass next time (core/data-sources/retry.ts). Failures
// are reason codes with parameters, never exceptions: the run records them.
import { createHash } from 'node:crypto';
import { type RetryPolicy, checkUrlTemplate, isRetryable, retryDelays } from '../../core/data-sources/index.ts';

export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
  allowLoopbackHttp: boolean;
  retry: RetryPolicy;
}

export interface SourceRequest {
  url: string;
  method: 'GET' | 'POST';
  body?: string | null;
  headers?: Record<string, string>;
}

export type FetchReason = { code: string; params: Record<string, string | number> };
export type FetchOutcome =
  | { ok: true; text: string; sha256: string; bytes: number; attempts: number }
  | { ok: false; reason: FetchReason; attempts: number };

const sleepReal = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref?.());

async function fetchOnce(req: SourceRequest, limits: FetchLimits): Promise<FetchOutcome> {
  try {
    checkUrlTemplate(req.url, limits.allowLoopbackHttp);
  } catch {
    return { ok: false, reason: { code: 'URL_NOT_HTTPS', params: {} }, attempts: 1 };
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  try {
    const res = await fetch(req.url, {
      method: req.method,
      headers: {
        accept: 'application/json, text/csv;q=0.9, */*;q=0.5',
        ...(req.body ? { 'content-type': 'application/json' } : {}),
        ...req.headers,
      },
      ...(req.body ? { body: req.body } : {}),
      redirect: 'manual',
      signal: controller.signal,
    });
    if (res.status < 200 || res.status >= 300) {
      await res.body?.cancel().catch(() => {});
      return { ok: false, reason: { code: 'HTTP_ERROR', params: { status: res.status } }, attempts: 1 };
    }
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (declared > limits.maxBytes) {
      await res.body?.cancel().catch(() => {});
      return { ok: false, reason: { code: 'TOO_LARGE', params: { limit: limits.maxBytes } }, attempts: 1 };
    }
    const hash = createHash('sha256');
    const chunks: Buffer[] = [];
    let bytes = 0;
    if (res.body) {
      const reader = res.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        bytes += value.byteLength;
        if (bytes > limits.maxBytes) {
          await reader.cancel().catch(() => {});
          return { ok: false, reason: { code: 'TOO_LARGE', params: { limit: limits.maxBytes } }, attempts: 1 };
        }
        hash.update(value);
        chunks.push(Buffer.from(value.buffer, value.byteOffset, value.byteLength));
      }
    }
    const text = new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks, bytes));
    return { ok: true, text, sha256: hash.digest('hex'), bytes, attempts: 1 };
  } catch (err) {
    if (controller.signal.aborted)
      return { ok: false, reason: { code: 'TIMEOUT', params: { ms: limits.timeoutMs } }, attempts: 1 };
    const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).name;
    return { ok: false, reason: { code: 'UNREACHABLE', params: { cause: String(cause).slice(0, 60) } }, attempts: 1 };
  } finally {
    clearTimeout(timer);
  }
}

/** One response, retried with backoff while the failure may pass. */
export async function fetchSource(
  req: SourceRequest,
  limits: FetchLimits,
  sleep: (ms: number) => Promise<void> = sleepReal,
): Promise<FetchOutcome> {
  const delays = retryDelays(limits.retry);
  let attempts = 0;
  for (;;) {
    const out = await fetchOnce(req, limits);
    attempts++;
    if (out.ok || !isRetryable(out.reason) || attempts > delays.length) return { ...out, attempts };
    await sleep(delays[attempts - 1]!);
  }
}
