import type { Request } from 'express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pinoHttp } from 'pino-http';
import type { Logger } from '../observability/logger.js';
import { serializeError, serializeRequest, serializeResponse } from '../observability/serializers.js';
import './types.js';

// Probes and scrapes hit these every few seconds; logging them would drown everything else.
const QUIET_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

const pathOf = (req: IncomingMessage) => ((req as Request).originalUrl ?? req.url ?? '').split('?')[0];

/**
 * One line per finished request (method, path, status, duration, request id, user id); nothing when it
 * starts. Handlers log through `req.log`, which carries the request id.
 */
export function requestLogging(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId: (req) => req.id,
    quietReqLogger: true,
    customAttributeKeys: { reqId: 'requestId' },
    autoLogging: { ignore: (req) => QUIET_PATHS.has(pathOf(req)) },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
    customSuccessMessage: (req, res, ms) => `${req.method} ${pathOf(req)} ${res.statusCode} ${ms}ms`,
    customErrorMessage: (req, res) => `${req.method} ${pathOf(req)} ${res.statusCode}`,
    // The error handler already logged the cause with its error id; pino-http's stand-in error adds nothing.
    customErrorObject: (_req, _res, _error, { err: _err, ...rest }) => rest,
    customProps: (req: IncomingMessage, _res: ServerResponse) => {
      const caller = (req as Request).caller;
      return caller ? { userId: caller.userId } : {};
    },
    serializers: { req: serializeRequest, res: serializeResponse, err: serializeError },
  });
}
