// The Expand operation: the userset tree of one object#relation (commands/expand.go).
import { FgaError } from '../errors.js';
import { expand as resolveExpand } from '../resolve/index.js';
import { checkOptionalModelId, checkStoreId } from './common-fields.js';
import { withModelId } from './model-id.js';
import { resolveQuery } from './model-resolution.js';
import { PATTERNS, checkPatternIfSet, checkRequired } from './proto-validation.js';
import { checkConsistency, queryContext } from './query-context.js';
import type { ExpandRequest, ExpandResponse } from './requests.js';
import type { ServiceContext } from './service-context.js';
import { checkContextualTuples, expectStrings } from './tuple-key-fields.js';

export async function expand(ctx: ServiceContext, req: ExpandRequest): Promise<ExpandResponse> {
  checkStoreId('ExpandRequest', req.store_id);
  checkRequired('ExpandRequest', 'TupleKey', req.tuple_key);
  expectStrings(req.tuple_key, ['relation', 'object']);
  checkPatternIfSet('ExpandRequestTupleKey', 'Relation', req.tuple_key.relation, PATTERNS.relation);
  checkPatternIfSet('ExpandRequestTupleKey', 'Object', req.tuple_key.object, PATTERNS.object);
  checkOptionalModelId('ExpandRequest', req.authorization_model_id);
  const contextualTuples = checkContextualTuples(req.contextual_tuples?.tuple_keys);
  checkConsistency(req.consistency);
  const { object, relation } = req.tuple_key;
  if (!object || !relation) {
    throw new FgaError('invalid_expand_input', 'Invalid input. Make sure you provide an object and a relation');
  }
  const { model, typesystem, reads } = await resolveQuery(ctx, req.store_id, req.authorization_model_id);
  const response = await resolveExpand(queryContext(reads, req.store_id, typesystem, contextualTuples, undefined), { object, relation });
  return withModelId({ tree: response.tree }, model.id);
}
