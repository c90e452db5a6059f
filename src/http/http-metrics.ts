import type { Request, RequestHandler } from 'express';
import { httpRequestDuration } from '../observability/metrics.js';

// Ids in paths become ':id' so a scan of many ids cannot explode the number of series.
const ID_SEGMENT = /^(?:[0-9A-HJKMNP-TV-Z]{26}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d+|[0-9a-f]{16,})$/i;

function routeLabel(req: Request, unmatched: boolean): string {
  if (unmatched) return 'unmatched';
  if (req.route?.path && typeof req.route.path === 'string') return `${req.baseUrl ?? ''}${req.route.path}`;
  // Answered before any route matched (e.g. a 401 from the /v1 authentication): use the normalised path.
  return req.path
    .split('/')
    .map((segment) => (ID_SEGMENT.test(segment) ? ':id' : segment))
    .join('/');
}

/** Observes every request's duration by method, route pattern and status code. */
export const httpMetrics: RequestHandler = (req, res, next) => {
  const stop = httpRequestDuration.startTimer();
  res.once('finish', () => {
    stop({ method: req.method, route: routeLabel(req, res.locals.routeNotFound === true), status_code: String(res.statusCode) });
  });
  next();
};
