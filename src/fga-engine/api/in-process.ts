// The engine's HTTP API without the network, for a client in the same process (the app's embedded
// engine): the same routes, request assembly, statuses, headers and error bodies as the Express app
// (both answer through route-reply.ts), minus the sockets. On a small machine a loopback HTTP hop
// (client, server parser, router, four system calls) costs more CPU than the check it carries.
import { parse as parseQueryString } from 'node:querystring';
import { FgaError } from '../errors.js';
import type { ServiceContext } from '../service/index.js';
import { bodyTooLarge, parseJsonObject } from './json-body.js';
import type { EngineLogger } from './error-response.js';
import { errorReply, pathPattern, replyTo, type EngineReply } from './route-reply.js';
import { ROUTES } from './routes.js';

export interface InProcessRequest {
  method: string;
  /** Path and query string, e.g. `/stores/01H…/check` or `/stores?page_size=10`. */
  path: string;
  /** The JSON body text, if any. */
  body?: string;
}

export type InProcessDispatch = (request: InProcessRequest) => Promise<EngineReply>;

/**
 * Answers over `ctx`: pass the one the engine's HTTP app uses (FgaAppOptions.context), so both share
 * one model cache. Streaming list-objects needs a socket; preshared keys are for network callers.
 */
export function createInProcessDispatch(ctx: ServiceContext, logger?: EngineLogger): InProcessDispatch {
  const routes = ROUTES.map((route) => ({ route, match: pathPattern(route.path) }));
  return async ({ method, path, body }) => {
    const queryAt = path.indexOf('?');
    const pathname = queryAt < 0 ? path : path.slice(0, queryAt);
    let methodMismatch = false;
    for (const { route, match } of routes) {
      const params = match(pathname);
      if (!params) continue;
      if (route.method !== method.toLowerCase()) {
        methodMismatch = true;
        continue;
      }
      try {
        const tooLarge = bodyTooLarge(Buffer.byteLength(body ?? ''));
        if (tooLarge) throw tooLarge;
        const query = queryAt < 0 ? {} : { ...parseQueryString(path.slice(queryAt + 1)) };
        return await replyTo(ctx, route, { params, query, body: route.readsBody ? parseJsonObject(body ?? '') : {} }, logger);
      } catch (err) {
        return errorReply(err, logger);
      }
    }
    return errorReply(methodMismatch ? new FgaError('unimplemented', 'Method Not Allowed') : new FgaError('undefined_endpoint', 'Not Found'));
  };
}
