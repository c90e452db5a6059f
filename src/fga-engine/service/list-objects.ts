// ListObjects and StreamedListObjects: the objects of a type a user has a relation with
// (commands/list_objects.go). The streamed form is uncapped and hands out objects as found.
import { listObjects as resolveListObjects } from '../resolve/index.js';
import { checkOptionalModelId, checkStoreId } from './common-fields.js';
import { withModelId } from './model-id.js';
import { resolveQuery } from './model-resolution.js';
import { PATTERNS, checkByteRange, checkPattern } from './proto-validation.js';
import { checkConsistency, queryContext } from './query-context.js';
import type { ListObjectsRequest, ListObjectsResponse } from './requests.js';
import type { ServiceContext } from './service-context.js';
import { checkContextualTuples, checkStruct, expectStrings } from './tuple-key-fields.js';

export async function listObjects(ctx: ServiceContext, req: ListObjectsRequest): Promise<ListObjectsResponse> {
  const prepared = await prepare(ctx, req, 'ListObjectsRequest');
  const objects = await resolveListObjects(prepared.context, prepared.query, {
    maxResults: ctx.limits.listObjectsMaxResults,
    deadlineMs: ctx.limits.listObjectsDeadlineMs,
  });
  return withModelId({ objects }, prepared.resolved.model.id);
}

export interface ObjectStreamSink {
  /** Called once, after validation and before the first object, with the model answering. */
  onModel?(modelId: string): void;
  onObject(object: string): void;
}

/** Errors before the first object reject the promise; the sink then has received nothing. */
export async function streamedListObjects(ctx: ServiceContext, req: ListObjectsRequest, sink: ObjectStreamSink): Promise<void> {
  const prepared = await prepare(ctx, req, 'StreamedListObjectsRequest');
  sink.onModel?.(prepared.resolved.model.id);
  await resolveListObjects(prepared.context, prepared.query, {
    maxResults: 0,
    deadlineMs: ctx.limits.listObjectsDeadlineMs,
    onObject: (object) => sink.onObject(object),
  });
}

async function prepare(ctx: ServiceContext, req: ListObjectsRequest, message: string) {
  checkStoreId(message, req.store_id);
  checkOptionalModelId(message, req.authorization_model_id);
  expectStrings(req, ['type', 'relation', 'user']);
  checkPattern(message, 'Type', req.type ?? '', PATTERNS.typeName);
  checkPattern(message, 'Relation', req.relation ?? '', PATTERNS.relation);
  checkByteRange(message, 'User', req.user ?? '', 1, 512);
  const contextualTuples = checkContextualTuples(req.contextual_tuples?.tuple_keys);
  const conditionContext = checkStruct(req.context, 'context');
  checkConsistency(req.consistency);
  const resolved = await resolveQuery(ctx, req.store_id, req.authorization_model_id);
  return {
    resolved,
    context: queryContext(resolved.reads, req.store_id, resolved.typesystem, contextualTuples, conditionContext),
    query: { type: req.type, relation: req.relation, user: req.user },
  };
}
