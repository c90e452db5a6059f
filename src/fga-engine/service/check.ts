// The Check operation (server.go Check → commands/check_command.go).
import { check as resolveCheck } from '../resolve/index.js';
import { checkOptionalModelId, checkStoreId } from './common-fields.js';
import { withModelId } from './model-id.js';
import { resolveQuery } from './model-resolution.js';
import { checkConsistency, queryContext } from './query-context.js';
import type { CheckRequest, CheckResponse } from './requests.js';
import type { ServiceContext } from './service-context.js';
import { checkContextualTuples, checkQueryTupleKey, checkStruct } from './tuple-key-fields.js';

export async function check(ctx: ServiceContext, req: CheckRequest): Promise<CheckResponse> {
  checkStoreId('CheckRequest', req.store_id);
  checkQueryTupleKey('CheckRequestTupleKey', req.tuple_key, 'CheckRequest');
  const contextualTuples = checkContextualTuples(req.contextual_tuples?.tuple_keys);
  checkOptionalModelId('CheckRequest', req.authorization_model_id);
  const context = checkStruct(req.context, 'context');
  checkConsistency(req.consistency);
  const { model, typesystem, reads } = await resolveQuery(ctx, req.store_id, req.authorization_model_id);
  const { user, relation, object } = req.tuple_key;
  const allowed = await resolveCheck(queryContext(reads, req.store_id, typesystem, contextualTuples, context), { user, relation, object });
  return withModelId({ allowed, resolution: '' }, model.id);
}
