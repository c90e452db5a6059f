export type ErrorKind = 'validation' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'unavailable';

/** The single place a kind of failure becomes an HTTP status. */
export const statusForKind: Record<ErrorKind, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unavailable: 503,
};

/** The one error type the API answers with; `code` (default: the kind) is what clients branch on. */
export class AppError extends Error {
  readonly code: string;
  /** Extra response headers (e.g. WWW-Authenticate on 401). */
  headers: Record<string, string> = {};

  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly details?: unknown,
    code?: string,
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code ?? kind;
  }

  get status(): number {
    return statusForKind[this.kind];
  }

  /** Keeps the underlying failure for the log (never for the response). */
  withCause(cause: unknown): this {
    (this as { cause?: unknown }).cause = cause;
    return this;
  }

  withHeaders(headers: Record<string, string>): this {
    Object.assign(this.headers, headers);
    return this;
  }
}
