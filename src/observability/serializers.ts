import { scrubText, scrubUrl } from './redaction.js';

type HeaderBag = Record<string, string | string[] | number | undefined>;

interface RequestLike {
  id?: unknown;
  method?: string;
  url?: string;
  originalUrl?: string;
  headers?: HeaderBag;
  remoteAddress?: string;
  socket?: { remoteAddress?: string };
  raw?: { originalUrl?: string };
}

// Headers worth reading in a request log; anything else (including credentials) is not logged at all.
const LOGGED_HEADERS = ['user-agent', 'content-type', 'content-length', 'origin', 'x-forwarded-for'];

/** A request as logged: id, method, path (sensitive query values masked), a few harmless headers. */
export function serializeRequest(req: RequestLike) {
  const headers: Record<string, unknown> = {};
  for (const name of LOGGED_HEADERS) {
    const value = req.headers?.[name];
    if (value !== undefined) headers[name] = value;
  }
  return {
    id: req.id,
    method: req.method,
    url: scrubUrl(req.raw?.originalUrl ?? req.originalUrl ?? req.url ?? ''),
    remoteAddress: req.remoteAddress ?? req.socket?.remoteAddress,
    headers,
  };
}

/** A response as logged: the status only (no headers: they may carry cookies). */
export function serializeResponse(res: { statusCode?: number }) {
  return { statusCode: res.statusCode };
}

interface ErrorLike {
  name?: string;
  type?: unknown;
  message?: string;
  stack?: string;
  code?: unknown;
  status?: unknown;
  kind?: unknown;
  cause?: unknown;
  raw?: unknown;
  constructor?: { name?: string };
}

function errorType(e: ErrorLike): string {
  const ctor = e.constructor?.name;
  if (ctor && ctor !== 'Object') return ctor;
  return typeof e.type === 'string' ? e.type : (e.name ?? 'Error');
}

/**
 * An error as logged: type, message, stack, code and cause chain, with emails and SQL values masked.
 * Other own properties are dropped on purpose: drivers attach the failing query's parameters to errors.
 */
export function serializeError(err: unknown, depth = 0): unknown {
  if (!err || typeof err !== 'object') return typeof err === 'string' ? scrubText(err) : err;
  // An error pino already serialized keeps the original as `raw`.
  const e = ((err as ErrorLike).raw && typeof (err as ErrorLike).raw === 'object' ? (err as ErrorLike).raw : err) as ErrorLike;
  return {
    type: errorType(e),
    message: scrubText(String(e.message ?? '')),
    stack: e.stack ? scrubText(e.stack) : undefined,
    code: typeof e.code === 'string' || typeof e.code === 'number' ? e.code : undefined,
    kind: typeof e.kind === 'string' ? e.kind : undefined,
    status: typeof e.status === 'number' ? e.status : undefined,
    cause: e.cause !== undefined && depth < 3 ? serializeError(e.cause, depth + 1) : undefined,
  };
}
