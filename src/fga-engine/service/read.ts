// The Read operation: stored tuples matching a filter, unevaluated, paginated (commands/read.go).
import { fgaErrors } from '../errors.js';
import { checkPagination, checkStoreId } from './common-fields.js';
import { PATTERNS, checkMaxBytes, checkPatternIfSet } from './proto-validation.js';
import type { ReadRequest, ReadResponse } from './requests.js';
import type { ServiceContext } from './service-context.js';
import { expectStrings } from './tuple-key-fields.js';

export async function read(ctx: ServiceContext, req: ReadRequest): Promise<ReadResponse> {
  checkStoreId('ReadRequest', req.store_id);
  checkPagination('ReadRequest', req);
  const key = req.tuple_key;
  if (key !== undefined && key !== null) {
    expectStrings(key, ['user', 'relation', 'object']);
    checkMaxBytes('ReadRequestTupleKey', 'User', key.user, 512);
    checkPatternIfSet('ReadRequestTupleKey', 'Relation', key.relation, PATTERNS.relation);
    checkPatternIfSet('ReadRequestTupleKey', 'Object', key.object, PATTERNS.object);
    // OpenFGA restricts filtered reads to ones every storage backend can serve from an index.
    const object = key.object ?? '';
    const colon = object.indexOf(':');
    const objectType = colon === -1 ? '' : object.slice(0, colon);
    const objectId = colon === -1 ? object : object.slice(colon + 1);
    if (!objectType || (!objectId && !key.user)) {
      throw fgaErrors.validation(
        "the 'tuple_key' field was provided but the object type field is required and both the object id and user cannot be empty",
      );
    }
  }
  const page = await ctx.datastore.read(
    req.store_id,
    { object: key?.object || undefined, relation: key?.relation || undefined, user: key?.user || undefined },
    { pageSize: req.page_size ?? ctx.limits.defaultPageSize, continuationToken: req.continuation_token },
  );
  return { tuples: page.items.map((t) => ({ key: tupleKeyJson(t.key), timestamp: t.timestamp })), continuation_token: page.continuationToken };
}

/** proto-JSON emits the unset condition as null, in proto field order. */
export function tupleKeyJson<K extends { user: string; relation: string; object: string; condition?: unknown }>(key: K) {
  return { user: key.user, relation: key.relation, object: key.object, condition: (key.condition ?? null) as K['condition'] };
}
