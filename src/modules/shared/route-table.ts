import type { Request, RequestHandler, Response } from 'express';
import type { ZodType } from 'zod';
import { z } from 'zod';
import { openApiRegistry } from '../../http/openapi.js';
import { validate } from '../../http/validate.js';
import { dispatchTo, RouteMatcher } from '../../http/route-matcher.js';
import { AppError } from '../../http/errors.js';
import { toCsv, type CsvCell } from '../../http/csv.js';
import { JsonText } from '../../http/json-text.js';
import type { Caller, ModuleDeps } from './deps.js';

export interface HandlerInput<B, Q, P> {
  caller: Caller;
  body: B;
  query: Q;
  params: P;
  /** 'csv' when the caller asked for `Accept: text/csv` on a route that offers it (exports lift the page size). */
  format: 'json' | 'csv';
}

/** How a route's result becomes CSV rows (`Accept: text/csv`). */
export interface CsvExport {
  columns: string[];
  rows(result: any): Array<Record<string, CsvCell>>;
  /** A base name for the download, e.g. 'audit-changes'. */
  filename: string;
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
  csv?: CsvExport;
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

/**
 * The table's routes as one Express handler: the route is found by method and path in one lookup
 * (http/route-matcher.ts), then its input is validated and its command or query called.
 */
export function buildRouteHandler(specs: RouteSpec[], deps: ModuleDeps): RequestHandler {
  const routes = new RouteMatcher<RequestHandler>();
  for (const spec of specs) {
    const checkInput = validate({ body: spec.body, query: spec.query, params: spec.params });
    const serve = (req: Request, res: Response) => answer(spec, deps, req, res);
    routes.add(spec.method, spec.path, (req, res, next) => checkInput(req, res, (error?: unknown) => (error ? next(error) : serve(req, res).catch(next))));
  }
  return dispatchTo(routes);
}

async function answer(spec: RouteSpec, deps: ModuleDeps, req: Request, res: Response): Promise<void> {
  if (!req.caller) throw new AppError('unauthenticated', 'Sign in first', undefined, 'unauthenticated');
  const valid = req.valid ?? {};
  const format = spec.csv && req.accepts(['application/json', 'text/csv']) === 'text/csv' ? 'csv' : 'json';
  // A fresh authz memo per request: answers are reused within a request, never across.
  const authz = deps.authz.forRequest({ route: `${spec.method.toUpperCase()} ${spec.path}`, requestId: String(req.id) });
  let result: unknown;
  try {
    result = await spec.handle({ ...deps, authz }, { caller: req.caller, body: valid.body as never, query: valid.query as never, params: valid.params as never, format });
  } finally {
    await recordDecisions(authz);
  }
  if (spec.status === 204) res.status(204).end();
  else if (format === 'csv') sendCsv(res, spec.csv!, result);
  else if (result instanceof JsonText) result.sendTo(res, spec.status);
  else res.status(spec.status).json(result);
}

/** Decisions on children's records are logged before the answer leaves; if they cannot be, nothing is served. */
async function recordDecisions(authz: ModuleDeps['authz']): Promise<void> {
  try {
    await authz.flushDecisions();
  } catch (error) {
    throw Object.assign(new AppError('unavailable', 'The decision log is unavailable, try again', undefined, 'audit_unavailable'), { cause: error });
  }
}

function sendCsv(res: Response, csv: CsvExport, result: unknown): void {
  const next = (result as { nextCursor?: string | null }).nextCursor;
  if (next) res.setHeader('X-Next-Cursor', next);
  res.setHeader('Content-Disposition', `attachment; filename="${csv.filename}.csv"`);
  res.status(200).type('text/csv; charset=utf-8').send(toCsv(csv.columns, csv.rows(result)));
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
        ? { description: 'Success', content: { 'application/json': { schema: spec.response }, ...(spec.csv && { 'text/csv': { schema: z.string() } }) } }
        : { description: 'Success' },
      ...errors,
    },
  });
}
