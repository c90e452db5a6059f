// What a route answers, independent of the transport: status, headers and the JSON body text, with
// failures as OpenFGA's error body. The Express app writes it to a socket; the in-process dispatcher
// hands it to a client in the same process. Both therefore answer byte for byte alike.
import { AUTHORIZATION_MODEL_ID_HEADER, modelIdOf, type ServiceContext } from '../service/index.js';
import { toFgaError, type EngineLogger } from './error-response.js';
import type { RouteInput, RouteSpec } from './routes.js';

export interface EngineReply {
  status: number;
  headers: Record<string, string>;
  /** JSON text ('' for 204). */
  body: string;
}

export async function replyTo(ctx: ServiceContext, route: RouteSpec, input: RouteInput, logger?: EngineLogger): Promise<EngineReply> {
  try {
    const result = await route.handle(ctx, input);
    const modelId = modelIdOf(result);
    const headers: Record<string, string> = modelId ? { [AUTHORIZATION_MODEL_ID_HEADER]: modelId } : {};
    if (route.status === 204) return { status: 204, headers, body: '' };
    return { status: route.status, headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(result ?? {}) };
  } catch (err) {
    return errorReply(err, logger);
  }
}

export function errorReply(err: unknown, logger?: EngineLogger): EngineReply {
  const error = toFgaError(err, logger);
  return { status: error.status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(error.toJSON()) };
}

/** `/stores/:store_id/check` → a matcher of concrete paths giving the decoded parameters (like Express: case-insensitive, optional trailing slash). */
export function pathPattern(path: string): (candidate: string) => Record<string, string> | undefined {
  const names: string[] = [];
  const source = path.split('/').map((segment) => {
    if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
    names.push(segment.slice(1));
    return '([^/]+)';
  }).join('/');
  const pattern = new RegExp(`^${source}/?$`, 'i');
  return (candidate) => {
    const match = pattern.exec(candidate);
    if (!match) return undefined;
    return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1])]));
  };
}
