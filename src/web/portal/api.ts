// Reads the public API (/api/public/v1): GET only, no cookies, answers cached in memory for the visit
// (the server already answers with strong ETags, so a reload costs a 304).
import { useEffect, useState } from 'react';

export const PUBLIC_API = '/api/public/v1';

const cache = new Map<string, Promise<unknown>>();

export class PortalError extends Error {
  readonly status: number;
  readonly code: string | undefined;
  constructor(status: number, message: string, code?: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** What the portal says for an error code of the public API (the API sends codes; the page words them). */
const CODE_MESSAGES: Record<string, string> = {
  PUBLICATION_UNVERIFIED:
    'Kết quả công bố của kỳ đánh giá này tạm thời không được hiển thị: dữ liệu lưu trên máy chủ không khớp mã băm hoặc chữ ký số của bản đã công bố (không vượt qua kiểm tra toàn vẹn). Sự việc đã được ghi nhận để cơ quan quản lý xử lý.',
  NOT_FOUND: 'Không tìm thấy dữ liệu đã công bố.',
};

export const UNVERIFIED_MESSAGE = CODE_MESSAGES.PUBLICATION_UNVERIFIED!;

async function load(url: string, as: 'json' | 'text'): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, {
      headers: { accept: as === 'json' ? 'application/json' : 'text/markdown, text/plain' },
      credentials: 'omit',
    });
  } catch {
    throw new PortalError(0, 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.');
  }
  if (!res.ok) {
    let message = res.status === 404 ? 'Không tìm thấy dữ liệu đã công bố.' : `Máy chủ trả lỗi (${res.status}).`;
    let code: string | undefined;
    try {
      const body = (await res.json()) as { error?: { code?: string; message?: string } };
      code = body.error?.code;
      message = (code && CODE_MESSAGES[code]) || body.error?.message || message;
    } catch {
      // keep the generic message
    }
    throw new PortalError(res.status, message, code);
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
      (error: unknown) =>
        live && setState({ url, error: error instanceof PortalError ? error : new PortalError(0, String(error)) }),
    );
    return () => {
      live = false;
    };
  }, [url, as]);
  const current = state.url === url;
  return {
    data: current ? state.data : undefined,
    error: current ? state.error : undefined,
    loading: url !== null && (!current || (state.data === undefined && state.error === undefined)),
  };
}
