import { currentAccessToken, refreshSession } from '../../auth/session';
import { reportBusy } from './busy';
import { ApiProblem, parseRetryAfter, type ProblemBody } from './problem';

/** Every call goes to the relative /api of the origin that served the app (the gateway): no host is configured. */
const API_BASE = '/api';
const OVERLOAD_RETRIES = 4;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined | null | string[]>;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Send the access token (default true when signed in). */
  auth?: boolean;
  /** Called while a 503 overloaded answer is being retried, with the wait in seconds (default: the layout's busy banner). */
  onBusy?: (waitSeconds: number) => void;
}

export function apiUrl(path: string, query?: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) value.forEach((item) => params.append(key, item));
    else params.append(key, String(value));
  }
  const search = params.toString();
  return `${API_BASE}${path}${search ? `?${search}` : ''}`;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });

/** Back-off for a busy platform: the server's Retry-After when given, else 1, 2, 4, 8 s, with jitter. */
export function overloadDelayMs(attempt: number, retryAfterSeconds: number | undefined): number {
  const base = retryAfterSeconds !== undefined ? retryAfterSeconds * 1000 : 1000 * 2 ** attempt;
  return base + Math.floor(Math.random() * 300);
}

/**
 * Calls the API and answers the parsed JSON body (undefined for 204). A failure is thrown as an ApiProblem.
 * 401 triggers one silent refresh and a retry; 503 `overloaded` is retried with back-off, which is safe
 * because the gateway refused it before any service saw it.
 */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, query, signal, auth = true, onBusy = reportBusy } = options;
  for (let attempt = 0; ; attempt++) {
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', ...options.headers };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const token = auth ? await currentAccessToken() : null;
    if (token) headers.Authorization = `Bearer ${token}`;

    let response: Response;
    try {
      response = await fetch(apiUrl(path, query), {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
        signal,
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new ApiProblem(0, { title: 'network error', code: 'network-error' });
    }

    if (response.ok) {
      if (response.status === 204) return undefined as T;
      const text = await response.text();
      return (text ? JSON.parse(text) : undefined) as T;
    }

    const problem = (await response.json().catch(() => ({}))) as ProblemBody;
    const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
    if (response.status === 401 && token && attempt === 0 && (await refreshSession().catch(() => false))) {
      continue;
    }
    if (response.status === 503 && problem.code === 'overloaded' && attempt < OVERLOAD_RETRIES) {
      const wait = overloadDelayMs(attempt, retryAfter);
      onBusy(Math.ceil(wait / 1000));
      await sleep(wait, signal);
      continue;
    }
    throw new ApiProblem(response.status, problem, retryAfter);
  }
}
