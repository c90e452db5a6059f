import { Router, type Request, type Response } from 'express';
import type { ZodType } from 'zod';
import { z } from 'zod';
import { openApiRegistry } from '../../http/openapi.js';
import { validate } from '../../http/validate.js';
import { AppError } from '../../http/errors.js';
import type { Caller, ModuleDeps } from './deps.js';

export interface HandlerInput<B, Q, P> {
  caller: Caller;
  body: B;
  query: Q;
  params: P;
}

/** One endpoint: its contract (zod → validation and OpenAPI) and the command or query it calls. */
export interface RouteSpec<B = any, Q = any, P = any> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string; // express style, e.g. /v1/groups/:groupId
  summary: string;
  tag: string;
  body?: ZodType<B>;
  query?: ZodType<Q>;
  params?: ZodType<P>;
  status: 200 | 201 | 204;
  response?: ZodType;
  handle: (deps: ModuleDeps, input: HandlerInput<B, Q, P>) => Promise<unknown>;
}

/** Every route of every module (filled as route files load): the source for the router, OpenAPI and the authorisation matrix. */
export const routeTable: RouteSpec[] = [];

/** Declares a module's routes once per process: adds them to the route table and the OpenAPI document. */
export function defineRoutes(specs: RouteSpec[]): RouteSpec[] {
  routeTable.push(...specs);
  for (const spec of specs) registerOpenApi(spec);
  return specs;
}

export function buildRouter(specs: RouteSpec[], deps: ModuleDeps): Router {
  const router = Router();
  for (const spec of specs) {
    router[spec.method](spec.path, validate({ body: spec.body, query: spec.query, params: spec.params }), async (req: Request, res: Response) => {
      if (!req.caller) throw new AppError('unauthenticated', 'Sign in first', undefined, 'unauthenticated');
      const valid = req.valid ?? {};
      // A fresh authz memo per request: answers are reused within a request, never across.
      const result = await spec.handle({ ...deps, authz: deps.authz.forRequest() }, { caller: req.caller, body: valid.body as never, query: valid.query as never, params: valid.params as never });
      if (spec.status === 204) res.status(204).end();
      else res.status(spec.status).json(result);
    });
  }
  return router;
}

const ErrorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }) });

function registerOpenApi(spec: RouteSpec): void {
  const errors = Object.fromEntries(
    [
      ['400', 'Invalid input'],
      ['401', 'Missing or invalid token'],
      ['403', 'Visible, but not allowed'],
      ['404', 'Not found, or not visible to the caller'],
      ['409', 'Already exists'],
    ].map(([status, description]) => [status, { description, content: { 'application/json': { schema: ErrorBody } } }]),
  );
  openApiRegistry.registerPath({
    method: spec.method,
    path: spec.path.replace(/:(\w+)/g, '{$1}'),
    summary: spec.summary,
    tags: [spec.tag],
    security: [{ bearerAuth: [] }],
    request: {
      params: spec.params as never,
      query: spec.query as never,
      body: spec.body ? { content: { 'application/json': { schema: spec.body } } } : undefined,
    },
    responses: {
      [spec.status]: spec.response
        ? { description: 'Success', content: { 'application/json': { schema: spec.response } } }
        : { description: 'Success' },
      ...errors,
    },
  });
}
