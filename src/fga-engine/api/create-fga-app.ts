// The engine's HTTP API as an Express app: OpenFGA's paths, statuses, headers and error bodies.
// The request path is deliberately thin (no body-parser, no ETag, no per-request logging): it is
// benchmarked against a bare /healthz on the same server.
import express, { type Express, type Request, type Response } from 'express';
import type { Datastore } from '../storage/datastore.js';
import { createServiceContext, type EngineLimits, type ServiceContext } from '../service/index.js';
import { FgaError } from '../errors.js';
import { sendError, sendJson, type EngineLogger } from './error-response.js';
import { readJsonObject } from './json-body.js';
import { createPresharedKeyCheck } from './preshared-key-auth.js';
import { pathPattern, replyTo } from './route-reply.js';
import { ROUTES, type RouteInput, type RouteSpec } from './routes.js';
import { createStreamedListObjectsHandler } from './streamed-list-objects.js';

export interface FgaAppOptions {
  datastore: Datastore;
  limits?: Partial<EngineLimits>;
  /** When non-empty, every API call needs `Authorization: Bearer <one of these>`. */
  presharedKeys?: readonly string[];
  logger?: EngineLogger;
  /** The service context to answer over (default: a new one from datastore and limits); share it with createInProcessDispatch. */
  context?: ServiceContext;
}

const STREAMED_LIST_OBJECTS_PATH = '/stores/:store_id/streamed-list-objects';

export function createFgaApp(opts: FgaAppOptions): Express {
  const ctx = opts.context ?? createServiceContext(opts.datastore, opts.limits);
  const authenticate = opts.presharedKeys && opts.presharedKeys.length > 0 ? createPresharedKeyCheck(opts.presharedKeys) : undefined;
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);

  // grpc-gateway's WithHealthzEndpoint: unauthenticated, like OpenFGA's.
  app.get('/healthz', (_req, res) => sendJson(res, 200, { status: 'SERVING' }));
  for (const route of ROUTES) app[route.method](route.path, routeHandler(ctx, route, authenticate, opts.logger));
  app.post(STREAMED_LIST_OBJECTS_PATH, createStreamedListObjectsHandler(ctx, authenticate, opts.logger));

  const knownPaths = [...ROUTES.map((r) => r.path), STREAMED_LIST_OBJECTS_PATH, '/healthz'].map(pathPattern);
  app.use((req: Request, res: Response) => {
    // A known path with the wrong method is grpc-gateway's Method Not Allowed → code unimplemented.
    const error = knownPaths.some((matches) => matches(req.path) !== undefined)
      ? new FgaError('unimplemented', 'Method Not Allowed')
      : new FgaError('undefined_endpoint', 'Not Found');
    sendError(res, error);
  });
  app.use((err: unknown, _req: Request, res: Response, _next: unknown) => sendError(res, err, opts.logger));
  return app;
}

function routeHandler(ctx: ServiceContext, route: RouteSpec, authenticate: ((req: Request) => void) | undefined, logger?: EngineLogger) {
  return async (req: Request, res: Response): Promise<void> => {
    let input: RouteInput;
    try {
      authenticate?.(req);
      input = { params: req.params as Record<string, string>, query: req.query as Record<string, unknown>, body: route.readsBody ? await readJsonObject(req) : {} };
    } catch (err) {
      sendError(res, err, logger);
      return;
    }
    const reply = await replyTo(ctx, route, input, logger);
    res.writeHead(reply.status, reply.status === 204 ? reply.headers : { ...reply.headers, 'content-length': Buffer.byteLength(reply.body) });
    res.end(reply.status === 204 ? undefined : reply.body);
  };
}
