import type { ErrorRequestHandler, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { logger as processLogger } from '../observability/logger.js';
import { AppError } from './app-error.js';
import { authErrorToAppError, isAuthLibraryError } from './auth-errors.js';
import './types.js';

export { AppError, statusForKind, type ErrorKind } from './app-error.js';

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

function send(res: Response, status: number, body: ErrorBody, headers: Record<string, string> = {}): void {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.status(status).json(body);
}

/** body-parser failures carry a `type`; each gets a stable code a client can act on. */
function bodyParserError(err: { type?: unknown; limit?: unknown }): { status: number; code: string; message: string } | undefined {
  switch (err.type) {
    case 'entity.parse.failed':
      return { status: 400, code: 'invalid_json', message: 'Request body is not valid JSON' };
    case 'entity.too.large':
      return { status: 413, code: 'payload_too_large', message: `Request body is larger than the limit of ${err.limit} bytes` };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return { status: 415, code: 'unsupported_media_type', message: 'Request body encoding or charset is not supported; send UTF-8 JSON' };
    case 'request.aborted':
    case 'request.size.invalid':
      return { status: 400, code: 'invalid_body', message: 'Request body was incomplete' };
    default:
      return undefined;
  }
}

/**
 * Turns anything thrown into `{ error: { code, message, details? } }`. Known failures keep their message;
 * anything else is a 500 whose cause goes to the log only, linked by an error id. Never a stack trace.
 */
export const errorHandler: ErrorRequestHandler = (err, req, res, next) => {
  const log = req.log ?? processLogger;
  if (res.headersSent) {
    log.error({ err }, 'error after the response started; closing the connection');
    next(err);
    return;
  }
  const appError = err instanceof AppError ? err : isAuthLibraryError(err) ? authErrorToAppError(err) : undefined;
  if (appError) {
    const cause = (appError as { cause?: unknown }).cause;
    if (appError.kind === 'unavailable') log.warn({ err: cause ?? appError, code: appError.code }, appError.message);
    const body: ErrorBody = { error: { code: appError.code, message: appError.message } };
    if (appError.details !== undefined) body.error.details = appError.details;
    send(res, appError.status, body, appError.headers);
    return;
  }
  const parserFailure = bodyParserError(err ?? {});
  if (parserFailure) {
    send(res, parserFailure.status, { error: { code: parserFailure.code, message: parserFailure.message } });
    return;
  }
  // A unique index caught a duplicate that raced past the command's own check: still the client's conflict.
  if (err?.name === 'UniqueConstraintViolationException') {
    log.debug({ err }, 'unique constraint violation answered as 409');
    send(res, 409, { error: { code: 'conflict', message: 'A record with these values already exists' } });
    return;
  }
  const errorId = randomUUID();
  log.error({ err, errorId }, 'unhandled error');
  send(res, 500, { error: { code: 'internal', message: 'Internal error', details: { errorId } } });
};
