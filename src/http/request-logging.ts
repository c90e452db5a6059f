import type { Request, RequestHandler } from 'express';
import type { Logger } from '../observability/logger.js';
import './types.js';

// Probes and scrapes hit these every few seconds; logging them would drown everything else.
const QUIET_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

const pathOf = (req: Request) => (req.originalUrl ?? req.url ?? '').split('?')[0];

/**
 * One line per finished request (method, path, status, duration, request id, user id; error level for
 * a 5xx, warn for a request the client abandoned); nothing when it starts. Handlers log through
 * `req.log`, which carries the request id.
 *
 * Hand-written rather than pino-http: pino-http built a child logger and its serializers for every
 * request, logged or not — ~85 µs, a third of what an authenticated request costs here. `req.log` is
 * made on first use (most requests never log), and a line is only built when its level is enabled.
 */
export function requestLogging(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    let child: Logger | undefined;
    Object.defineProperty(req, 'log', {
      configurable: true,
      get: () => (child ??= logger.child({ requestId: req.id })),
      set: (value: Logger) => (child = value),
    });
    const path = pathOf(req);
    if (!QUIET_PATHS.has(path)) {
      res.once('close', () => {
        const aborted = !res.writableFinished;
        const level = aborted ? 'warn' : res.statusCode >= 500 ? 'error' : 'info';
        if (!logger.isLevelEnabled(level)) return;
        const responseTime = Math.round(performance.now() - started);
        const caller = req.caller;
        logger[level](
          // The logger's serializers keep req and res to a few harmless fields (observability/serializers.ts).
          { requestId: req.id, ...(caller && { userId: caller.userId }), req, res, responseTime },
          aborted ? `${req.method} ${path} aborted after ${responseTime}ms` : `${req.method} ${path} ${res.statusCode} ${responseTime}ms`,
        );
      });
    }
    next();
  };
}
