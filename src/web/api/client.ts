// Thin fetch wrapper for /api/v1: JSON in and out, session cookie, CSRF header on state-changing requests,
// error bodies {error:{code,message,details}} turned into ApiError. The server's message is Vietnamese; when
// the reader chose another language the message is that language's words for the error code (setErrorWording,
// set by the I18nProvider), so no Vietnamese sentence reaches an English page (issue 14 §6).

export const API_BASE = '/api/v1';

export interface ImportProblem {
  row: number;
  column: string;
  /** Stable code and its parameters (core/imports/problem-codes.ts), worded by the app; `message` is Vietnamese. */
  code?: string;
  params?: Record<string, string | number>;
  message: string;
}

/** How errors are worded in a language other than the server's Vietnamese: by code, and for a field issue. */
export interface ErrorWording {
  error(code: string, status: number): string;
  issue(): string;
}

let wording: ErrorWording | null = null;

/** null: the server's Vietnamese messages are shown as they are. */
export function setErrorWording(w: ErrorWording | null): void {
  wording = w;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, unknown> | undefined;
  /** The server's own (Vietnamese) message, whatever the reader's language. */
  readonly serverMessage: string;
  private readonly wording: ErrorWording | null;

  constructor(status: number, code: string, message: string, details?: Record<string, unknown>) {
    super(wording ? wording.error(code, status) : message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.serverMessage = message;
    this.wording = wording;
  }

  /** Row-by-row problems of a rejected import (422 IMPORT_INVALID). */
  get problems(): ImportProblem[] {
    const p = this.details?.['problems'];
    return Array.isArray(p) ? (p as ImportProblem[]) : [];
  }

  /** Field issues of a 400 VALIDATION_FAILED. */
  get issues(): { path: string | (string | number)[]; message: string }[] {
    const i = this.details?.['issues'];
    const list = Array.isArray(i) ? (i as { path: string | (string | number)[]; message: string }[]) : [];
    const w = this.wording;
    return w ? list.map((x) => ({ ...x, message: w.issue() })) : list;
  }
}

let csrfFallback: string | null = null;
let unauthorizedHandler: (() => void) | null = null;

/** Remembers the csrfToken returned by login and /auth/me (used if the cookie cannot be read). */
export function setCsrfToken(token: string | null | undefined): void {
  csrfFallback = token ?? null;
}

/** Called on a 401 from any request other than /auth/me and /auth/login. */
export function onUnauthorized(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
}

export function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [k, ...rest] = part.trim().split('=');
    if (k === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

function csrfToken(): string | null {
  return readCookie('thuocdo_csrf') ?? csrfFallback;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | boolean | null | undefined>;
  signal?: AbortSignal;
}

export function buildUrl(path: string, query?: RequestOptions['query']): string {
  const url = new URL(API_BASE + path, window.location.origin);
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, String(v));
  }
  return url.pathname + url.search;
}

async function toApiError(res: Response): Promise<ApiError> {
  let code = `HTTP_${res.status}`;
  let message = `Lỗi máy chủ (${res.status})`;
  let details: Record<string, unknown> | undefined;
  try {
    const body = (await res.json()) as {
      error?: { code?: string; message?: string; details?: Record<string, unknown> };
    };
    if (body?.error) {
      code = body.error.code ?? code;
      message = body.error.message ?? message;
      details = body.error.details;
    }
  } catch {
    if (res.status === 413) message = 'Tệp quá lớn.';
    else if (res.status >= 500 || res.status === 0) message = 'Máy chủ đang gặp sự cố, vui lòng thử lại sau.';
  }
  return new ApiError(res.status, code, message, details);
}

async function send(path: string, init: RequestInit, method: string): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('accept', 'application/json');
  if (UNSAFE.has(method)) {
    const token = csrfToken();
    if (token) headers.set('x-csrf-token', token);
  }
  let res: Response;
  try {
    res = await fetch(path, { ...init, method, headers, credentials: 'include' });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.');
  }
  if (!res.ok) {
    const error = await toApiError(res);
    const isAuthProbe = path.startsWith(`${API_BASE}/auth/me`) || path.startsWith(`${API_BASE}/auth/login`);
    if (res.status === 401 && !isAuthProbe) unauthorizedHandler?.();
    throw error;
  }
  return res;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const init: RequestInit = { signal: options.signal };
  if (options.body !== undefined) {
    init.body = JSON.stringify(options.body);
    init.headers = { 'content-type': 'application/json' };
  }
  const res = await send(buildUrl(path, options.query), init, method);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Multipart upload of one file in field `file`. */
export async function uploadFile<T>(path: string, file: File): Promise<T> {
  const form = new FormData();
  form.append('file', file);
  const res = await send(buildUrl(path), { body: form }, 'POST');
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Downloads a file (e.g. an Excel export) through fetch so errors can be shown, then saves it. */
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  await saveResponse(await send(buildUrl(path), {}, 'GET'), fallbackName);
}

/** Posts a form (e.g. a file and its import problems) and saves the file the server answers with. */
export async function postForDownload(path: string, form: FormData, fallbackName: string): Promise<void> {
  await saveResponse(await send(buildUrl(path), { body: form }, 'POST'), fallbackName);
}

async function saveResponse(res: Response, fallbackName: string): Promise<void> {
  const disposition = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  const name = star?.[1] ? decodeURIComponent(star[1]) : (plain?.[1] ?? fallbackName);
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Multipart upload of one file in field `file` through XMLHttpRequest, reporting upload progress 0…100. */
export function uploadFileWithProgress<T>(path: string, file: File, onProgress: (percent: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', buildUrl(path));
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    const token = csrfToken();
    if (token) xhr.setRequestHeader('x-csrf-token', token);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onerror = () =>
      reject(new ApiError(0, 'NETWORK_ERROR', 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.'));
    xhr.onload = () => {
      const text = xhr.responseText;
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(100);
        resolve((text ? JSON.parse(text) : undefined) as T);
        return;
      }
      const res = new Response(text || null, { status: xhr.status, headers: { 'content-type': 'application/json' } });
      void toApiError(res).then((error) => {
        if (xhr.status === 401) unauthorizedHandler?.();
        reject(error);
      });
    };
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}
