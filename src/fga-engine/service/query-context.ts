// Builds the resolver context of a query (check, expand, list-objects, list-users) from the
// service context, the resolved model and the request's contextual tuples and condition context.
import { fgaErrors } from '../errors.js';
import type { Typesystem } from '../model/index.js';
import type { ResolveContext, ResolveLimits } from '../resolve/index.js';
import type { TupleKey } from '../types.js';
import type { ServiceContext } from './service-context.js';

const CONSISTENCY_PREFERENCES = new Set(['UNSPECIFIED', 'MINIMIZE_LATENCY', 'HIGHER_CONSISTENCY']);

export function resolveLimitsOf(ctx: Pick<ServiceContext, 'limits'>): ResolveLimits {
  const { limits } = ctx;
  return {
    resolveDepth: limits.resolveNodeLimit,
    listObjectsMaxResults: limits.listObjectsMaxResults,
    listObjectsDeadlineMs: limits.listObjectsDeadlineMs,
    listUsersMaxResults: limits.listUsersMaxResults,
    listUsersDeadlineMs: limits.listUsersDeadlineMs,
  };
}

export function queryContext(
  ctx: Pick<ServiceContext, 'datastore' | 'limits'>,
  storeId: string,
  typesystem: Typesystem,
  contextualTuples: TupleKey[],
  context: Record<string, unknown> | undefined,
): ResolveContext {
  return {
    datastore: ctx.datastore,
    storeId,
    typesystem,
    contextualTuples: contextualTuples.length > 0 ? contextualTuples : undefined,
    context,
    limits: resolveLimitsOf(ctx),
  };
}

/**
 * Every consistency preference is accepted; none changes the answer here, because a write is
 * visible to the very next request (a datastore's read cache is brought up to date before each).
 */
export function checkConsistency(value: unknown): void {
  if (value === undefined || value === null) return;
  if (typeof value !== 'string' || !CONSISTENCY_PREFERENCES.has(value)) {
    throw fgaErrors.validation(`invalid value for enum field consistency: ${JSON.stringify(value)}`);
  }
}
