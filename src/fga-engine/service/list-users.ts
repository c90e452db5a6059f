// The ListUsers operation: the users of given types (or usersets) related to an object
// (commands/listusers/list_users_rpc.go).
import { listUsers as resolveListUsers } from '../resolve/index.js';
import { checkOptionalModelId, checkStoreId } from './common-fields.js';
import { withModelId } from './model-id.js';
import { resolveQuery } from './model-resolution.js';
import { PATTERNS, checkPattern, checkPatternIfSet, checkRequired } from './proto-validation.js';
import { checkConsistency, queryContext } from './query-context.js';
import type { ListUsersRequest, ListUsersResponse } from './requests.js';
import type { ServiceContext } from './service-context.js';
import { checkContextualTuples, checkStruct, expectStrings } from './tuple-key-fields.js';
import { fgaErrors } from '../errors.js';

export async function listUsers(ctx: ServiceContext, req: ListUsersRequest): Promise<ListUsersResponse> {
  checkStoreId('ListUsersRequest', req.store_id);
  checkOptionalModelId('ListUsersRequest', req.authorization_model_id);
  checkRequired('ListUsersRequest', 'Object', req.object);
  expectStrings(req.object, ['type', 'id']);
  checkPattern('Object', 'Type', req.object.type ?? '', PATTERNS.typeName);
  checkPattern('Object', 'Id', req.object.id ?? '', PATTERNS.objectId);
  expectStrings(req, ['relation']);
  checkPattern('ListUsersRequest', 'Relation', req.relation ?? '', PATTERNS.relation);
  if (!Array.isArray(req.user_filters)) throw fgaErrors.validation('invalid ListUsersRequest.UserFilters: value must be a list');
  for (const filter of req.user_filters) {
    expectStrings(filter, ['type', 'relation']);
    checkPattern('UserTypeFilter', 'Type', filter.type ?? '', PATTERNS.typeName);
    checkPatternIfSet('UserTypeFilter', 'Relation', filter.relation, PATTERNS.userFilterRelation);
  }
  const contextualTuples = checkContextualTuples(req.contextual_tuples, 100, 'ListUsersRequest.ContextualTuples');
  const conditionContext = checkStruct(req.context, 'context');
  checkConsistency(req.consistency);
  const { model, typesystem, reads } = await resolveQuery(ctx, req.store_id, req.authorization_model_id);
  const users = await resolveListUsers(
    queryContext(reads, req.store_id, typesystem, contextualTuples, conditionContext),
    {
      object: `${req.object.type}:${req.object.id}`,
      relation: req.relation,
      userFilters: req.user_filters.map((f) => (f.relation ? { type: f.type, relation: f.relation } : { type: f.type })),
    },
    { maxResults: ctx.limits.listUsersMaxResults, deadlineMs: ctx.limits.listUsersDeadlineMs },
  );
  return withModelId({ users }, model.id);
}
