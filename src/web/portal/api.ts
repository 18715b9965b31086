// Reads the public API (/api/public/v1): GET only, no cookies, answers cached in memory for the visit
// (the server already answers with strong ETags, so a reload costs a 304).
import { useEffect, useState } from 'react';

export const PUBLIC_API = '/api/public/v1';

const cache = new Map<string, Promise<unknown>>();

export class PortalError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

async function load(url: string, as: 'json' | 'text'): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, { headers: { accept: as === 'json' ? 'application/json' : 'text/markdown, text/plain' }, credentials: 'omit' });
  } catch {
    throw new PortalError(0, 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.');
  }
  if (!res.ok) {
    let message = res.status === 404 ? 'Không tìm thấy dữ liệu đã công bố.' : `Máy chủ trả lỗi (${res.status}).`;
    try {
      const body = (await res.json()) as { error?: { message?: string } };
      if (body.error?.message) message = body.error.message;
    } catch {
      // keep the generic message
    }
    throw new PortalError(res.status, message);
  }
  return as === 'json' ? res.json() : res.text();
}

export function fetchCached<T>(url: string, as: 'json' | 'text' = 'json'): Promise<T> {
  let p = cache.get(url);
  if (!p) {
    p = load(url, as);
    cache.set(url, p);
    p.catch(() => cache.delete(url));
  }
  return p as Promise<T>;
}

export interface Resource<T> {
  data: T | undefined;
  error: PortalError | undefined;
  loading: boolean;
}

/** Loads `path` of the public API (e.g. "/campaigns") unless it is null. */
export function useResource<T>(path: string | null): Resource<T> {
  return useFetched<T>(path === null ? null : PUBLIC_API + path, 'json');
}

/** Loads any same-site URL as JSON or text unless it is null. */
export function useFetched<T>(url: string | null, as: 'json' | 'text'): Resource<T> {
  const [state, setState] = useState<{ url: string | null; data?: T; error?: PortalError }>({ url: null });
  useEffect(() => {
    if (url === null) return;
    let live = true;
    fetchCached<T>(url, as).then(
      (data) => live && setState({ url, data }),
      (error: unknown) => live && setState({ url, error: error instanceof PortalError ? error : new PortalError(0, String(error)) }),
    );
    return () => {
      live = false;
    };
  }, [url, as]);
  const current = state.url === url;
  return { data: current ? state.data : undefined, error: current ? state.error : undefined, loading: url !== null && (!current || (state.data === undefined && state.error === undefined)) };
}
