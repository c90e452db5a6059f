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

// One labelled series per (method, route, status), looked up by a plain string key: prom-client
// would otherwise hash the label object on every observation.
type Series = ReturnType<typeof httpRequestDuration.labels>;
const series = new Map<string, Series>();
const MAX_SERIES = 5000;

function seriesFor(method: string, route: string, status: string): Series {
  const key = `${method} ${status} ${route}`;
  let found = series.get(key);
  if (!found) {
    found = httpRequestDuration.labels({ method, route, status_code: status });
    if (series.size < MAX_SERIES) series.set(key, found);
  }
  return found;
}

/** Observes every request's duration by method, route pattern and status code. */
export const httpMetrics: RequestHandler = (req, res, next) => {
  const started = performance.now();
  res.once('finish', () => {
    seriesFor(req.method, routeLabel(req, res.locals.routeNotFound === true), String(res.statusCode)).observe((performance.now() - started) / 1000);
  });
  next();
};
