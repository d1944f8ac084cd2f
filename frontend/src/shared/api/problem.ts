/** An RFC 9457 problem as every TIKETI service answers it (see docs/architecture.md#errors). */
export interface FieldError {
  field: string;
  code: string;
  message: string;
}

export interface ProblemBody {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

/** A failed API call: the HTTP status, the problem's stable code and, for 503/429, how long to wait. */
export class ApiProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly body: ProblemBody;
  readonly retryAfterSeconds: number | undefined;

  constructor(status: number, body: ProblemBody, retryAfterSeconds?: number) {
    super(body.detail ?? body.title ?? `HTTP ${status}`);
    this.name = 'ApiProblem';
    this.status = status;
    this.code = body.code ?? (status === 0 ? 'network-error' : `http-${status}`);
    this.body = body;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  fieldErrors(): FieldError[] {
    return this.body.errors ?? [];
  }
}

export function isProblem(error: unknown, code?: string): error is ApiProblem {
  return error instanceof ApiProblem && (code === undefined || error.code === code);
}

/** Retry-After is either delta-seconds or an HTTP date. */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}
