import express, { type RequestHandler } from 'express';
import swaggerUi from 'swagger-ui-express';
import type { Config } from '../config/index.js';
import { logger as processLogger, type Logger } from '../observability/logger.js';
import { metricsRegistry } from '../observability/metrics.js';
import { corsAllowList } from './cors.js';
import { errorHandler } from './errors.js';
import { httpMetrics } from './http-metrics.js';
import { inSequence } from './in-sequence.js';
import { routeNotFound } from './not-found.js';
import { dispatchTo, RouteMatcher } from './route-matcher.js';
import { securityHeaders } from './security-headers.js';
import { buildOpenApiDocument } from './openapi.js';
import { perIpRateLimit, perUserRateLimit, type RateLimitOptions } from './rate-limit.js';
import { readinessHandler, type ReadinessProbes } from './readiness.js';
import { requestId } from './request-id.js';
import { requestLogging } from './request-logging.js';

export interface HttpAppOptions {
  config: Pick<Config, 'corsOrigins' | 'bodyLimit'>;
  /** Module routes (handlers or routers); their paths are absolute (/v1/...), mounted after authentication. */
  routers: RequestHandler[];
  /**
   * Routers that authenticate by other means (signed webhooks, secret calendar-feed keys, unsubscribe
   * links): mounted before token authentication, and they parse their own bodies. Each names the path
   * prefix it serves (`under`): requests elsewhere pass by without entering it.
   */
  publicRouters?: PublicRouter[];
  /** Runs for everything under /v1 except the OpenAPI document and public routers; sets req.caller. */
  authenticate: RequestHandler;
  readinessProbes: ReadinessProbes;
  /** Merged into the /readyz body (e.g. which OpenFGA store and model are in use). */
  extraInfo?: () => Record<string, unknown>;
  /** Per probe; a dependency slower than this counts as down. */
  readinessTimeoutMs?: number;
  logger?: Logger;
  /** Redis-backed limits per client IP (before authentication) and per user (after); absent → no limits. */
  rateLimit?: Omit<RateLimitOptions, 'logger'>;
}

export interface PublicRouter {
  under: string;
  router: RequestHandler;
}

const OPENAPI_PATH = '/v1/openapi.json';
const DOCS_PATH = '/docs';

/**
 * The public routers as one layer, each entered only for paths under its prefix (case-insensitively,
 * as Express matches paths): entering a router costs a walk of its routes, and every /v1 request
 * passes here. A router still decides what it serves, and passes on what it does not.
 */
function publicRoutes(routers: PublicRouter[]): RequestHandler {
  const prefixed = routers.map(({ under, router }) => ({ prefix: under.toLowerCase(), router }));
  return (req, res, next) => {
    const path = req.path.toLowerCase();
    const serving = prefixed.filter(({ prefix }) => path.startsWith(prefix)).map(({ router }) => router);
    if (serving.length) inSequence(serving)(req, res, next);
    else next();
  };
}

/** The Express app: operations endpoints, API docs, then authenticated /v1 routes, JSON errors throughout. */
export function createHttpApp(options: HttpAppOptions): express.Express {
  const app = express();
  app.disable('x-powered-by');
  // Responses are per caller and change with every write; a sha1 of each body (Express's default weak
  // ETag) cost CPU on every request for conditional GETs no client of this API makes.
  app.set('etag', false);

  const limits = options.rateLimit && { ...options.rateLimit, logger: options.logger ?? processLogger };
  const ipLimit = limits && perIpRateLimit(limits);
  // What every request passes through, as one router layer (in-sequence.ts).
  app.use(inSequence([
    // Plain-http development would otherwise have the docs page's assets upgraded to https and fail.
    securityHeaders({ contentSecurityPolicy: { directives: { 'upgrade-insecure-requests': null } } }),
    requestId,
    requestLogging(options.logger ?? processLogger),
    httpMetrics,
    // CORS first: a 429 a browser cannot read (no Allow-Origin) would look like a network error to the page.
    corsAllowList(options.config.corsOrigins),
    ...(ipLimit ? [ipLimit] : []),
  ]));

  // Operations endpoints: one layer, one lookup (route-matcher.ts), instead of a layer each that every
  // /v1 request walked past.
  const operations = new RouteMatcher<RequestHandler>();
  operations.add('get', '/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  operations.add('get', '/readyz', readinessHandler(options.readinessProbes, options.readinessTimeoutMs ?? 2000, options.extraInfo));
  operations.add('get', '/metrics', async (_req, res) => {
    res.setHeader('Content-Type', metricsRegistry.contentType);
    res.send(await metricsRegistry.metrics());
  });
  // Built on first request: by then every module has registered its routes.
  let openApiDocument: ReturnType<typeof buildOpenApiDocument> | undefined;
  operations.add('get', OPENAPI_PATH, (_req, res) => {
    openApiDocument ??= buildOpenApiDocument();
    res.json(openApiDocument);
  });
  app.use(dispatchTo(operations));

  const docsOptions = { swaggerOptions: { url: OPENAPI_PATH }, customSiteTitle: 'Touchline API' };
  const docs = express.Router().use(DOCS_PATH, swaggerUi.serveFiles(undefined, docsOptions), swaggerUi.setup(undefined, docsOptions));
  app.use(publicRoutes([{ under: DOCS_PATH, router: docs }, ...(options.publicRouters ?? [])]));
  const userLimit = limits && perUserRateLimit(limits);
  app.use('/v1', inSequence([options.authenticate, ...(userLimit ? [userLimit] : []), express.json({ limit: options.config.bodyLimit })]));
  for (const router of options.routers) app.use(router);

  app.use(routeNotFound);
  app.use(errorHandler);
  return app;
}
