// Retries of a pull: an unreachable source, a timeout or a 5xx / 429 answer is tried again after a
// growing wait (exponential, capped); a 4xx, a malformed body or wrong values are not — asking again
// would give the same answer.

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  baseMs: number;
  factor: number;
  maxMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseMs: 1000, factor: 3, maxMs: 60_000 };

/** The waits before attempts 2…n: base, base·factor, base·factor², … each capped at maxMs. */
export function retryDelays(p: RetryPolicy): number[] {
  return Array.from({ length: Math.max(0, p.attempts - 1) }, (_, i) => Math.min(p.maxMs, p.baseMs * p.factor ** i));
}

export function isRetryable(reason: { code: string; params?: Record<string, unknown> }): boolean {
  if (reason.code === 'UNREACHABLE' || reason.code === 'TIMEOUT') return true;
  if (reason.code === 'HTTP_ERROR') {
    const status = Number(reason.params?.status);
    return status >= 500 || status === 429 || status === 408;
  }
  return false;
}
