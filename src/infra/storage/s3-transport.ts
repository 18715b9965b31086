// One signed S3 request with a stall timeout and retries. Every request the evidence store makes is
// idempotent (a PUT writes content under its own SHA-256, so repeating it writes the same object), which
// is why all of them may be retried: on a network error, a stall, HTTP 5xx or 429 (SlowDown), with
// exponential backoff and jitter. The timeout is on *progress*, not on the whole request: a 50 MB upload
// over a slow link may take minutes, but a server that accepts no bytes (or sends none while we wait) for
// `timeoutMs` is given up on. A download is retried only until its body starts; a stall mid-body fails the
// stream (the browser sees a cut download, never a wrong one).
import { Readable } from 'node:stream';
import { OperationError } from '../../app/errors.ts';
import { EMPTY_SHA256, type SigV4Credentials, signRequest, toAmzDate } from './sigv4.ts';

export interface S3RetryPolicy {
  /** Longest wait for the server to make progress (connect, take body bytes, answer, send the next chunk). */
  timeoutMs: number;
  /** Extra attempts after the first one. */
  retries: number;
  /** First backoff; doubles each attempt, ±50 % jitter. */
  backoffMs: number;
}

// 15 s without progress is far past any healthy bucket (first byte in ~0.1 s) yet short enough that a dead
// one is refused in under a minute (3 attempts), while the upload's transaction holds the file lock.
export const DEFAULT_S3_RETRY: S3RetryPolicy = { timeoutMs: 15_000, retries: 2, backoffMs: 250 };

export interface S3RequestInit {
  headers?: Record<string, string>;
  /** Opens the body afresh for each attempt (the upload is re-read from its spool file). */
  body?: () => Readable;
  payloadHash?: string;
}

export interface S3Endpoint {
  region: string;
  credentials: SigV4Credentials;
  retry: S3RetryPolicy;
}

/** The response of the last attempt; `body` is a Node stream with the stall timeout applied while it is read. */
export interface S3Response {
  status: number;
  ok: boolean;
  headers: Headers;
  body: Readable | null;
  text(): Promise<string>;
}

class S3Stalled extends Error {
  constructor(method: string, timeoutMs: number) {
    super(`S3 ${method}: no progress for ${timeoutMs} ms`);
  }
}

const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);

/** Reported to the user when the bucket does not answer after every retry: transient, try again later. */
export function storageUnavailable(cause: unknown): OperationError {
  const err = new OperationError(
    'SERVER_BUSY',
    'Kho lưu trữ tài liệu kiểm chứng tạm thời không phản hồi nên chưa lưu hoặc đọc được tệp. Vui lòng thử lại sau ít phút; nếu vẫn lỗi, hãy báo quản trị viên hệ thống.',
  );
  (err as { cause?: unknown }).cause = cause;
  return err;
}

export async function s3Request(
  endpoint: S3Endpoint,
  method: string,
  url: URL,
  init: S3RequestInit = {},
): Promise<S3Response> {
  const { retries, backoffMs } = endpoint.retry;
  let lastError: unknown;
  for (let attempt = 0; attempt <= retries; attempt++) {
    if (attempt > 0) await sleep(backoffMs * 2 ** (attempt - 1) * (0.5 + Math.random()));
    try {
      const res = await attemptOnce(endpoint, method, url, init);
      if (!RETRYABLE_STATUS.has(res.status)) return res;
      lastError = new Error(`S3 ${method}: HTTP ${res.status} ${(await res.text()).slice(0, 200)}`);
    } catch (err) {
      lastError = err;
    }
  }
  throw storageUnavailable(lastError);
}

async function attemptOnce(endpoint: S3Endpoint, method: string, url: URL, init: S3RequestInit): Promise<S3Response> {
  const { timeoutMs } = endpoint.retry;
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => controller.abort(new S3Stalled(method, timeoutMs)), timeoutMs);
  };
  const disarm = () => clearTimeout(timer);

  const payloadHash = init.payloadHash ?? EMPTY_SHA256;
  const signed: Record<string, string> = {
    host: url.host,
    'x-amz-date': toAmzDate(new Date()),
    'x-amz-content-sha256': payloadHash,
  };
  if (endpoint.credentials.sessionToken) signed['x-amz-security-token'] = endpoint.credentials.sessionToken;
  const { authorization } = signRequest({
    method,
    url,
    headers: signed,
    payloadHash,
    region: endpoint.region,
    service: 's3',
    amzDate: signed['x-amz-date']!,
    credentials: endpoint.credentials,
  });
  const { host: _host, ...sent } = signed; // fetch sets Host from the URL itself

  const source = init.body?.();
  // Each chunk the server takes re-arms the timer: a server that stops reading the upload is a stall.
  async function* watched(src: Readable) {
    for await (const chunk of src) {
      arm();
      yield chunk as Buffer;
    }
  }
  arm();
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: { ...sent, ...init.headers, authorization },
      signal: controller.signal,
      ...(source ? { body: watched(source) as unknown as BodyInit, duplex: 'half' } : {}),
    } as RequestInit);
  } catch (err) {
    disarm();
    source?.destroy();
    throw controller.signal.aborted ? controller.signal.reason : err;
  }
  source?.destroy();
  disarm();
  const text = async () => {
    arm();
    try {
      return await res.text();
    } finally {
      disarm();
    }
  };
  const body =
    res.body && method === 'GET' && res.ok ? watchedBody(res.body, arm, disarm, () => controller.abort()) : null;
  // A success of HEAD/PUT/DELETE, or a 404, is answered by its status: release the connection. Other
  // errors keep their body for text() (the S3 error code tells "bucket full" from the rest).
  if ((res.ok && !body) || res.status === 404) await res.body?.cancel().catch(() => {});
  return { status: res.status, ok: res.ok, headers: res.headers, body, text };
}

/** The download as a Node stream; the stall timer runs only while we wait for the server, not while our reader is slow. */
function watchedBody(
  web: ReadableStream<Uint8Array>,
  arm: () => void,
  disarm: () => void,
  abort: () => void,
): Readable {
  const reader = web.getReader();
  return new Readable({
    async read() {
      arm();
      try {
        const { done, value } = await reader.read();
        disarm();
        this.push(done ? null : Buffer.from(value.buffer, value.byteOffset, value.byteLength));
      } catch (err) {
        disarm();
        this.destroy(err as Error);
      }
    },
    destroy(err, callback) {
      disarm();
      abort();
      reader.cancel().catch(() => {});
      callback(err);
    },
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
